import type { Policy } from '../policy/schema';
import { withoutInvisible } from './invisible';
import { MAILBOXES_ON_SUBDOMAINS, PUBLIC_WEBMAIL_DOMAINS } from './public-domains';

export type AddressClass = 'official' | 'public-webmail' | 'other';

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The domain as a person reads it: lower case, invisible characters dropped, full-width forms
 * folded, and the root dot of a fully qualified name ("gmail.com.") removed.
 */
function canonicalDomain(domain: string): string {
  let d = domain.toLowerCase();
  if (NON_ASCII.test(d)) d = withoutInvisible(d).normalize('NFKC').toLowerCase();
  return d.endsWith('.') ? d.slice(0, -1) : d;
}

function withinAny(domain: string, roots: readonly string[]): boolean {
  return roots.some((r) => domain === r || domain.endsWith(`.${r}`));
}

/** The domain or one of its parents is in the set ("hcm.vnn.vn" → "vnn.vn"). */
function inSet(domain: string, set: ReadonlySet<string>): boolean {
  for (let d = domain; ; ) {
    if (set.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0 || d.indexOf('.', dot + 1) < 0) return false;
    d = d.slice(dot + 1);
  }
}

/** Bundled providers match exactly, except the few whose mailboxes sit on subdomains. */
function isBundledPublic(domain: string): boolean {
  return PUBLIC_WEBMAIL_DOMAINS.has(domain) || inSet(domain, MAILBOXES_ON_SUBDOMAINS);
}

export interface AddressClassifier {
  classify(address: string): AddressClass;
  classifyDomain(domain: string): AddressClass;
  /** A domain worth guessing an address for (see ExtractOptions.isKnownDomain). */
  isKnownDomain(domain: string): boolean;
}

const DOMAINS_KEPT = 10_000;
const ADDRESSES_KEPT = 100_000;

/** Official first: an authority's own domain never counts as public, whatever lists say. */
export function makeClassifier(policy: Pick<Policy, 'officialDomains' | 'extraPublicDomains'>): AddressClassifier {
  const official = policy.officialDomains.map((d) => d.toLowerCase());
  const extra = new Set(policy.extraPublicDomains.map((d) => d.toLowerCase()));
  const classifyDomain = (domain: string): AddressClass => {
    const d = canonicalDomain(domain);
    if (withinAny(d, official)) return 'official';
    // IT names its own additions, and means their hosts too.
    if (isBundledPublic(d) || inSet(d, extra)) return 'public-webmail';
    return 'other';
  };
  return {
    classifyDomain,
    classify: (address) => classifyDomain(domainOf(address)),
    isKnownDomain: (domain) => classifyDomain(domain) !== 'other',
  };
}

/**
 * The same classifier, remembering each domain's class for one check. Not longer: in a page
 * the provider list is the background's, and a domain not yet answered reads as 'other' until
 * its verdict arrives; a memo kept across checks would keep that 'other' for good.
 */
export function withDomainMemo(classifier: AddressClassifier): AddressClassifier {
  // A directory or a long thread names the same few domains thousands of times.
  const known = new Map<string, AddressClass>();
  const classifyDomain = (domain: string): AddressClass => {
    let c = known.get(domain);
    if (c === undefined) {
      if (known.size >= DOMAINS_KEPT) known.clear();
      c = classifier.classifyDomain(domain);
      known.set(domain, c);
    }
    return c;
  };
  // Two rules classify each address of a text in turn: the second asks by the same string.
  const byAddress = new Map<string, AddressClass>();
  const classify = (address: string): AddressClass => {
    let c = byAddress.get(address);
    if (c === undefined) {
      if (byAddress.size >= ADDRESSES_KEPT) byAddress.clear();
      c = classifyDomain(domainOf(address));
      byAddress.set(address, c);
    }
    return c;
  };
  return {
    classifyDomain,
    classify,
    isKnownDomain: (domain) => classifyDomain(domain) !== 'other',
  };
}
