// Where a text differs from the one read before it: a host checks a draft again after every
// edit, and a 10 M-character body typed into changes in a few characters. Comparing strings
// is a memory compare in the engine, many times faster than reading them character by character
// with a regular expression, so the unchanged head and tail are found by comparing slices.

/** Slices compared at a time: long enough that a slice costs little beside its compare. */
const STEP = 1 << 14;

/** How many code units `a` and `b` share at their start (`fromEnd`: at their end), at most `limit`. */
export function commonEdge(a: string, b: string, limit: number, fromEnd: boolean): number {
  // [from, to) counted from the start, or from the end backwards.
  const part = (s: string, from: number, to: number) => (fromEnd ? s.slice(s.length - to, s.length - from) : s.slice(from, to));
  const n = Math.min(limit, a.length, b.length);
  let at = 0;
  let span = STEP;
  // Whole steps while they match, then the first differing one narrowed by halves.
  while (span > 0 && at < n) {
    span = Math.min(span, n - at);
    if (part(a, at, at + span) === part(b, at, at + span)) at += span;
    else span = span > 1 ? span >>> 1 : 0;
  }
  return at;
}

/** Where `after` differs from `before`: the units they share at the start, and then at the end. */
export interface Edit {
  readonly head: number;
  readonly tail: number;
}

let lastEdit: { before: string; after: string; edit: Edit } | undefined;

/**
 * The edit that made `after` from `before`. The survey, the legacy detector and the stamp search
 * each compare the same two drafts after a keystroke, and each compare reads most of both: the
 * last pair's answer is kept.
 */
export function editBetween(before: string, after: string): Edit {
  if (lastEdit && lastEdit.before === before && lastEdit.after === after) return lastEdit.edit;
  const head = commonEdge(before, after, Infinity, false);
  const edit = { head, tail: commonEdge(before, after, Math.min(before.length, after.length) - head, true) };
  lastEdit = { before, after, edit };
  return edit;
}
