// TCVN3 (ABC), the VN3 set of TCVN 5712:1993, as text shows when its bytes are read as
// Latin-1 / Windows-1252 (each byte 0xA1–0xFE becomes the code point of the same value).
// VN3 keeps ASCII and adds 67 lower-case letters and 7 capitals without tone (Ă Â Ê Ô Ơ Ư Đ).
// Capitals with a tone have no code: "capitals" fonts (.VnTimeH, .VnArialH…) draw the lower-case
// codes as capitals, so the same bytes mean "ộ" in .VnTime and "Ộ" in .VnTimeH.
// Byte values checked against the standard's layout and two independent public converter tables.
import { BASE_VOWELS, withTone, type Tone } from './syllable';

/** Per base vowel: the byte for [no tone, huyền, hỏi, ngã, sắc, nặng]; a string is plain ASCII. */
const ROWS: Record<(typeof BASE_VOWELS)[number], readonly [number | string, number, number, number, number, number]> = {
  a: ['a', 0xb5, 0xb6, 0xb7, 0xb8, 0xb9], // à ả ã á ạ = µ ¶ · ¸ ¹
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6], // ă ằ ẳ ẵ ắ ặ = ¨ » ¼ ½ ¾ Æ
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb], // â ầ ẩ ẫ ấ ậ = © Ç È É Ê Ë
  e: ['e', 0xcc, 0xce, 0xcf, 0xd0, 0xd1], // è ẻ ẽ é ẹ = Ì Î Ï Ð Ñ
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6], // ê ề ể ễ ế ệ = ª Ò Ó Ô Õ Ö
  i: ['i', 0xd7, 0xd8, 0xdc, 0xdd, 0xde], // ì ỉ ĩ í ị = × Ø Ü Ý Þ
  o: ['o', 0xdf, 0xe1, 0xe2, 0xe3, 0xe4], // ò ỏ õ ó ọ = ß á â ã ä
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9], // ô ồ ổ ỗ ố ộ = « å æ ç è é
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee], // ơ ờ ở ỡ ớ ợ = ¬ ê ë ì í î
  u: ['u', 0xef, 0xf1, 0xf2, 0xf3, 0xf4], // ù ủ ũ ú ụ = ï ñ ò ó ô
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9], // ư ừ ử ữ ứ ự = (soft hyphen) õ ö ÷ ø ù
  y: ['y', 0xfa, 0xfb, 0xfc, 0xfd, 0xfe], // ỳ ỷ ỹ ý ỵ = ú û ü ý þ
};

/** Letters outside the vowel rows: đ and the seven capitals VN3 does encode. */
const OTHERS: Record<string, number> = {
  đ: 0xae, // ®
  Ă: 0xa1, // ¡
  Â: 0xa2, // ¢
  Ê: 0xa3, // £
  Ô: 0xa4, // ¤
  Ơ: 0xa5, // ¥
  Ư: 0xa6, // ¦
  Đ: 0xa7, // §
};

/** Latin-1 look-alike character → Unicode letter (lower case, except the seven capitals). */
export const TCVN3_DECODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [base, row] of Object.entries(ROWS)) {
    row.forEach((code, tone) => {
      if (typeof code === 'number') map.set(String.fromCharCode(code), withTone(base, tone as Tone));
    });
  }
  for (const [letter, code] of Object.entries(OTHERS)) map.set(String.fromCharCode(code), letter);
  return map;
})();

/** Unicode letter → Latin-1 look-alike character (the inverse of TCVN3_DECODE). */
const TCVN3_ENCODE: ReadonlyMap<string, string> = new Map([...TCVN3_DECODE].map(([k, v]) => [v, k]));

/** The seven capitals VN3 encodes, and their lower-case codes: they carry case, like ASCII letters. */
const UPPER_CODES = new Set(['\u00a1', '\u00a2', '\u00a3', '\u00a4', '\u00a5', '\u00a6', '\u00a7']);
const LOWER_CODES = new Set(['\u00a8', '\u00a9', '\u00aa', '\u00ab', '\u00ac', '\u00ad', '\u00ae']);

/** Characters that can belong to a TCVN3 word: letters, digits and every code VN3 assigns. */
export const WORD = /[\p{L}\p{M}\p{N}\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00d7\u00f7]+/gu;

function mapChars(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  return out;
}

type WordCase = 'lower' | 'caps' | 'unknown';

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * What case the writer meant for a word, from its letters that carry case (ASCII and the VN3
 * capitals/lower-case pairs). Toned letters carry none: "CéNG" is caps, "Céng" is lower,
 * "X·" (only an initial capital) is unknown and follows its neighbours.
 */
function wordCase(word: string): WordCase {
  let upperInside = false;
  let i = 0;
  for (const ch of word) {
    if ((ch >= 'a' && ch <= 'z') || LOWER_CODES.has(ch)) return 'lower';
    if (i > 0 && ((ch >= 'A' && ch <= 'Z') || UPPER_CODES.has(ch))) upperInside = true;
    i++;
  }
  return upperInside ? 'caps' : 'unknown';
}

/**
 * Decodes TCVN3 look-alike text to NFC Unicode. With `capitals` (a .VnTimeH-style font) the
 * whole run is upper case. Without it, a word whose case-carrying letters are all capitals
 * ("CéNG", or "X·" between capital words) gets its toned letters as capitals too, because the
 * writer could not type them otherwise.
 */
export function decodeTcvn3(text: string, capitals = false): string {
  if (capitals) return mapChars(text).toUpperCase().normalize('NFC');
  const words: { start: number; end: number; text: string; kase: WordCase; toned: boolean }[] = [];
  for (const m of text.matchAll(WORD)) {
    const decoded = mapChars(m[0]);
    words.push({ start: m.index, end: m.index + m[0].length, text: decoded, kase: wordCase(m[0]), toned: decoded !== decoded.toUpperCase() });
  }
  let out = '';
  let last = 0;
  words.forEach((w, i) => {
    out += text.slice(last, w.start);
    last = w.end;
    let upper = w.kase === 'caps';
    if (w.kase === 'unknown' && w.toned) {
      // Neighbours on the same line decide: "CéNG HOµ X· HéI" is a caps heading.
      const near: WordCase[] = [];
      const prev = words[i - 1];
      const next = words[i + 1];
      if (prev && !LINE_BREAK.test(text.slice(prev.end, w.start))) near.push(prev.kase);
      if (next && !LINE_BREAK.test(text.slice(w.end, next.start))) near.push(next.kase);
      upper = near.length > 0 && near.every((k) => k === 'caps');
    }
    out += upper ? w.text.toUpperCase() : w.text;
  });
  out += text.slice(last);
  return out.normalize('NFC');
}

/**
 * Encodes Unicode text as TCVN3 look-alike text (for tests and fixtures). Capitals with a tone
 * have no VN3 code: they are written with the lower-case code, which is what a capitals font
 * (`capitals: true`) shows as a capital and what `decodeTcvn3` restores inside all-caps words.
 */
export function encodeTcvn3(text: string, capitals = false): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const own = capitals ? undefined : TCVN3_ENCODE.get(ch);
    out += own ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}
