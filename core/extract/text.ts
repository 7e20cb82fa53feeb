// Plain text: BOM first (UTF-8, UTF-16LE/BE), then UTF-16 without BOM by its NUL-byte pattern,
// then UTF-8 when the bytes are valid UTF-8, else Windows-1258 (the Vietnamese Windows code page).

import { convertLegacyText, hasLegacyText } from '../encoding';

export type TextCharset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export function sniffCharset(bytes: Uint8Array): { charset: TextCharset; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', bomLength: 2 };
  // Mostly-Latin UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.
  const probe = Math.min(bytes.length, 4096) & ~1;
  if (probe >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let k = 0; k < probe; k += 2) {
      if (bytes[k] === 0) evenNul++;
      if (bytes[k + 1] === 0) oddNul++;
    }
    const pairs = probe / 2;
    if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return { charset: 'utf-16le', bomLength: 0 };
    if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return { charset: 'utf-16be', bomLength: 0 };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)), { stream: true });
    return { charset: 'utf-8', bomLength: 0 };
  } catch {
    return { charset: 'windows-1258', bomLength: 0 };
  }
}

/**
 * Decodes at most enough bytes for `maxChars` characters (4 bytes each at worst), so a huge
 * file never becomes a huge string. `cut` tells whether bytes were left undecoded.
 */
export function decodeText(bytes: Uint8Array, maxChars: number): { text: string; charset: TextCharset; cut: boolean } {
  const { charset, bomLength } = sniffCharset(bytes);
  const maxBytes = Math.min(bytes.length, bomLength + maxChars * 4);
  const body = bytes.subarray(bomLength, maxBytes);
  const stream = { stream: maxBytes < bytes.length };
  if (charset === 'windows-1258') {
    // Raw TCVN3 or VNI bytes are not UTF-8 either. They must be read as Windows-1252, as the
    // converter expects them (Windows-1258 would turn some of their letters into combining marks).
    const asLatin = new TextDecoder('windows-1252').decode(body, stream);
    if (hasLegacyText(asLatin) && convertLegacyText(asLatin).runs.length > 0) return { text: asLatin, charset: 'windows-1252', cut: maxBytes < bytes.length };
  }
  const text = new TextDecoder(charset).decode(body, stream);
  return { text, charset, cut: maxBytes < bytes.length };
}

/**
 * Whether the file is binary for certain, judged on its head alone, as decodeText and
 * controlRatio would judge the whole: a 16 MB scan is then never decoded into a string. Bytes
 * that are not UTF-8 are read as Windows-1252 or -1258 depending on text further on, and the
 * two differ in four C1 codes, so such a head counts as binary only when it is in both.
 */
export function headIsBinary(bytes: Uint8Array): boolean {
  const { charset, bomLength } = sniffCharset(bytes);
  const head = bytes.subarray(bomLength, bomLength + CONTROL_SAMPLE * 4);
  const stream = { stream: head.length < bytes.length - bomLength };
  const binaryAs = (label: string) => controlRatio(new TextDecoder(label).decode(head, stream)) > BINARY_RATIO;
  return binaryAs(charset) && (charset !== 'windows-1258' || binaryAs('windows-1252'));
}

/** Past this share of control codes, decoded text is binary data. */
export const BINARY_RATIO = 0.02;
const CONTROL_SAMPLE = 65536;

/** Share of characters that are control codes other than whitespace (binary files score high). */
export function controlRatio(text: string): number {
  const sample = text.slice(0, CONTROL_SAMPLE);
  if (!sample) return 0;
  let bad = 0;
  for (let k = 0; k < sample.length; k++) {
    const c = sample.charCodeAt(k);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / sample.length;
}
