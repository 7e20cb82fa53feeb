import { describe, expect, it } from 'vitest';
import { Newest } from './newest';

describe('Newest', () => {
  it('works on the first and the newest value, skipping those overtaken while waiting', async () => {
    const seen: string[] = [];
    const n = new Newest(async (v: string) => {
      seen.push(v);
      await new Promise((r) => setTimeout(r, 20));
      return v.length;
    });
    const results = ['abcdef', 'abcdefg', 'abcdefgh', 'abcdefghi'].map((v) => n.submit(v));
    expect(await Promise.all(results)).toEqual([6, undefined, undefined, 9]);
    expect(seen).toEqual(['abcdef', 'abcdefghi']);
    expect(await n.settled()).toBe(9);
  });

  it('settles on the last value even when it arrives while the previous one runs', async () => {
    const n = new Newest(async (v: string) => {
      await new Promise((r) => setTimeout(r, 10));
      return v;
    });
    void n.submit('first-value');
    await new Promise((r) => setTimeout(r, 5));
    void n.submit('final-value');
    expect(await n.settled()).toBe('final-value');
    // After going idle, a new value starts a new run.
    expect(await n.submit('later-value')).toBe('later-value');
  });
});
