// Where a text differs from the one read before it: a host checks a draft again after every
// edit, and a 10 M-character body typed into changes in a few characters. Comparing strings
// is a memory compare in the engine, many times faster than reading them character by character
// with a regular expression, so the unchanged head and tail are found by comparing slices.

/** Slices compared at a time: long enough that a slice costs little beside its compare. */
const STEP = 1 << 14;

/** How many leading code units `a` and `b` share. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let at = 0;
  while (at + STEP <= n && a.slice(at, at + STEP) === b.slice(at, at + STEP)) at += STEP;
  // The first differing stretch is narrowed by halves, each half one compare.
  let span = Math.min(STEP, n - at);
  while (span > 8) {
    const half = span >>> 1;
    if (a.slice(at, at + half) === b.slice(at, at + half)) {
      at += half;
      span -= half;
    } else {
      span = half;
    }
  }
  while (at < n && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many trailing code units `a` and `b` share, at most `limit`. */
export function commonSuffix(a: string, b: string, limit = Math.min(a.length, b.length)): number {
  const n = Math.min(limit, a.length, b.length);
  const tail = (s: string, from: number, to: number) => s.slice(s.length - to, s.length - from);
  let at = 0;
  while (at + STEP <= n && tail(a, at, at + STEP) === tail(b, at, at + STEP)) at += STEP;
  let span = Math.min(STEP, n - at);
  while (span > 8) {
    const half = span >>> 1;
    if (tail(a, at, at + half) === tail(b, at, at + half)) {
      at += half;
      span -= half;
    } else {
      span = half;
    }
  }
  while (at < n && a.charCodeAt(a.length - 1 - at) === b.charCodeAt(b.length - 1 - at)) at++;
  return at;
}
