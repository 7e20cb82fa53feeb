// Vietnamese personal names as keys. A name is written "Nguyễn Văn Ánh" in a directory,
// "Ánh Nguyễn Văn" by a mail client that puts the given name first, "nguyen van anh" by someone
// typing without a Vietnamese keyboard: the folded key (no diacritics, lower case, syllables
// sorted) makes the three one key. The exact key keeps the diacritics, because "Ánh" and "Anh"
// are two different names that folding makes equal (lookup.ts uses it to tell them apart).

const MARKS = /[\u0300-\u036f]/g;

/** Syllables of a name, NFC and lower case; punctuation and digits are not part of a name. */
export function nameSyllables(name: string): string[] {
  return name.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}]+/u).filter((s) => s.length > 0);
}

function foldSyllable(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
}

export interface NameKeys {
  /** Sorted syllables without diacritics: "anh nguyen van". */
  folded: string;
  /** Sorted syllables with their diacritics (NFC): "nguyễn văn ánh" sorted. */
  exact: string;
  /** The name was typed with diacritics, so its exact key means something. */
  marked: boolean;
  syllables: number;
}

export function nameKeys(name: string): NameKeys {
  const syllables = nameSyllables(name);
  const folded = syllables.map(foldSyllable);
  return {
    folded: [...folded].sort().join(' '),
    exact: [...syllables].sort().join(' '),
    marked: folded.some((f, k) => f !== syllables[k]),
    syllables: syllables.length,
  };
}

/** The folded key alone, for building an index. */
export function foldedNameKey(name: string): string {
  return nameKeys(name).folded;
}
