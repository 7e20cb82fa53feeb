// Is a word a possible Vietnamese syllable? Detection uses this to tell a legacy-encoded
// Vietnamese word ("héi" → "hội") from a French, Spanish or German word that happens to go
// through the same table ("près" → "prốs", "comió" → "comiú"): the converted result must have
// a Vietnamese shape (initial consonant, rhyme, and a tone the rhyme allows).

/** Tone marks as combining characters, in the order TCVN3 lists them: huyền, hỏi, ngã, sắc, nặng. */
export const TONE_MARKS = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;
export type Tone = 0 | 1 | 2 | 3 | 4 | 5; // 0 = ngang (no mark), then TONE_MARKS[tone - 1]

/** The 12 vowels and đ, lower case, without tone. */
export const BASE_VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

/** A base vowel with a tone, NFC ("ô" + nặng → "ộ"). */
export function withTone(base: string, tone: Tone): string {
  return tone === 0 ? base : (base + TONE_MARKS[tone - 1]).normalize('NFC');
}

/** The 146 Vietnamese vowel letters and đ: 12 vowels × 6 tones + đ, both cases (134 of them beyond ASCII). */
export function vietnameseLetters(): string[] {
  const lower: string[] = [];
  for (const v of BASE_VOWELS) for (let t = 0; t <= 5; t++) lower.push(withTone(v, t as Tone));
  lower.push('đ');
  return [...lower, ...lower.map((c) => c.toUpperCase())];
}

// Rhymes (vần) without tone: an optional medial o/u, the vowel nucleus, and a final.
// Written out rather than generated so each can be checked against a Vietnamese rhyme list.
const OPEN_RHYMES = [
  'a', 'e', 'ê', 'i', 'y', 'o', 'ô', 'ơ', 'u', 'ư',
  'ia', 'ua', 'ưa', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'iu', 'iêu', 'yêu',
  'oi', 'ôi', 'ơi', 'ui', 'ưi', 'uôi', 'ươi', 'ưu', 'ươu',
  'oa', 'oai', 'oay', 'oao', 'oe', 'oeo', 'uê', 'uy', 'uya', 'uyu', 'uơ', 'uây',
];
const CLOSED_RHYMES: Record<string, readonly string[]> = {
  a: ['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'],
  ă: ['c', 'm', 'n', 'ng', 'p', 't'],
  â: ['c', 'm', 'n', 'ng', 'p', 't'],
  e: ['c', 'm', 'n', 'ng', 'p', 't'],
  ê: ['ch', 'm', 'n', 'nh', 'p', 't'],
  i: ['ch', 'm', 'n', 'nh', 'p', 't'],
  iê: ['c', 'm', 'n', 'ng', 'p', 't'],
  yê: ['m', 'n', 'ng', 't'],
  o: ['c', 'm', 'n', 'ng', 'p', 't'],
  oo: ['c', 'ng'],
  ô: ['c', 'm', 'n', 'ng', 'p', 't'],
  ơ: ['m', 'n', 'p', 't'],
  u: ['c', 'm', 'n', 'ng', 'p', 't'],
  uô: ['c', 'm', 'n', 'ng', 't'],
  ư: ['c', 'm', 'n', 'ng', 't'],
  ươ: ['c', 'm', 'n', 'ng', 'p', 't'],
  oa: ['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'],
  oă: ['c', 'm', 'n', 'ng', 't'],
  oe: ['m', 'n', 'ng', 't'],
  uâ: ['n', 'ng', 't'],
  uê: ['ch', 'nh'],
  uy: ['ch', 'n', 'nh', 'p', 't'],
  uyê: ['n', 't'],
  // after "qu" the u is part of the initial: "quỳnh" = qu + ynh, "quýt" = qu + yt
  y: ['ch', 'nh', 'p', 't'],
};

/** Every rhyme, without tone. */
export const RHYMES: ReadonlySet<string> = new Set([
  ...OPEN_RHYMES,
  ...Object.entries(CLOSED_RHYMES).flatMap(([nucleus, finals]) => finals.map((f) => nucleus + f)),
]);

/** Initial consonants, longest first so "ngh" is tried before "ng" and "n". */
export const INITIALS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'ch', 'nh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'] as const;

const STOP_FINAL = /(?:c|ch|p|t)$/;
const FRONT = /^[eêiy]/; // vowels that take k, gh, ngh instead of c, g, ng

function initialFits(initial: string, rhyme: string): boolean {
  switch (initial) {
    case 'k':
      return FRONT.test(rhyme);
    case 'c':
      return !FRONT.test(rhyme);
    case 'gh':
    case 'ngh':
      return /^[eêi]/.test(rhyme);
    case 'g':
      // "g" before i is the initial "gi" ("gì", "giêng"); before e/ê it must be spelled "gh"
      return !/^[eê]/.test(rhyme);
    case 'ng':
      return !/^[eêi]/.test(rhyme);
    case 'qu':
      return !/^[uo]/.test(rhyme) && rhyme !== '';
    case 'gi':
      return rhyme !== '' && !rhyme.startsWith('i');
    default:
      return true;
  }
}

const TONE_OF: Record<string, Tone> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

/**
 * Splits a lower-case NFC letter string into its base letters and tone, or undefined when it
 * carries more than one tone mark or a mark Vietnamese does not use.
 */
export function stripTone(word: string): { base: string; tone: Tone } | undefined {
  let tone: Tone = 0;
  let base = '';
  for (const ch of word.normalize('NFD')) {
    const t = TONE_OF[ch];
    if (t !== undefined) {
      if (tone !== 0) return undefined;
      tone = t;
    } else {
      base += ch;
    }
  }
  return { base: base.normalize('NFC'), tone };
}

const LETTERS_ONLY = /^[a-zđăâêôơư]+$/;

/** Whether a word (any case) is one well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 7) return false;
  const parts = stripTone(word.toLowerCase());
  if (!parts || !LETTERS_ONLY.test(parts.base)) return false;
  const { base, tone } = parts;
  // Syllables closed by a stop (c, ch, p, t) take only the sắc or nặng tone.
  if (STOP_FINAL.test(base) && tone !== 4 && tone !== 5) return false;
  if (RHYMES.has(base)) return true;
  for (const initial of INITIALS) {
    if (!base.startsWith(initial)) continue;
    const rhyme = base.slice(initial.length);
    if (RHYMES.has(rhyme) && initialFits(initial, rhyme)) return true;
  }
  return false;
}
