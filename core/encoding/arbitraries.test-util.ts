// fast-check generators of well-formed Vietnamese text, shared by the encoding tests.
import fc from 'fast-check';
import { INITIALS, isVietnameseSyllable, RHYMES, withTone, type Tone } from './syllable';

const HAT = /[ăâêôơư]/;
const VOWEL = /[aăâeêioôơuưy]/;

/** Puts a tone on the vowel that carries it: the hatted one, else per the rhyme's shape. */
export function placeTone(initial: string, rhyme: string, tone: Tone): string {
  const letters = [...rhyme];
  const vowels = letters.map((c, i) => (VOWEL.test(c) ? i : -1)).filter((i) => i >= 0);
  const hats = vowels.filter((i) => HAT.test(letters[i]!));
  let at: number;
  if (hats.length > 0) at = hats[hats.length - 1]!;
  else if (vowels.length === 1) at = vowels[0]!;
  else if (vowels[vowels.length - 1]! < letters.length - 1) at = vowels[vowels.length - 1]!; // closed: last vowel
  else if (vowels.length === 3) at = vowels[1]!;
  else if (['oa', 'oe', 'uy'].includes(rhyme)) at = vowels[1]!;
  else at = vowels[0]!;
  letters[at] = withTone(letters[at]!, tone);
  return initial + letters.join('');
}

const RHYME_LIST = [...RHYMES];
const STOP = /(?:c|ch|p|t)$/;

/** One lower-case Vietnamese syllable, NFC. */
export const syllable: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', ...INITIALS), fc.constantFrom(...RHYME_LIST), fc.integer({ min: 0, max: 5 }))
  .map(([initial, rhyme, t]) => {
    const tone = (STOP.test(rhyme) ? (t % 2 === 0 ? 4 : 5) : t) as Tone;
    return placeTone(initial, rhyme, tone);
  })
  .filter((s) => /[aăâeêioôơuưy]/.test(s) && isVietnameseSyllable(s));

export type Casing = 'lower' | 'title' | 'upper';

function applyCase(word: string, casing: Casing): string {
  if (casing === 'upper') return word.toUpperCase();
  if (casing === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** A sentence of `min`–`max` syllables, each word in one of the given casings. */
export function sentence(min: number, max: number, casings: readonly Casing[] = ['lower']): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(syllable, fc.constantFrom(...casings)), { minLength: min, maxLength: max })
    .chain((words) =>
      fc.constantFrom(' ', ', ', ' - ').map((sep) =>
        words.map(([w, c], i) => applyCase(w, c) + (i === words.length - 1 ? '.' : i % 4 === 3 ? sep : ' ')).join(''),
      ),
    );
}
