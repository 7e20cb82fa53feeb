// The public-webmail list in the compact form every bundle carries (issue 11): one string,
// built and normalised at build time, with one line per ending ("com gmail yahoo" holds
// gmail.com and yahoo.com). A string literal costs an engine next to nothing to load, where
// 14,000 array items are parsed, lower-cased, filtered and hashed on every start. A lookup
// turns only its own ending's line into a set, the first time that ending is asked about.

/** The form GroupedDomainSet reads: endings and labels separated by single spaces, lines by \n. */
export function groupDomains(domains: Iterable<string>): string {
  const groups = new Map<string, string[]>();
  for (const d of domains) {
    const dot = d.indexOf('.');
    if (dot <= 0 || /\s/.test(d)) throw new Error(`public-webmail list: cannot group ${JSON.stringify(d)}`);
    const ending = d.slice(dot + 1);
    const labels = groups.get(ending);
    if (labels) labels.push(d.slice(0, dot));
    else groups.set(ending, [d.slice(0, dot)]);
  }
  return [...groups].map(([ending, labels]) => [ending, ...labels.sort()].join(' ')).join('\n');
}

/** A read-only set over groupDomains' string; has() never builds more than one ending's labels. */
export class GroupedDomainSet implements ReadonlySet<string> {
  private lines?: Map<string, string>;
  private readonly endings = new Map<string, ReadonlySet<string>>();
  private all?: Set<string>;

  constructor(private readonly grouped: string) {}

  has(domain: string): boolean {
    const dot = domain.indexOf('.');
    if (dot <= 0) return false;
    const ending = domain.slice(dot + 1);
    let labels = this.endings.get(ending);
    if (!labels) {
      const line = this.lineFor(ending);
      if (line === undefined) return false;
      labels = new Set(line.split(' ').slice(1));
      this.endings.set(ending, labels);
    }
    return labels.has(domain.slice(0, dot));
  }

  private lineFor(ending: string): string | undefined {
    if (!this.lines) {
      this.lines = new Map();
      for (const line of this.grouped.split('\n')) this.lines.set(line.slice(0, line.indexOf(' ')), line);
    }
    return this.lines.get(ending);
  }

  /** Everything else a Set offers, for the rare caller that walks the list. */
  private get items(): Set<string> {
    if (!this.all) {
      this.all = new Set();
      for (const line of this.grouped.split('\n')) {
        const [ending, ...labels] = line.split(' ');
        for (const label of labels) this.all.add(`${label}.${ending}`);
      }
    }
    return this.all;
  }

  get size(): number {
    return this.items.size;
  }

  forEach(fn: (value: string, again: string, set: ReadonlySet<string>) => void, self?: unknown): void {
    this.items.forEach((v) => fn.call(self, v, v, this));
  }

  entries(): SetIterator<[string, string]> {
    return this.items.entries();
  }

  keys(): SetIterator<string> {
    return this.items.keys();
  }

  values(): SetIterator<string> {
    return this.items.values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.items.values();
  }
}

/**
 * Source of a module with public-domains.ts's exports, the list as one grouped string: bundlers
 * put it in place of that module (pass the real module's values and this file's path).
 */
export function groupedPublicDomainsModule(real: { PUBLIC_WEBMAIL_DOMAINS: Iterable<string> }, groupedDomainsPath: string, mailboxesPath: string): string {
  return [
    `import { GroupedDomainSet } from ${JSON.stringify(groupedDomainsPath)};`,
    `export { MAILBOXES_ON_SUBDOMAINS } from ${JSON.stringify(mailboxesPath)};`,
    `export const PUBLIC_WEBMAIL_DOMAINS = /* @__PURE__ */ new GroupedDomainSet(${JSON.stringify(groupDomains(real.PUBLIC_WEBMAIL_DOMAINS))});`,
  ].join('\n');
}

// --- Hashed form (issue 11, Outlook's launchevent.js) ---------------------------------------
// Classic Outlook evaluates launchevent.js afresh for every event, so there the list travels as
// the sorted 32-bit hashes of its names, Golomb-Rice coded (about 20 bits a name where the
// grouped string spends 80). Membership is then near-exact: a name outside the list is taken for
// a member only when its hash meets one of the 14,000 (odds about 3.3 in a million per lookup;
// grouped-domains.test.ts counts them on a large sample and checks every preset's domains).
// The hashes come in blocks of HASH_BLOCK with an index of each block's first hash, so a lookup
// decodes one block: decoding all 14,000 on the first lookup cost ~20 ms in a cold engine.

