// The Public Suffix List in launchevent.js (issue 11): tldts's trie (some 110 KB) is swapped for
// the hashes of its node paths (pack-data.ts's packedPublicSuffixes, ~30 KB), walked the way
// tldts walks its trie: right to left, an exact label before the '*' edge, the deepest rule
// node wins, exceptions first. tldts answers as it does, except when a name's hash meets one of
// the ~12,000 paths (odds about 3 in a million per step; public-suffix.test.ts compares the two
// on every rule and its neighbours).
//
// Only as far as the launch file needs it: core/policy/risks.ts asks one thing, whether a host
// name from the policy (the schema's DOMAIN_PATTERN: lower-case labels, a letter TLD) is itself a
// public suffix, private section included. So tldts-core (13 KB of URL and IP parsing the engine
// would parse on every event) stays out: a host name is split on its dots here.
import { HashedDomainSet } from '../../core/address/grouped-domains';

/** Entry for a node: tree ('r' rules, 'e' exceptions), the node's flags (1 ICANN, 2 private, 0 neither), path. */
export function suffixNodeKey(tree: 'r' | 'e', flags: number, path: string): string {
  return `${tree}${flags}:${path}`;
}

/** Number of labels in the public suffix of `labels` (a host name split on dots), as tldts finds it. */
export function makeSuffixLookup(nodes: { has(key: string): boolean }) {
  // A policy's domains share their suffixes (vn, gov.vn) and a path not in the list costs four
  // probes per tree, each a run through a block of the hashed list: a path's answer is kept, so
  // loading the Đà Nẵng policy asks the list 24 times, not 80 (issue 11: these probes were the
  // most of a first send's policy check). Cleared when full; answers are the same either way.
  const known = new Map<string, number>();
  const flagsAt = (tree: 'r' | 'e', path: string): number => {
    const key = tree + path;
    let flags = known.get(key);
    if (flags === undefined) {
      flags = -1;
      for (let f = 0; f < 4; f++) {
        if (nodes.has(suffixNodeKey(tree, f, path))) {
          flags = f;
          break;
        }
      }
      if (known.size >= 4096) known.clear();
      known.set(key, flags);
    }
    return flags;
  };

  /** The label index where the deepest allowed node's path starts, or -1. */
  const walk = (labels: string[], tree: 'r' | 'e', mask: number): number => {
    let path = '';
    let match = -1;
    for (let i = labels.length - 1; i >= 0; i--) {
      const label = labels[i]!;
      let next = path ? `${label}.${path}` : label;
      let flags = flagsAt(tree, next);
      if (flags === -1) {
        next = path ? `*.${path}` : '*';
        flags = flagsAt(tree, next);
      }
      if (flags === -1) break;
      path = next;
      if ((flags & mask) !== 0) match = i;
    }
    return match;
  };

  return function suffixLabels(labels: string[], mask: number): number {
    const exception = walk(labels, 'e', mask);
    // An exception rule names a registrable domain: its suffix is one label shorter.
    if (exception >= 0) return labels.length - exception - 1;
    const rule = walk(labels, 'r', mask);
    // No rule: the list's default rule '*', the last label.
    return rule >= 0 ? labels.length - rule : 1;
  };
}

/** Lower-case labels of ASCII letters, digits, '-' and '_' or of non-ASCII letters (IDN rules), no empty label. */
const HOST_NAME = /^[a-z0-9_\-\u0080-\uffff]+(?:\.[a-z0-9_\-\u0080-\uffff]+)*$/;
/** Labels tldts would read as an IPv4 address: decimal, octal or 0x-hex numbers only. */
const IP_LIKE = /^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+))*$/;

export interface GetDomainOptions {
  allowPrivateDomains?: boolean;
  validateHostname?: boolean;
}

/**
 * tldts's getDomain(host, { allowPrivateDomains: true, validateHostname: false }) over the hashed
 * list, for host names: core/policy/risks.ts's one call. Anything else the schema never lets
 * reach it (an IP address, a URL, an empty label) has no domain here, so risks.ts refuses it, and
 * other options throw: a new caller must widen this file and its test, not get a guess.
 */
export function hashedGetDomain(coded: string) {
  const lookup = makeSuffixLookup(new HashedDomainSet(coded));
  return (input: string, options?: GetDomainOptions): string | null => {
    if (options?.allowPrivateDomains !== true || options.validateHostname !== false) {
      throw new Error('launchevent.js answers getDomain only as core/policy/risks.ts asks it');
    }
    let host = input.toLowerCase();
    while (host.length > 1 && host.endsWith('.')) host = host.slice(0, -1);
    if (!HOST_NAME.test(host) || IP_LIKE.test(host)) return null;
    const labels = host.split('.');
    const suffix = lookup(labels, 3);
    return suffix >= labels.length ? null : labels.slice(labels.length - suffix - 1).join('.');
  };
}
