// TCVN3 (ABC), the VN3 set of TCVN 5712:1993, as text shows when its bytes are read as
// Latin-1 / Windows-1252 (each byte 0xA1–0xFE becomes the code point of the same value).
// VN3 keeps ASCII and adds 67 lower-case letters and 7 capitals without tone (Ă Â Ê Ô Ơ Ư Đ).
// Capitals with a tone have no code: "capitals" fonts (.VnTimeH, .VnArialH…) draw the lower-case
// codes as capitals, so the same bytes mean "ộ" in .VnTime and "Ộ" in .VnTimeH.
// Byte values checked against the standard's layout and two independent public converter tables.
import { BASE_VOWELS, withTone, type Tone } from './syllable';
import { isNfcInert, nfcInert, scratchUnits, unitsToString } from './units';

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

/** Characters that can belong to a TCVN3 word: letters, digits and every code VN3 assigns. */
export const WORD = /[\p{L}\p{M}\p{N}\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00d7\u00f7]+/gu;
const WORD_CHAR = new RegExp(`^${WORD.source.slice(0, -1)}$`, 'u');

/**
 * Per code unit: 0 not looked up yet, 1 a WORD character, 2 not. Filled as units are met, and
 * made only when first needed: most pages that load the checker never decode TCVN3.
 */
let wordUnits: Uint8Array | undefined;
function isWordUnit(unit: number): boolean {
  wordUnits ??= new Uint8Array(0x10000);
  let known = wordUnits[unit]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
    wordUnits[unit] = known;
  }
  return known === 1;
}

/** Latin-1 code → the Unicode letter's code unit (all are single units), 0 where VN3 has none. */
const DECODE_UNIT = (() => {
  const table = new Uint16Array(256);
  for (const [code, letter] of TCVN3_DECODE) table[code.charCodeAt(0)] = letter.charCodeAt(0);
  return table;
})();

// What case the writer meant for a word, from its letters that carry case: ASCII, the seven VN3
// capitals (¡–§) and their lower-case codes (¨–®). Toned letters carry none: "CéNG" is caps,
// "Céng" is lower, "X·" (only an initial capital) is unknown and follows its neighbours.
const LOWER = 1;
const CAPS = 2;
const UNKNOWN = 3;

// Per Latin-1 code, what the word scan needs from it, so that a unit costs one table read.
const IN_WORD = 1;
const LOWER_CASE = 2; // a-z, ¨–®: the word is lower case
const UPPER_CASE = 4; // A-Z, ¡–§: inside a word, a sign of capitals
/** Upper-casing the decoded unit may change it: neither ASCII nor one of VN3's seven capitals. */
const MAY_CHANGE = 8;
const LATIN1_FLAGS = (() => {
  const flags = new Uint8Array(256);
  for (let c = 0; c < 256; c++) {
    let f = WORD_CHAR.test(String.fromCharCode(c)) ? IN_WORD : 0;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0xa8 && c <= 0xae)) f |= LOWER_CASE;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0xa1 && c <= 0xa7)) f |= UPPER_CASE;
    else if (c >= 0x80) f |= MAY_CHANGE;
    flags[c] = f;
  }
  return flags;
})();

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * The words whose case is still open, seen in order with each neighbour's case: a word's fate
 * depends on the words either side of it on its line, so it is settled when the next one ends.
 * Only words that are not lower case and hold a letter upper-casing may change are kept. Plain
 * variables, not an object's fields: this code ships in every bundle, and they minify.
 */
function caseScan() {
  /** [start, end) of each word to upper-case, in order. */
  const upper: number[] = [];
  let prevKase = 0; // 0: no word before on this line
  let start = 0;
  let end = 0;
  let kase = 0;
  let prev = 0;
  let live = false;
  /** Settles the pending word, `next` the case of the word after it on its line (0: none). */
  const settle = (next: number) => {
    if (!live) return;
    live = false;
    // Neighbours on the same line decide: "CéNG HOµ X· HéI" is a caps heading.
    if (kase === UNKNOWN && !((prev !== 0 || next !== 0) && (prev === 0 || prev === CAPS) && (next === 0 || next === CAPS))) return;
    upper.push(start, end);
  };
  /** A word [from, to) of case `k`, `sameLine`: no line break since the word before. */
  const word = (from: number, to: number, k: number, sameLine: boolean, mayChange: boolean) => {
    settle(sameLine ? k : 0);
    if (!sameLine) prevKase = 0;
    live = mayChange && k !== LOWER;
    start = from;
    end = to;
    kase = k;
    prev = prevKase;
    prevKase = k;
  };
  return { upper, settle, word };
}

