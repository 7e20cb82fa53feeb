// The addresses in a text, read once per check: public-contact-in-document and official-directory
// both read the body and every attached document, and extraction is most of their cost.
import { extractAddresses } from '../address/extract';
import type { RuleContext } from './rule';

// check() makes a context for each call, so what is kept here lasts one check.
const foundPerCheck = new WeakMap<RuleContext, Map<string, string[]>>();

/** Every address in `text` (see extractAddresses), guessing only for domains the classifier knows. */
export function addressesIn(text: string, ctx: RuleContext): string[] {
  let found = foundPerCheck.get(ctx);
  if (!found) {
    found = new Map();
    foundPerCheck.set(ctx, found);
  }
  let addresses = found.get(text);
  if (!addresses) {
    addresses = extractAddresses(text, { isKnownDomain: ctx.classifier.isKnownDomain }).map((f) => f.address);
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
