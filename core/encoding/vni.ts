// VNI-Windows, as text shows when its bytes are read as Latin-1 / Windows-1252. A toned or
// hatted vowel is the base letter followed by one mark byte ("a" + "ù" = "á", "o" + "ä" = "ộ");
// capitals take upper-case mark bytes ("A" + "Ù" = "Á"). ơ, ư, đ, the toned i's and ỵ have
// single bytes of their own, and ơ/ư then take tone marks like a base ("ô" + "ø" = "ờ").
// Byte values checked against two independent public converter tables.
import { withTone, type Tone } from './syllable';
import { nfcInert, scratchUnits, unitsToString } from './units';

/** Mark bytes per tone, [none, huyền, hỏi, ngã, sắc, nặng]; lower-case font first, then capitals. */
const TONE = { lower: ['', 'ø', 'û', 'õ', 'ù', 'ï'], upper: ['', 'Ø', 'Û', 'Õ', 'Ù', 'Ï'] } as const;
/** Circumflex (â ê ô) combined with each tone. */
const CIRCUMFLEX = { lower: ['â', 'à', 'å', 'ã', 'á', 'ä'], upper: ['Â', 'À', 'Å', 'Ã', 'Á', 'Ä'] } as const;
/** Breve (ă) combined with each tone. */
const BREVE = { lower: ['ê', 'è', 'ú', 'ü', 'é', 'ë'], upper: ['Ê', 'È', 'Ú', 'Ü', 'É', 'Ë'] } as const;
/** i with each tone: single bytes (no tone is plain "i"). */
const I_TONES = { lower: ['i', 'ì', 'æ', 'ó', 'í', 'ò'], upper: ['I', 'Ì', 'Æ', 'Ó', 'Í', 'Ò'] } as const;

/** Single bytes that are letters of their own. */
const SINGLES = { ơ: 'ô', ư: 'ö', đ: 'ñ', ỵ: 'î', Ơ: 'Ô', Ư: 'Ö', Đ: 'Ñ', Ỵ: 'Î' } as const;

/** Unicode letter → VNI look-alike spelling, for all 134 letters. */
const VNI_ENCODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const kase of ['lower', 'upper'] as const) {
    const up = (s: string) => (kase === 'upper' ? s.toUpperCase() : s);
    for (let t = 0 as Tone; t <= 5; t = (t + 1) as Tone) {
      for (const v of ['a', 'e', 'o', 'u', 'y']) {
        if (v === 'y' && t === 5) continue; // ỵ is a single byte
        map.set(up(withTone(v, t)), up(v) + TONE[kase][t]);
      }
      map.set(up(withTone('ă', t)), up('a') + BREVE[kase][t]);
      for (const v of ['â', 'ê', 'ô']) map.set(up(withTone(v, t)), up(v.normalize('NFD')[0]!) + CIRCUMFLEX[kase][t]);
      map.set(up(withTone('ơ', t)), (kase === 'upper' ? SINGLES.Ơ : SINGLES.ơ) + TONE[kase][t]);
      map.set(up(withTone('ư', t)), (kase === 'upper' ? SINGLES.Ư : SINGLES.ư) + TONE[kase][t]);
      map.set(up(withTone('i', t)), I_TONES[kase][t]);
    }
  }
  map.set('đ', SINGLES.đ).set('Đ', SINGLES.Đ).set('ỵ', SINGLES.ỵ).set('Ỵ', SINGLES.Ỵ);
  for (const [k, v] of map) if (k === v) map.delete(k); // plain a e i o u y A E I O U Y
  return map;
})();

/** Two-character spellings (base + mark), keyed in lower case; the base decides the case. */
const PAIRS: ReadonlyMap<string, string> = new Map(
  [...VNI_ENCODE].filter(([, v]) => v.length === 2 && v === v.toLowerCase()).map(([k, v]) => [v, k]),
);
/** One-character spellings: ơ ư đ ỵ, the toned i's, both cases (í and ì are themselves). */
const SINGLE_DECODE: ReadonlyMap<string, string> = new Map([
  ...[...VNI_ENCODE].filter(([, v]) => v.length === 1).map(([k, v]): [string, string] => [v, k]),
  ...['í', 'ì', 'Í', 'Ì'].map((c): [string, string] => [c, c]),
]);

