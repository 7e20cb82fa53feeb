// Folding ("Nguyễn Văn ĐỨC" → "nguyen van duc") runs over the head of every document and body
// the scanner reads, and the Unicode passes it is defined by (NFD, two regexes, lower case) were
// a fifth of the folder scan's CPU. A table of each code unit's folded form, filled a block of
// 256 units the first time one of them is seen, does the same in one pass. The table only holds
// what is context-free: a unit that could fold differently beside its neighbours (a combining
// mark other than U+0300–U+036F, which NFD may reorder; a unit whose fold is longer than itself;
// surrogates) has its stretch of text, from the base letter before it to the next plain letter,
// folded by the passes; a capital sigma, whose lower case depends on the whole word, sends the
// whole text there. The result is therefore always the passes' (fold.test.ts checks it).
import { scratchUnits, unitsToString } from '../encoding/units';

/** The definition: lower case, no combining marks U+0300–U+036F after NFD, đ/Đ → d. */
function foldByPasses(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

// Table entries: 0 not filled yet; code+1 for a unit that folds to that one code unit and starts
// a combining sequence (the text can be cut before it); DROP for U+0300–U+036F; AROUND for a
// unit whose stretch goes to the passes.
const DROP = -1;
const AROUND = -2;
let table: Int32Array | undefined;

// A process that folds little keeps the passes: the table's first blocks and its loop, before
// the engine compiles it, cost more than the passes until a few hundred thousand characters have
// been folded (a fresh process's first 4,000 characters took ~4.7 ms by the table and ~0.3 ms by
// the passes), and the Outlook launch file runs each event in a fresh runtime.
export const WARM = 1 << 18;
let foldedSoFar = 0;

// A block's units are joined by U+10000, a letter that NFD and lower case leave as it is and no
// unit folds into, so that each pass runs once per block and the pieces between separators are
// each unit's own results. (Its surrogates are AROUND whatever the pieces say.)
const SEP = '\u{10000}';

function fillBlock(entries: Int32Array, block: number): void {
  const first = block << 8;
  const units = Array.from({ length: 256 }, (_, k) => String.fromCharCode(first + k));
  const folded = foldByPasses(units.join(SEP)).split(SEP);
  // A unit whose decomposition opens with a non-starter (a combining mark NFD would reorder
  // among the marks before it) is no place to cut: U+0345, of the highest class, moves behind
  // any such unit and stays first before a starter.
  const probed = `\u0345${units.join(`${SEP}\u0345`)}`.normalize('NFD').split(SEP);
  for (let k = 0; k < 256; k++) {
    const unit = first + k;
    const one = folded[k]!;
    // A unit that folds to nothing (U+0300–U+036F) is all marks the passes remove, wherever NFD
    // moves them.
    entries[unit] =
      one === '' ? DROP
      : unit >> 11 === 0xd800 >> 11 || one.length !== 1 || probed[k]![0] !== '\u0345' ? AROUND
      : one.charCodeAt(0) + 1;
  }
}

/** Lower case without diacritics (Vietnamese đ included), for matching words however they were typed. */
export function fold(text: string): string {
  const length = text.length;
  if ((foldedSoFar += length) <= WARM || text.includes('Σ')) return foldByPasses(text);
  const entries = (table ||= new Int32Array(0x10000));
  const entryAt = (at: number) => {
    const unit = text.charCodeAt(at);
    if (entries[unit] === 0) fillBlock(entries, unit >> 8);
    return entries[unit]!;
  };
  const out = scratchUnits(length);
  let written = 0;
  // Units written by the passes may hold a lone surrogate, which a decoder would not keep.
  let passed = false;
  // Where the text can last be cut (before a unit that starts a combining sequence), and how
  // much had been written by then.
  let cutIn = 0;
  let cutOut = 0;
  let i = 0;
  while (i < length) {
    const entry = entryAt(i);
    if (entry > 0) {
      cutIn = i;
      cutOut = written;
      out[written++] = entry - 1;
      i++;
    } else if (entry === DROP) {
      i++;
    } else {
      let end = i + 1;
      while (end < length && entryAt(end) <= 0) end++;
      const stretch = foldByPasses(text.slice(cutIn, end));
      written = cutOut + stretch.length;
      // Only a stretch can come out longer than it went in (a Hangul syllable is two or three
      // jamo); the buffer is as long as the text at least, so this is rare.
      if (written + length - end > out.length) return foldByPasses(text);
      for (let k = 0; k < stretch.length; k++) out[cutOut + k] = stretch.charCodeAt(k);
      passed = true;
      // The stretch ends before a unit that starts a sequence: nothing before it is cut again.
      i = end;
    }
  }
  return unitsToString(out, written, passed);
}