/**
 * Decodes through the table into `units` (same length as text) and finds the words to put in
 * capitals, in one pass that keeps no list of words.
 */
function decodeUnits(text: string, units: Uint16Array): { upper: number[]; inert: boolean; surrogates: boolean } {
  const scan = caseScan();
  let inert = true;
  let surrogates = false;
  let wordStart = -1;
  let lower = false;
  let upperInside = false;
  let mayChange = false;
  let sameLine = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let flags: number;
    if (c < 0x100) {
      const decoded = DECODE_UNIT[c]!;
      units[i] = decoded || c;
      flags = LATIN1_FLAGS[c]!;
    } else {
      units[i] = c;
      if (!nfcInert(c)) {
        inert = false;
        if ((c & 0xf800) === 0xd800) surrogates = true;
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        units[i + 1] = text.charCodeAt(i + 1);
        flags = WORD_CHAR.test(text.slice(i, i + 2)) ? IN_WORD | MAY_CHANGE : 0;
        if (flags !== 0) {
          if (wordStart < 0) {
            wordStart = i;
            lower = false;
            upperInside = false;
          }
          mayChange = true;
        } else if (wordStart >= 0) {
          scan.word(wordStart, i, lower ? LOWER : upperInside ? CAPS : UNKNOWN, sameLine, mayChange);
          wordStart = -1;
          sameLine = true;
        }
        i++;
        continue;
      }
      flags = isWordUnit(c) ? IN_WORD | MAY_CHANGE : 0;
    }
    if (flags & IN_WORD) {
      if (wordStart < 0) {
        wordStart = i;
        lower = false;
        upperInside = false;
        mayChange = false;
        if (flags & LOWER_CASE) lower = true;
      } else if (flags & LOWER_CASE) lower = true;
      else if (flags & UPPER_CASE) upperInside = true;
      if (flags & MAY_CHANGE) mayChange = true;
    } else {
      if (wordStart >= 0) {
        scan.word(wordStart, i, lower ? LOWER : upperInside ? CAPS : UNKNOWN, sameLine, mayChange);
        wordStart = -1;
        sameLine = true;
      }
      if (isLineBreak(c)) sameLine = false;
    }
  }
  if (wordStart >= 0) scan.word(wordStart, n, lower ? LOWER : upperInside ? CAPS : UNKNOWN, sameLine, mayChange);
  scan.settle(0);
  return { upper: scan.upper, inert, surrogates };
}

/**
 * Decodes TCVN3 look-alike text to NFC Unicode. With `capitals` (a .VnTimeH-style font) the
 * whole run is upper case. Without it, a word whose case-carrying letters are all capitals
 * ("CéNG", or "X·" between capital words) gets its toned letters as capitals too, because the
 * writer could not type them otherwise.
 */
export function decodeTcvn3(text: string, capitals = false): string {
  const units = scratchUnits(text.length);
  const { upper, inert, surrogates } = decodeUnits(text, units);
  const decoded = unitsToString(units, text.length, surrogates);
  if (capitals) return decoded.toUpperCase().normalize('NFC');
  const out: string[] = [];
  let last = 0;
  let changedInert = true;
  for (let k = 0; k < upper.length; k += 2) {
    const word = decoded.slice(upper[k], upper[k + 1]);
    const upperWord = word.toUpperCase();
    if (upperWord === word) continue;
    out.push(decoded.slice(last, upper[k]), upperWord);
    last = upper[k + 1]!;
    if (changedInert && !isNfcInert(upperWord)) changedInert = false;
  }
  if (out.length === 0) return inert ? decoded : decoded.normalize('NFC');
  out.push(decoded.slice(last));
  const joined = out.join('');
  return inert && changedInert ? joined : joined.normalize('NFC');
}

/**
 * Encodes Unicode text as TCVN3 look-alike text (for tests and fixtures). Capitals with a tone
 * have no VN3 code: they are written with the lower-case code, which is what a capitals font
 * (`capitals: true`) shows as a capital and what `decodeTcvn3` restores inside all-caps words.
 */
export function encodeTcvn3(text: string, capitals = false): string {
  // Joined once, so that a long text comes out flat, not as a tree of a million concatenations.
  const out: string[] = [];
  for (const ch of text.normalize('NFC')) {
    const own = capitals ? undefined : TCVN3_ENCODE.get(ch);
    out.push(own ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch);
  }
  return out.join('');
}
