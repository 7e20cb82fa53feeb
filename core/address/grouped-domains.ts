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
