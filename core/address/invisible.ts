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
