import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent } from '../office/fake-office.test-util';
import { completeOnce, runGuarded } from './complete-once';

afterEach(() => vi.useRealTimers());

describe('completeOnce', () => {
  it('completes with the first result and never again', () => {
    vi.useFakeTimers();
    const event = fakeEvent<{ allowEvent: boolean }>();
    const guard = completeOnce(event, 4000, () => ({ allowEvent: false }));
    expect(guard.complete({ allowEvent: true })).toBe(true);
    expect(guard.complete({ allowEvent: false })).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(event.completions).toEqual([{ allowEvent: true }]);
  });

  it('completes with the timeout decision when nothing else does, and ignores a late result', () => {
    vi.useFakeTimers();
    const event = fakeEvent<{ allowEvent: boolean }>();
    const guard = completeOnce(event, 4000, () => ({ allowEvent: false }));
    vi.advanceTimersByTime(3999);
    expect(event.completions).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(event.completions).toEqual([{ allowEvent: false }]);
    guard.complete({ allowEvent: true });
    expect(event.completions).toHaveLength(1);
  });

  it('survives a throwing decider and a throwing completed()', () => {
    vi.useFakeTimers();
    const calls: unknown[] = [];
    const event = {
      completed(o?: unknown) {
        calls.push(o);
        throw new Error('host closed');
      },
    };
    completeOnce(event, 10, () => {
      throw new Error('bad decider');
    });
    vi.advanceTimersByTime(20);
    expect(calls).toEqual([undefined]);
  });
});

describe('runGuarded', () => {
  it('a rejected work completes once with the failure decision', async () => {
    const event = fakeEvent<string>();
    await runGuarded(event, 1000, (e) => (e === 'timeout' ? 'timed-out' : 'failed'), () => Promise.reject(new Error('x')));
    expect(event.completions).toEqual(['failed']);
  });

  it('a synchronous throw completes once', async () => {
    const event = fakeEvent<string>();
    await runGuarded(event, 1000, () => 'failed', () => {
      throw new Error('sync');
    });
    expect(event.completions).toEqual(['failed']);
  });

  it('hanging work completes on the bound; its late result is dropped', async () => {
    vi.useFakeTimers();
    const event = fakeEvent<string>();
    let release: (v: string) => void = () => undefined;
    const done = runGuarded(event, 4000, (e) => (e === 'timeout' ? 'timed-out' : 'failed'), () => new Promise<string>((r) => (release = r)));
    await vi.advanceTimersByTimeAsync(4000);
    await done;
    release('late');
    await vi.advanceTimersByTimeAsync(10);
    expect(event.completions).toEqual(['timed-out']);
  });
});
