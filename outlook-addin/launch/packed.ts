// Large data tables in launchevent.js travel as one string literal each (see
// outlook-addin/pack-data.ts). A string literal costs the engine almost nothing to load, where
// thousands of array items or object keys are parsed and built on every event: classic Outlook
// evaluates the file afresh each time. The public-webmail list, needed on every event, travels
// as its names' hashes (core/address/grouped-domains.ts's HashedDomainSet); a rarely needed table (postal-mime's entities, for
// an attached .eml) is deflated, because inflating in a cold runtime costs tens of milliseconds.
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