/** Every VNI spelling, two-character ones included, mapped to its Unicode letter (tests, detection). */
export const VNI_DECODE: ReadonlyMap<string, string> = new Map([...VNI_ENCODE].map(([k, v]) => [v, k]));

/** Result of decoding: the text and how many Latin-1 letters (À–ÿ) no VNI spelling used. */
export interface VniDecoded {
  text: string;
  /** Latin-1 letters left as they were: a VNI word has none. */
  leftover: number;
}

/** The bases of two-unit spellings (a e o u y, and ô ö for ơ ư), lower case: their slot + 1 by code. */
const BASE_SLOT = new Uint8Array(256);
[...'aeouyôö'].forEach((c, i) => (BASE_SLOT[c.charCodeAt(0)] = i + 1));
/** Two-unit spellings by (slot − 1) × 64 + (mark − 0xC0), both lower case: the letter, lower and upper. */
const PAIR_LOWER = new Uint16Array(7 * 64);
const PAIR_UPPER = new Uint16Array(7 * 64);
for (const [spelling, letter] of PAIRS) {
  const key = (BASE_SLOT[spelling.charCodeAt(0)]! - 1) * 64 + spelling.charCodeAt(1) - 0xc0;
  PAIR_LOWER[key] = letter.charCodeAt(0);
  PAIR_UPPER[key] = letter.toUpperCase().charCodeAt(0);
}
/** One-unit spellings, by Latin-1 code. */
const SINGLE_UNIT = new Uint16Array(256);
for (const [spelling, letter] of SINGLE_DECODE) SINGLE_UNIT[spelling.charCodeAt(0)] = letter.charCodeAt(0);

/**
 * A mark byte's lower-case code, or 0: Latin-1 capitals À–Þ map to à–þ, and the Angstrom sign
 * lower-cases to å as well.
 */
function lowerMark(unit: number): number {
  if (unit >= 0xe0 && unit <= 0xff) return unit;
  if (unit >= 0xc0 && unit <= 0xde && unit !== 0xd7) return unit + 0x20;
  return unit === 0x212b ? 0xe5 : 0;
}

/** A base letter's lower-case code (bases are a e o u y ô ö), and whether it was a capital. */
function lowerBase(unit: number): number {
  if (unit >= 0x41 && unit <= 0x5a) return unit + 0x20;
  if (unit === 0xd4 || unit === 0xd6) return unit + 0x20;
  return unit;
}
function isUpperBase(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || unit === 0xd4 || unit === 0xd6;
}

/** Decodes VNI look-alike text to NFC Unicode, counting Latin-1 letters left unused. */
export function decodeVniCounting(text: string): VniDecoded {
  const units = scratchUnits(text.length);
  let length = 0;
  let leftover = 0;
  let inert = true;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      const mark = next >= 0xc0 ? lowerMark(next) : 0;
      const lower = mark !== 0 ? lowerBase(c) : 0x100;
      const slot = lower < 0x100 ? BASE_SLOT[lower]! : 0;
      const pair = slot !== 0 ? (isUpperBase(c) ? PAIR_UPPER : PAIR_LOWER)[(slot - 1) * 64 + mark - 0xc0]! : 0;
      if (pair !== 0) {
        units[length++] = pair;
        i++;
        continue;
      }
    }
    const single = c < 0x100 ? SINGLE_UNIT[c]! : 0;
    if (single !== 0) {
      units[length++] = single;
      continue;
    }
    if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) leftover++;
    if (!nfcInert(c)) {
      inert = false;
      if ((c & 0xf800) === 0xd800) surrogates = true;
    }
    units[length++] = c;
  }
  const decoded = unitsToString(units, length, surrogates);
  return { text: inert ? decoded : decoded.normalize('NFC'), leftover };
}

/** Decodes VNI look-alike text to NFC Unicode. */
export function decodeVni(text: string): string {
  return decodeVniCounting(text).text;
}

/** Encodes Unicode text as VNI look-alike text (for tests and fixtures). */
export function encodeVni(text: string): string {
  // Joined once, so that a long text comes out flat, not as a tree of a million concatenations.
  const out: string[] = [];
  for (const ch of text.normalize('NFC')) out.push(VNI_ENCODE.get(ch) ?? ch);
  return out.join('');
}
