import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonEdge } from './edits';

function naivePrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}
function naiveSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  while (k < limit && k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

describe('common head and tail of two texts', () => {
  // Long texts built from a few pieces, so that they share long stretches and differ anywhere,
  // past the slices compared at a time as well as inside them.
  const piece = fc.constantFrom('a', 'ộ', '\n', 'Cộng hoà ', 'x'.repeat(5000), 'ệ'.repeat(20000), '');
  const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
  const edited = fc.tuple(text, fc.nat(), fc.nat(), fc.array(piece, { maxLength: 2 })).map(([t, at, cut, put]) => {
    const from = t.length === 0 ? 0 : at % (t.length + 1);
    return [t, t.slice(0, from) + put.join('') + t.slice(Math.min(t.length, from + (cut % 40)))] as const;
  });

  it('agree with a character-by-character comparison', () => {
    fc.assert(
      fc.property(fc.oneof(edited, fc.tuple(text, text)), ([a, b]) => {
        const head = commonEdge(a, b, Infinity, false);
        expect(head).toBe(naivePrefix(a, b));
        const limit = Math.min(a.length, b.length) - head;
        expect(commonEdge(a, b, limit, true)).toBe(naiveSuffix(a, b, limit));
        expect(commonEdge(a, b, Infinity, true)).toBe(naiveSuffix(a, b, Math.min(a.length, b.length)));
      }),
      { numRuns: 400 },
    );
  });
});
