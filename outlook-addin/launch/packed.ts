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

/**
 * A typed array from its little-endian bytes in Base64 (pack-data.ts's packedTypedModule): a
 * string the engine skips over at load, where an array literal of thousands of numbers is parsed
 * on every event, needed or not.
 */
export function unpackTyped(name: TypedName, packed: string): Uint8Array | Uint16Array | Uint32Array | Int32Array {
  const bytes = base64ToBytes(packed);
  const size = TYPED[name].BYTES_PER_ELEMENT;
  const out = new TYPED[name](bytes.length / size);
  for (let k = 0; k < out.length; k++) {
    let v = 0;
    for (let b = size - 1; b >= 0; b--) v = v * 256 + bytes[k * size + b]!;
    out[k] = v;
  }
  return out;
}
