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

/**
 * The pairs compared with the latest text: each reader compares each kept text with it. Only the
 * latest's, so that no draft from before a keystroke is held for its comparisons.
 */
let edits: { before: string; after: string; edit: Edit }[] = [];

/**
 * The edit that made `after` from `before`. The survey, the legacy detector, the address reading
 * and the stamp search each compare the same drafts after a keystroke, and each compare reads
 * most of both: the answers for the latest text are kept.
 */
export function editBetween(before: string, after: string): Edit {
  if (edits.length > 0 && edits[0]!.after !== after) edits = [];
  const kept = edits.find((e) => e.before === before);
  if (kept) return kept.edit;
  const head = commonEdge(before, after, Infinity, false);
  const edit = { head, tail: commonEdge(before, after, Math.min(before.length, after.length) - head, true) };
  if (edits.length < 16) edits.push({ before, after, edit });
  return edit;
}
