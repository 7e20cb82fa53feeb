// The addresses in a text, read once per check: public-contact-in-document and official-directory
// both read the body and every attached document, and extraction is most of their cost.
import { addressReading, addressReadingAfterEdit, type AddressReading } from '../address/after-edit';
import { extractAddressList } from '../address/extract';
import { surveyText } from '../encoding/detect';
import { KeptReadings, SHORTEST_KEPT } from '../text/kept';
import type { RuleContext } from './rule';

// check() makes a context for each call, so what is kept here lasts one check.
const foundPerCheck = new WeakMap<RuleContext, Map<string, readonly string[]>>();

interface Read {
  text: string;
  addresses: readonly string[];
  answers: Map<string, boolean>;
  reading: AddressReading | undefined;
}

/**
 * The last long texts read (a draft's body and its documents), their addresses, and what the
 * classifier answered while they were read (whether a guessed address's domain is known).
 * Reading depends on nothing else, so the same text checked again (a draft is checked whenever
 * anything else about the message changes) is not read again while every one of those answers
 * still holds. In a page an answer can change (a verdict arrives from the background), and then
 * the text is read again.
 */
const kept = new KeptReadings<Read>();

function stillAnswered(answers: ReadonlyMap<string, boolean>, ctx: RuleContext): boolean {
  for (const [domain, known] of answers) if (ctx.classifier.isKnownDomain(domain) !== known) return false;
  return true;
}

function readAddresses(text: string, ctx: RuleContext): readonly string[] {
  const long = kept.keeps(text);
  const same = kept.of(text);
  if (same && stillAnswered(same.answers, ctx)) return same.addresses;
  const answers = new Map<string, boolean>();
  const isKnownDomain = (domain: string) => {
    const known = ctx.classifier.isKnownDomain(domain);
    answers.set(domain, known);
    return known;
  };
  // Every caller wants each address once: a directory names the same person again and again.
  // The legacy-encoding rule reads the same text for its signals after this: one survey finds
  // those and the invisible characters together. Without that rule the extractor's own search
  // near each at-sign is the cheaper, and a short text is read whole either way.
  const survey = ctx.policy.rules['unicode-text'] !== 'off' && text.length >= SHORTEST_KEPT ? surveyText(text) : undefined;
  const opts = { isKnownDomain, survey };
  // An edit of a long text read before: only what the edit reaches is read again, and the finds
  // kept rest on the answers given for them then, which must still hold.
  const edited = !same ? kept.editedFrom(text) : undefined;
  let reading: AddressReading | undefined;
  if (edited?.reading.reading && stillAnswered(edited.reading.answers, ctx)) {
    reading = addressReadingAfterEdit(text, edited.reading.reading, edited.edit.head, edited.edit.tail, opts);
    if (reading) for (const [domain, known] of edited.reading.answers) answers.set(domain, known);
  }
  if (long) reading ??= addressReading(text, opts);
  // The same finds as before the edit: the same addresses, each once.
  const addresses = reading && reading.addresses === edited?.reading.reading?.addresses ? edited.reading.addresses : [...new Set(reading ? reading.addresses : extractAddressList(text, opts))];
  kept.keep({ text, addresses, answers, reading }, same ?? edited?.reading);
  return addresses;
}

/**
 * Every address in `text` (see extractAddresses), each once, in the order they first appear,
 * guessing only for domains the classifier knows.
 */
export function addressesIn(text: string, ctx: RuleContext): readonly string[] {
  let found = foundPerCheck.get(ctx);
  if (!found) {
    found = new Map();
    foundPerCheck.set(ctx, found);
  }
  let addresses = found.get(text);
  if (!addresses) {
    addresses = readAddresses(text, ctx);
    found.set(text, addresses);
  }
  return addresses;
}
