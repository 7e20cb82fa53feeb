// Reading a long draft again after an edit: only the at-signs and brackets the edit can reach are
// parsed again (issue 11). Apart from extract.ts so that builds where nothing outlives one check
// (classic Outlook's launch file, fresh for every event) leave it out and read whole.
import { extractVisible, isAddressUnit, type ExtractOptions, type FoundAddress } from './extract';
import type { SurveyIndex } from './invisible';

/** A text's finds, as extractAddressList reads them, where the text has no invisible character. */
export interface AddressReading {
  readonly text: string;
  readonly finds: readonly FoundAddress[];
}

/** Only a text its survey read to the end and found no invisible character in is read by parts. */
function readableByParts(text: string, survey: SurveyIndex | undefined): boolean {
  return survey !== undefined && survey.readTo >= text.length && survey.invisibles.length === 0;
}

/** extractAddressList's finds with where they stand, or undefined where the text needs its invisible characters dropped first. */
export function addressReading(text: string, opts: ExtractOptions): AddressReading | undefined {
  return readableByParts(text, opts.survey) ? { text, finds: extractVisible(text, opts, true)! } : undefined;
}

/**
 * The reading of `text`, made from the reading of the text before an edit (`head` units the same
 * at the start, then `tail` at the end): each parse reads outward from its at-sign or bracket
 * through address units (isAddressUnit: letters, digits, blanks, dots, brackets…) and stops at the
 * first other unit, so finds beyond such a unit on each side of the edit are the finds they were, and only
 * the at-signs and brackets between are parsed again. A host checks a draft again after every
 * few keystrokes: a directory of 10 M characters was read whole for each typed word.
 */
export function addressReadingAfterEdit(text: string, before: AddressReading, head: number, tail: number, opts: ExtractOptions): AddressReading | undefined {
  if (!readableByParts(text, opts.survey)) return undefined;
  let from = head - 1;
  while (from >= 0 && isAddressUnit(text.charCodeAt(from))) from--;
  let to = text.length - tail;
  while (to < text.length && isAddressUnit(text.charCodeAt(to))) to++;
  const shift = text.length - before.text.length;
  const kept = before.finds;
  // A find stands within its parse's reach: those before `from` and after `to` were read there.
  let k = 0;
  const finds: FoundAddress[] = [];
  for (; k < kept.length && kept[k]!.index < from; k++) finds.push(kept[k]!);
  for (const f of extractVisible(text, opts, true, from + 1, to)!) finds.push(f);
  // The finds passed over are those the edit reached: a few, where it is a keystroke.
  while (k < kept.length && kept[k]!.index < to - shift) k++;
  for (; k < kept.length; k++) finds.push(shift ? { ...kept[k]!, index: kept[k]!.index + shift } : kept[k]!);
  return { text, finds };
}
