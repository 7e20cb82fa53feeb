// What the rules keep of the last long texts they read: a draft is checked again whenever anything
// else about the message changes, and reading a long body again for the same answer was most of
// such a check. Several are kept, not one: every check reads the body and each attached document
// in turn, and one kept text made each push the other out, so a body and a long document were
// both read whole on every check (issue 11).
import { editBetween, type Edit } from './edits';

/** Shorter texts (a subject, the sender lines) are read again: cheap, and they would push the body out. */
export const SHORTEST_KEPT = 4096;
/** A text past a long draft's size is not held after its turn. */
export const LONGEST_KEPT = 16_000_000;
/** A draft's body and a few attached documents. */
export const TEXTS_KEPT = 4;

/** Whether a text is long enough to keep a reading of, and not too long to hold after its turn. */
function keptLength(text: string): boolean {
  return text.length >= SHORTEST_KEPT && text.length <= LONGEST_KEPT;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- readings of every kind
const everyKept: KeptReadings<any>[] = [];

/**
 * The kept string equal to `text`, if any reader keeps one; else `text`. A host reads a draft's
 * body afresh for each check: an equal string, not the same one, and every reader's `of` then
 * compared the two whole (~4 ms per 10 M characters each, four readers or more). Compared once
 * here, the readers find it at once: the engine compares a string with itself by reference. A text
 * no reader keeps is not looked for again (an overtyped draft, of the same length as the one kept,
 * was compared almost whole by each).
 */
export function keptTextEqualTo(text: string): string {
  if (!keptLength(text)) return text;
  // The readers keep the same strings: each is compared once (a string with itself costs nothing),
  // and only those of the same length compare their characters at all.
  const compared: string[] = [];
  for (const kept of everyKept) {
    for (const t of kept.texts()) {
      if (t.length !== text.length || compared.some((c) => c === t)) continue;
      if (t === text) return t;
      compared.push(t);
    }
  }
  for (const kept of everyKept) kept.keepsNone(text);
  return text;
}

/**
 * The readings of the last few long texts, most recently used first: one reading per text, and a
 * text made by editing a kept one takes that one's place, so typing into a body keeps one body.
 * Texts outside SHORTEST_KEPT–LONGEST_KEPT are neither kept nor found.
 */
export class KeptReadings<T extends { readonly text: string }> {
  private readonly readings: T[] = [];
  /** A text none of the readings is of, until one is kept for it. */
  private unkept: string | undefined;

  constructor() {
    everyKept.push(this);
  }

  /** The texts kept, most recently used first. */
  texts(): string[] {
    return this.readings.map((r) => r.text);
  }

  /** Says that no reading kept is of `text` (keptTextEqualTo compared them). */
  keepsNone(text: string): void {
    this.unkept = text;
  }

  /** Whether a reading of `text` would be kept: what decides whether reading it again is worth avoiding. */
  keeps(text: string): boolean {
    return keptLength(text);
  }

  /** The reading of this very text, if kept. */
  of(text: string): T | undefined {
    if (!this.keeps(text) || text === this.unkept) return undefined;
    const k = this.readings.findIndex((r) => r.text === text);
    if (k < 0) return undefined;
    const found = this.readings[k]!;
    this.readings.splice(k, 1);
    this.readings.unshift(found);
    return found;
  }

  /**
   * The kept reading `text` is an edit of: the one sharing the most with it at its two ends, if
   * they share at least half of the longer of the two. Less is another text, read whole: a letter
   * that opens as its attached document does is no edit of it, and must not take its place.
   */
  editedFrom(text: string): { reading: T; edit: Edit } | undefined {
    if (!this.keeps(text)) return undefined;
    let best: { reading: T; edit: Edit } | undefined;
    for (const reading of this.readings) {
      const edit = editBetween(reading.text, text);
      if (2 * (edit.head + edit.tail) < Math.max(text.length, reading.text.length)) continue;
      if (!best || edit.head + edit.tail > best.edit.head + best.edit.tail) best = { reading, edit };
    }
    return best;
  }

  /** Keeps `reading` first, in place of the reading it was made from (`replacing`), if any. */
  keep(reading: T, replacing?: T): void {
    if (!this.keeps(reading.text)) return;
    if (reading.text === this.unkept) this.unkept = undefined;
    const k = replacing ? this.readings.indexOf(replacing) : -1;
    if (k >= 0) this.readings.splice(k, 1);
    this.readings.unshift(reading);
    this.readings.length = Math.min(this.readings.length, TEXTS_KEPT);
  }
}
