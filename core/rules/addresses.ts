// The addresses in a text, read once per check: public-contact-in-document and official-directory
// both read the body and every attached document, and extraction is most of their cost.
import { extractAddresses } from '../address/extract';
import type { RuleContext } from './rule';

// check() makes a context for each call, so what is kept here lasts one check.
const foundPerCheck = new WeakMap<RuleContext, Map<string, readonly string[]>>();

/**
 * The last text read whose addresses needed no guess (no domain asked about). Those addresses
 * owe nothing to what the classifier knows, so the same text checked again (the draft is checked
 * whenever anything else about the message changes) is not read again. A text whose reading
 * asked about a domain is always read again: in a page the answer may have changed since.
 */
let lastUnguessed: { text: string; addresses: readonly string[] } | undefined;
/** Short texts (a subject, the sender lines) are read again: cheap, and they would push the body out. */
const SHORTEST_KEPT = 4096;
const LONGEST_KEPT = 16_000_000;

function readAddresses(text: string, ctx: RuleContext): readonly string[] {
  if (lastUnguessed?.text === text) return lastUnguessed.addresses;
  let asked = false;
  const isKnownDomain = (domain: string) => {
    asked = true;
    return ctx.classifier.isKnownDomain(domain);
  };
  const addresses = extractAddresses(text, { isKnownDomain }).map((f) => f.address);
  if (!asked && text.length >= SHORTEST_KEPT && text.length <= LONGEST_KEPT) lastUnguessed = { text, addresses };
  return addresses;
}

/** Every address in `text` (see extractAddresses), guessing only for domains the classifier knows. */
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

const distinctPerCheck = new WeakMap<RuleContext, Map<string, string[]>>();

/** The addresses of `text` once each, in the order they first appear (what both rules look up). */
export function distinctAddressesIn(text: string, ctx: RuleContext): string[] {
  let found = distinctPerCheck.get(ctx);
  if (!found) {
    found = new Map();
    distinctPerCheck.set(ctx, found);
  }
  let distinct = found.get(text);
  if (!distinct) {
    distinct = [...new Set(addressesIn(text, ctx))];
    found.set(text, distinct);
  }
  return distinct;
}
