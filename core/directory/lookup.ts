// The index a host builds from the compact file, and its lookups. Addresses are exact (a person
// listed this public address). Names are the risky part: Vietnamese names repeat a great deal
// (a province's directory holds many "Nguyễn Văn Anh"), and a citizen who shares a colleague's
// name is not that colleague. So a name alone suggests someone only when
// - it has at least three syllables (a two-syllable name such as "Lê Hà" is too common),
// - exactly one listed person carries it once diacritics, case and word order are set aside,
// - and, when it was typed with diacritics, they are that person's ("Ánh" is not "Anh").
import type { CompactDirectory } from './compact';
import { nameKeys, nameSyllables } from './names';
import type { DirectoryLookup, DirectoryMatch } from './types';

export const MIN_NAME_SYLLABLES = 3;

export class DirectoryIndex implements DirectoryLookup {
  private readonly rows: string[];
  private readonly byAddr = new Map<string, number>();
  /** Folded name key → the one row carrying it, or the rows when several do. */
  private readonly byKey = new Map<string, number | number[]>();

  constructor(private readonly dir: CompactDirectory) {
    this.rows = dir.rows === '' ? [] : dir.rows.split('\n');
    for (let k = 0; k < this.rows.length; k++) {
      const row = this.rows[k]!;
      const t1 = row.indexOf('\t');
      const t2 = row.indexOf('\t', t1 + 1);
      const t3 = row.indexOf('\t', t2 + 1);
      const t4 = row.indexOf('\t', t3 + 1);
      this.byAddr.set(row.slice(t2 + 1, t3), k);
      if (t4 > t3 + 1) for (const p of row.slice(t3 + 1, t4).split(' ')) this.byAddr.set(p, k);
      const key = row.slice(t4 + 1);
      const seen = this.byKey.get(key);
      if (seen === undefined) this.byKey.set(key, k);
      else if (typeof seen === 'number') this.byKey.set(key, [seen, k]);
      else seen.push(k);
    }
  }

  get revision(): string {
    return this.dir.revision;
  }

  get size(): number {
    return this.rows.length;
  }

  private entry(k: number, via: DirectoryMatch['via']): DirectoryMatch {
    const [name, unit, official] = this.rows[k]!.split('\t');
    return { name: name!, unit: this.dir.units[Number(unit)] ?? '', official: official!, via };
  }

  /**
   * Each row's match by address, made once and shared (frozen): a directory pasted into a draft
   * names thousands of people, checked again after every few keystrokes (issue 11).
   */
  private readonly addressMatches: DirectoryMatch[] = [];

  byAddress(address: string): DirectoryMatch | undefined {
    const k = this.byAddr.get(address.trim().toLowerCase());
    if (k === undefined) return undefined;
    return (this.addressMatches[k] ??= Object.freeze(this.entry(k, 'address')));
  }

  byName(name: string): DirectoryMatch | undefined {
    const keys = nameKeys(name);
    if (keys.syllables < MIN_NAME_SYLLABLES) return undefined;
    const found = this.byKey.get(keys.folded);
    if (found === undefined) return undefined;
    const exact = (k: number) => nameSyllables(this.rows[k]!.slice(0, this.rows[k]!.indexOf('\t'))).sort().join(' ') === keys.exact;
    // Typed with diacritics, the name can single out one of several folded alike; typed without, it cannot.
    const candidates = typeof found === 'number' ? [found] : keys.marked ? found.filter(exact) : [];
    if (candidates.length !== 1) return undefined;
    if (keys.marked && !exact(candidates[0]!)) return undefined;
    return this.entry(candidates[0]!, 'name');
  }
}

export function loadDirectory(dir: CompactDirectory): DirectoryIndex {
  return new DirectoryIndex(dir);
}
