// Decoding legacy text one code unit at a time into a typed array, made into a string once:
// adding to a string a character at a time was most of the cost of converting a document.

const CHUNK = 8192;
/** Buffers up to this many units are kept for the next call; larger ones are left to the GC. */
const KEPT = 1 << 16;
let scratch = new Uint16Array(1024);

/**
 * A buffer of at least `length` units, reused from call to call: the detector decodes many
 * short words and runs, and a fresh typed array for each costs more than the decoding. The
 * caller must be done with it (made its string) before anything else asks for one.
 */
export function scratchUnits(length: number): Uint16Array {
  if (length <= scratch.length) return scratch;
  const fresh = new Uint16Array(Math.max(length, scratch.length * 2));
  if (fresh.length <= KEPT) scratch = fresh;
  return fresh;
}

/** Texts shorter than this are made with fromCharCode: a TextDecoder call costs more than it saves. */
const DECODER_FROM = 512;
let utf16: TextDecoder | null | undefined;
/** A UTF-16 decoder reading this platform's byte order, where the host has one (null if not). */
function nativeUtf16(): TextDecoder | null {
  if (utf16 === undefined) {
    const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    utf16 = typeof TextDecoder === 'function' && littleEndian ? new TextDecoder('utf-16le') : null;
  }
  return utf16;
}

/**
 * The first `length` units as a string. `surrogates`: whether any unit is a surrogate; only
 * then is the slower conversion a chunk at a time needed, since a decoder would turn a lone
 * surrogate into U+FFFD. Building from argument lists was half the cost of decoding a document.
 */
export function unitsToString(units: Uint16Array, length = units.length, surrogates = true): string {
  const decoder = !surrogates && length >= DECODER_FROM ? nativeUtf16() : null;
  if (decoder) return decoder.decode(units.subarray(0, length));
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * Code units NFC leaves as they are and that never combine with a neighbour: everything below
 * U+0300, the precomposed Vietnamese letters U+1EA0–U+1EF9, the general punctuation a word
 * processor puts in legacy documents (dashes, typographic quotes, ellipsis: U+2002–U+206F; the
 * two quads before them NFC changes) and the full-width forms U+FF00–U+FFEF (＠ ．). Text made
 * only of these is NFC already, so the costly normalisation pass can be skipped.
 */
export function nfcInert(unit: number): boolean {
  return unit < 0x300 || (unit >= 0x1ea0 && unit <= 0x1ef9) || (unit >= 0x2002 && unit <= 0x206f) || (unit >= 0xff00 && unit <= 0xffef);
}

/** Whether every unit of a string is NFC-inert. */
export function isNfcInert(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!nfcInert(text.charCodeAt(i))) return false;
  return true;
}

/** A unit that is not NFC-inert (see nfcInert), or a control character other than tab and line breaks. */
const NOT_INERT = /[^\t\n\r\u0020-\u02ff\u1ea0-\u1ef9\u2002-\u206f\uff00-\uffef]/;

/**
 * The text in NFC. A text made only of NFC-inert units is returned as it is, found with one
 * regex pass: ICU's normalisation reads and copies the whole text even when nothing changes,
 * which was a fifth of reading a 100,000-row spreadsheet.
 */
export function toNfc(text: string): string {
  return NOT_INERT.test(text) ? text.normalize('NFC') : text;
}
