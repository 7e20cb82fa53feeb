// The Public Suffix List in launchevent.js (issue 11): tldts's trie (some 110 KB) is swapped for
// the hashes of its node paths (pack-data.ts's packedPublicSuffixes, ~30 KB), walked the way
// tldts walks its trie: right to left, an exact label before the '*' edge, the deepest rule
// node wins, exceptions first. tldts-core still parses the input, so getDomain answers as
// tldts does, except when a name's hash meets one of the ~12,000 paths (odds about 3 in a
// million per step; public-suffix.test.ts compares the two on every rule and its neighbours).
import { fastPathLookup, getEmptyResult, parseImpl } from 'tldts-core';
import { HashedDomainSet } from '../../core/address/grouped-domains';

/** Entry for a node: tree ('r' rules, 'e' exceptions), the node's flags (1 ICANN, 2 private, 0 neither), path. */
export function suffixNodeKey(tree: 'r' | 'e', flags: number, path: string): string {
  return `${tree}${flags}:${path}`;
}

type LookupResult = { isIcann: boolean | null; isPrivate: boolean | null; publicSuffix: string | null };
type LookupOptions = { allowPrivateDomains: boolean; allowIcannDomains: boolean };

export function makeSuffixLookup(nodes: { has(key: string): boolean }) {
  const flagsAt = (tree: 'r' | 'e', path: string): number => {
    for (let f = 0; f < 4; f++) if (nodes.has(suffixNodeKey(tree, f, path))) return f;
    return -1;
  };

  /** The label index where the deepest allowed node's path starts and its flags, or undefined. */
  const walk = (labels: string[], tree: 'r' | 'e', mask: number): { at: number; flags: number } | undefined => {
    let path = '';
    let match: { at: number; flags: number } | undefined;
    for (let i = labels.length - 1; i >= 0; i--) {
      const label = labels[i]!;
      let next = path ? `${label}.${path}` : label;
      let flags = label === '' ? -1 : flagsAt(tree, next);
      if (flags === -1 && label !== '') {
        next = path ? `*.${path}` : '*';
        flags = flagsAt(tree, next);
      }
      if (flags === -1) break;
      path = next;
      if ((flags & mask) !== 0) match = { at: i, flags };
    }
    return match;
  };

  return function suffixLookup(hostname: string, options: LookupOptions, out: LookupResult): boolean {
    if (fastPathLookup(hostname, options as never, out as never)) return false;
    const mask = (options.allowPrivateDomains ? 2 : 0) | (options.allowIcannDomains ? 1 : 0);
    const labels = hostname.split('.');
    const exception = walk(labels, 'e', mask);
    if (exception) {
      out.isIcann = (exception.flags & 1) !== 0;
      out.isPrivate = (exception.flags & 2) !== 0;
      out.publicSuffix = labels.slice(exception.at + 1).join('.');
      return true;
    }
    const rule = walk(labels, 'r', mask);
    if (rule) {
      out.isIcann = (rule.flags & 1) !== 0;
      out.isPrivate = (rule.flags & 2) !== 0;
      out.publicSuffix = labels.slice(rule.at).join('.');
      return false;
    }
    out.isIcann = false;
    out.isPrivate = false;
    out.publicSuffix = labels[labels.length - 1]!;
    return false;
  };
}

/** tldts's getDomain over the hashed list (the one call core/policy/risks.ts makes). */
export function hashedGetDomain(coded: string) {
  const lookup = makeSuffixLookup(new HashedDomainSet(coded));
  return (url: string, options?: Record<string, unknown>): string | null => (parseImpl(url, 3, lookup as never, options as never, getEmptyResult()) as { domain: string | null }).domain;
}