const HASH_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HASH_BLOCK = 64;
/** Index entry: a block's first hash (6 characters) and where its gaps start (3 characters). */
const INDEX_CHARS = 9;

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser so every bit mixes. */
export function domainHash(domain: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < domain.length; k++) h = Math.imul(h ^ domain.charCodeAt(k), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function sixBits(value: number, chars: number): string {
  let out = '';
  for (let c = chars - 1; c >= 0; c--) out += HASH_ALPHABET[Math.floor(value / 64 ** c) % 64];
  return out;
}

/**
 * `count riceBits index gaps`: the sorted hashes in blocks; the index gives each block's first
 * hash and the character its gaps start at; each further hash is its gap from the one before,
 * a unary quotient then riceBits low bits, six bits a character, every block starting on a
 * character. riceBits stays ≤ 24 so the decoder's buffer never passes 31 bits.
 */
export function hashDomains(domains: Iterable<string>): string {
  const hashes = [...new Set([...domains].map(domainHash))].sort((a, b) => a - b);
  const gaps = hashes.map((h, k) => (k % HASH_BLOCK ? h - hashes[k - 1]! : 0)).filter((_, k) => k % HASH_BLOCK);
  const cost = (bits: number) => gaps.reduce((sum, g) => sum + Math.floor(g / 2 ** bits) + 1 + bits, 0);
  let riceBits = 1;
  while (riceBits < 24 && cost(riceBits + 1) < cost(riceBits)) riceBits++;
  let index = '';
  let data = '';
  for (let first = 0; first < hashes.length; first += HASH_BLOCK) {
    index += sixBits(hashes[first]!, 6) + sixBits(data.length, 3);
    const bits: number[] = [];
    for (let k = first + 1; k < Math.min(first + HASH_BLOCK, hashes.length); k++) {
      const g = hashes[k]! - hashes[k - 1]!;
      for (let q = Math.floor(g / 2 ** riceBits); q > 0; q--) bits.push(1);
      bits.push(0);
      for (let b = riceBits - 1; b >= 0; b--) bits.push(Math.floor(g / 2 ** b) % 2);
    }
    for (let k = 0; k < bits.length; k += 6) data += HASH_ALPHABET[bits.slice(k, k + 6).reduce((v, b) => v * 2 + b, 0) * 2 ** Math.max(0, k + 6 - bits.length)];
  }
  if (data.length >= 64 ** 3) throw new Error('public-webmail list: too long for the hashed form');
  return `${hashes.length} ${riceBits} ${index} ${data}`;
}

let charValues: Uint8Array | undefined;

function valueAt(text: string, at: number): number {
  if (!charValues) {
    charValues = new Uint8Array(128);
    for (let c = 0; c < HASH_ALPHABET.length; c++) charValues[HASH_ALPHABET.charCodeAt(c)] = c;
  }
  return charValues[text.charCodeAt(at)]!;
}

function readChars(text: string, at: number, chars: number): number {
  let v = 0;
  for (let c = 0; c < chars; c++) v = v * 64 + valueAt(text, at + c);
  return v;
}

/**
 * Membership over hashDomains' string: a binary search of the index, then one block decoded.
 * It cannot list its names: walking it throws, so no caller can silently see an empty list.
 */
export class HashedDomainSet {
  private parts?: { count: number; riceBits: number; index: string; data: string };

  constructor(private readonly coded: string) {}

  get size(): number {
    return this.fields().count;
  }

  has(domain: string): boolean {
    const { count, riceBits, index, data } = this.fields();
    const h = domainHash(domain);
    const blocks = index.length / INDEX_CHARS;
    let lo = 0;
    let hi = blocks - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (readChars(index, mid * INDEX_CHARS, 6) <= h) lo = mid;
      else hi = mid - 1;
    }
    let v = readChars(index, lo * INDEX_CHARS, 6);
    if (v >= h) return v === h;
    let at = readChars(index, lo * INDEX_CHARS + 6, 3);
    let buffer = 0; // bits not yet used, in the low `held` bits
    let held = 0;
    for (let n = Math.min(HASH_BLOCK, count - lo * HASH_BLOCK) - 1; n > 0; n--) {
      let q = 0;
      for (;;) {
        if (held === 0) {
          buffer = valueAt(data, at++);
          held = 6;
        }
        held--;
        if (((buffer >>> held) & 1) === 0) break;
        q++;
      }
      while (held < riceBits) {
        buffer = ((buffer & ((1 << held) - 1)) << 6) | valueAt(data, at++);
        held += 6;
      }
      held -= riceBits;
      v += q * 2 ** riceBits + ((buffer >>> held) & ((1 << riceBits) - 1));
      if (v >= h) return v === h;
    }
    return false;
  }

  forEach(): never {
    throw new Error('The hashed public-webmail list cannot be walked, only asked about one name');
  }

  [Symbol.iterator](): never {
    return this.forEach();
  }

  private fields(): { count: number; riceBits: number; index: string; data: string } {
    if (!this.parts) {
      const [count, riceBits, index, data] = this.coded.split(' ') as [string, string, string, string];
      this.parts = { count: Number(count), riceBits: Number(riceBits), index, data };
    }
    return this.parts;
  }
}

/** Source of a module with public-domains.ts's exports, the list hashed (see HashedDomainSet). */
export function hashedPublicDomainsModule(real: { PUBLIC_WEBMAIL_DOMAINS: Iterable<string> }, groupedDomainsPath: string, mailboxesPath: string): string {
  return [
    `import { HashedDomainSet } from ${JSON.stringify(groupedDomainsPath)};`,
    `export { MAILBOXES_ON_SUBDOMAINS } from ${JSON.stringify(mailboxesPath)};`,
    `export const PUBLIC_WEBMAIL_DOMAINS = /* @__PURE__ */ new HashedDomainSet(${JSON.stringify(hashDomains(real.PUBLIC_WEBMAIL_DOMAINS))});`,
  ].join('\n');
}
