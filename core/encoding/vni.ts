// VNI-Windows, as text shows when its bytes are read as Latin-1 / Windows-1252. A toned or
// hatted vowel is the base letter followed by one mark byte ("a" + "ù" = "á", "o" + "ä" = "ộ");
// capitals take upper-case mark bytes ("A" + "Ù" = "Á"). ơ, ư, đ, the toned i's and ỵ have
// single bytes of their own, and ơ/ư then take tone marks like a base ("ô" + "ø" = "ờ").
// Byte values checked against two independent public converter tables.
import { withTone, type Tone } from './syllable';

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

const UPPER = /\p{Lu}/u;

/** Decodes VNI look-alike text to NFC Unicode, counting Latin-1 letters left unused. */
export function decodeVniCounting(text: string): VniDecoded {
  let out = '';
  let leftover = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (next !== undefined && next >= '\u00c0') {
      const pair = PAIRS.get((ch + next).toLowerCase());
      if (pair !== undefined) {
        out += UPPER.test(ch) ? pair.toUpperCase() : pair;
        i++;
        continue;
      }
    }
    const single = SINGLE_DECODE.get(ch);
    if (single !== undefined) {
      out += single;
      continue;
    }
    if (ch >= '\u00c0' && ch <= '\u00ff' && ch !== '\u00d7' && ch !== '\u00f7') leftover++;
    out += ch;
  }
  return { text: out.normalize('NFC'), leftover };
}

/** Decodes VNI look-alike text to NFC Unicode. */
export function decodeVni(text: string): string {
  return decodeVniCounting(text).text;
}

/** Encodes Unicode text as VNI look-alike text (for tests and fixtures). */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}
