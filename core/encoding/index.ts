// Legacy Vietnamese encodings: TCVN3/ABC (TCVN 5712:1993, VN3) and VNI-Windows, as their bytes
// read in Latin-1 / Windows-1252, converted to NFC Unicode (TCVN 6909:2001).
import { decodeTcvn3, encodeTcvn3 } from './tcvn3';
import { decodeVni, encodeVni } from './vni';

export type LegacyEncoding = 'tcvn3' | 'vni';

export { fontEncoding } from './fonts';
export { convertLegacyText, firstLegacyRun, hasLegacyText } from './detect';

/**
 * Convert a run known to be in a legacy encoding (e.g. from its font) to NFC Unicode.
 * `capitals`: the run is in a TCVN3 capitals font (.VnTimeH), so every letter is a capital.
 * Without it, TCVN3 words typed in capitals ("CéNG") get their toned letters as capitals too.
 */
export function decodeLegacy(text: string, encoding: LegacyEncoding, opts?: { capitals?: boolean }): string {
  return encoding === 'tcvn3' ? decodeTcvn3(text, opts?.capitals ?? false) : decodeVni(text);
}

/**
 * Unicode → legacy look-alike text, the inverse of `decodeLegacy` (tests and fixtures).
 * TCVN3 has no codes for capitals with a tone: they take the lower-case code, which a
 * capitals font shows as a capital (`capitals: true`).
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding, opts?: { capitals?: boolean }): string {
  return encoding === 'tcvn3' ? encodeTcvn3(text, opts?.capitals ?? false) : encodeVni(text);
}
