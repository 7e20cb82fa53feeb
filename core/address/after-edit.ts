// Reading a long draft again after an edit: only the at-signs and brackets the edit can reach are
// parsed again (issue 11). Apart from extract.ts so that builds where nothing outlives one check
// (classic Outlook's launch file, fresh for every event) leave it out and read whole.
import { extractVisible, isAddressUnit, type ExtractOptions, type FoundAddress } from './extract';
import { firstFrom, type SurveyIndex } from './invisible';

/**
 * A text's finds, as extractAddressList reads them, where the text has no invisible character:
 * each find's address and where it starts, in order of place. Two lists, not an object per find:
 * after an edit, every find past it moves, and a directory has tens of thousands.
 */
export interface AddressReading {
  readonly text: string;
  readonly addresses: readonly string[];
  readonly starts: readonly number[];
}

function reading(text: string, finds: readonly FoundAddress[]): AddressReading {
  return { text, addresses: finds.map((f) => f.address), starts: finds.map((f) => f.index) };
}

/** Only a text its survey read to the end and found no invisible character in is read by parts. */
function readableByParts(text: string, survey: SurveyIndex | undefined): boolean {
  return survey !== undefined && survey.readTo >= text.length && survey.invisibles.length === 0;
}

/** extractAddressList's finds with where they stand, or undefined where the text needs its invisible characters dropped first. */
export function addressReading(text: string, opts: ExtractOptions): AddressReading | undefined {
  return readableByParts(text, opts.survey) ? reading(text, extractVisible(text, opts, true)!) : undefined;
}

/**
 * The reading of `text`, made from the reading of the text before an edit (`head` units the same
 * at the start, then `tail` at the end). Each parse reads outward from its at-sign or bracket
 * through address units (isAddressUnit: letters, digits, blanks, dots, brackets…) and stops at
 * the first other unit, so the finds beyond such a unit on each side of the edit are the finds
 * they were, and only the at-signs and brackets between are parsed again. A host checks a draft
 * again after every few keystrokes: a directory of 10 M characters was read whole for each word.
 */
export function addressReadingAfterEdit(text: string, before: AddressReading, head: number, tail: number, opts: ExtractOptions): AddressReading | undefined {
  if (!readableByParts(text, opts.survey)) return undefined;
  let from = head - 1;
  while (from >= 0 && isAddressUnit(text.charCodeAt(from))) from--;
  let to = text.length - tail;
  while (to < text.length && isAddressUnit(text.charCodeAt(to))) to++;
  const shift = text.length - before.text.length;
  // A find stands within its parse's reach: those before `from` and after `to` were read there.
  const first = firstFrom(before.starts, from);
  const last = firstFrom(before.starts, to - shift);
  const middle = reading(text, extractVisible(text, opts, true, from + 1, to)!);
  // A keystroke most often leaves the addresses as they were: the list is then the same list.
  const same = last - first === middle.addresses.length && middle.addresses.every((a, n) => a === before.addresses[first + n]);
  const moved = before.starts.slice(last);
  if (shift) for (let n = 0; n < moved.length; n++) moved[n]! += shift;
  return {
    text,
    addresses: same ? before.addresses : before.addresses.slice(0, first).concat(middle.addresses, before.addresses.slice(last)),
    starts: before.starts.slice(0, first).concat(middle.starts, moved),
  };
}
