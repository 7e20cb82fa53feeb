// Large data tables in launchevent.js travel as one string literal each (see
// outlook-addin/pack-data.ts). A string literal costs the engine almost nothing to load, where
// thousands of array items or object keys are parsed and built on every event: classic Outlook
// evaluates the file afresh each time. Tables needed on every event are only grouped, so
// unpacking them is a few native splits; a rarely needed one (postal-mime's entities, for an
// attached .eml) is deflated, because inflating in a cold runtime costs tens of milliseconds.
import { inflateSync, strFromU8 } from 'fflate';
import { base64ToBytes } from './base64';

const TYPED = { Uint8Array, Uint16Array, Uint32Array, Int32Array } as const;

type TypedName = keyof typeof TYPED;

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$typed' in value) {
    const { $typed, items } = value as { $typed: TypedName; items: number[] };
    return new TYPED[$typed](items);
  }
  return value;
}

export function unpackText(packed: string): string {
  return strFromU8(inflateSync(base64ToBytes(packed)));
}

/** The exports of a data module, typed arrays rebuilt. */
export function unpackModule(packed: string): Record<string, unknown> {
  return JSON.parse(unpackText(packed), revive) as Record<string, unknown>;
}

/**
 * Domains grouped by what follows their first label, one group a line: "com gmail yahoo" holds
 * gmail.com and yahoo.com (the list shrinks by a third and stays a plain string).
 */
export function ungroupDomains(grouped: string): string[] {
  const out: string[] = [];
  for (const line of grouped.split('\n')) {
    const labels = line.split(' ');
    const ending = labels[0];
    for (let k = 1; k < labels.length; k++) out.push(`${labels[k]}.${ending}`);
  }
  return out;
}

/**
 * A set built on first use: evaluating the file costs nothing, and only an event that looks a
 * domain up pays for the list, once.
 */
export class LazySet implements ReadonlySet<string> {
  private set: Set<string> | undefined;

  constructor(private readonly load: () => Iterable<string>) {}

  private get items(): Set<string> {
    if (!this.set) this.set = new Set(this.load());
    return this.set;
  }

  has(value: string): boolean {
    return this.items.has(value);
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
