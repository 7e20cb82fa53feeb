// Format characters that render as nothing: zero-width space, non-joiner and joiner, soft
// hyphen, word joiner and the invisible operators, BOM / zero-width no-break space, the
// Mongolian vowel separator and the bidirectional marks and controls. Word processors, web
// pages and copy-paste leave them inside words, and anyone hiding an address from a filter can
// add them: "canbo@gmail\u200b.com" reads as canbo@gmail.com to every person who sees it.
// Each character is matched on its own, never as part of a joined sequence, which is the point.
// eslint-disable-next-line no-misleading-character-class
export const INVISIBLE_CHARS = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

// eslint-disable-next-line no-misleading-character-class
const ANY_INVISIBLE = new RegExp(INVISIBLE_CHARS.source, 'u');

export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

export function withoutInvisible(text: string): string {
  return hasInvisible(text) ? text.replace(INVISIBLE_CHARS, '') : text;
}

/** The code units INVISIBLE_CHARS matches, as comparisons (extract.test.ts holds them to it). */
export function isInvisibleUnit(c: number): boolean {
  // Most units are ASCII: one comparison settles them.
  if (c < 0xad) return false;
  if (c < 0x2000) return c === 0xad || c === 0x34f || c === 0x61c || c === 0x180e;
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206f) || c === 0xfeff;
}

/**
 * Where a text's invisible characters and full-width at-signs stand, as far as some earlier pass
 * over it read (encoding/detect.ts surveys a text for them together with the legacy-encoding signals).
 */
export interface SurveyIndex {
  /** Every code unit before this was read. */
  readonly readTo: number;
  /** The invisible characters before readTo, in order. */
  readonly invisibles: readonly number[];
  /** The full-width at-signs (＠) before readTo, in order. */
  readonly fullWidthAts: readonly number[];
}

/** Whether an invisible character lies within [from, to), for `to` up to index.readTo. */
export function invisibleWithin(index: SurveyIndex, from: number, to: number): boolean {
  const at = index.invisibles;
  const k = firstFrom(at, from);
  return k < at.length && at[k]! < to;
}

/** The first index of an ascending list holding `from` or more (its length if none). */
export function firstFrom(sorted: readonly number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
