import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfficeCallError, officeCall } from './call';

afterEach(() => vi.useRealTimers());

describe('officeCall', () => {
  it('resolves with the value of a succeeded result', async () => {
    await expect(officeCall('x', 100, (cb) => setTimeout(() => cb({ status: 'succeeded', value: 42 }), 0))).resolves.toBe(42);
  });
  it('rejects on Failed status with the error named', async () => {
    const p = officeCall('item.subject.getAsync', 100, (cb) => cb({ status: 'failed', value: undefined, error: { name: 'GenericError', message: 'nope' } }));
    await expect(p).rejects.toMatchObject({ failure: 'failed', message: 'item.subject.getAsync: failed (GenericError: nope)' });
  });
  it('rejects when the call throws', async () => {
    await expect(
      officeCall('x', 100, () => {
        throw new Error('not supported');
      }),
    ).rejects.toBeInstanceOf(OfficeCallError);
  });
  it('rejects on timeout and ignores a late callback', async () => {
    vi.useFakeTimers();
    let late: (r: { status: string; value: number }) => void = () => undefined;
    const p = officeCall<number>('x', 50, (cb) => (late = cb));
    const seen = p.catch((e: OfficeCallError) => e.failure);
    await vi.advanceTimersByTimeAsync(50);
    late({ status: 'succeeded', value: 1 });
    await expect(seen).resolves.toBe('timeout');
  });
});
