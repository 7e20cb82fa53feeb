// The compact directory file hosted beside the policy (managed storage holds kilobytes, a
// province's directory is tens of thousands of people). One JSON object whose rows are a single
// string, one person a line and tab-separated fields: JSON.parse reads it in one pass and no
// object per person is made until the index wants one. Each row carries its folded name key, so
// a host does no Unicode normalisation of 50,000 names when it loads.
import { foldedNameKey } from './names';
import type { DirectoryEntry } from './types';

export const DIRECTORY_FORMAT = 'congvu-guard-directory';
export const DIRECTORY_FORMAT_VERSION = 1;

export interface CompactDirectory {
  format: typeof DIRECTORY_FORMAT;
  version: typeof DIRECTORY_FORMAT_VERSION;
  /** Changes whenever the rows change: hosts compare it, servers may serve it as the ETag. */
  revision: string;
  count: number;
  /** Unit names, referenced from rows by index. */
  units: string[];
  /** name \t unit index \t official \t personal (space-separated) \t folded name key, one per line. */
  rows: string;
}

/** FNV-1a, 64 bits as two 32-bit halves: a content fingerprint, not a security measure. */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
    h2 = (h2 ^ (h1 >>> 7)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function compactDirectory(entries: readonly DirectoryEntry[]): CompactDirectory {
  const units: string[] = [];
  const unitIndex = new Map<string, number>();
  const lines = entries.map((e) => {
    let u = unitIndex.get(e.unit);
    if (u === undefined) {
      u = units.length;
      units.push(e.unit);
      unitIndex.set(e.unit, u);
    }
    return `${e.name}\t${u}\t${e.official}\t${e.personal.join(' ')}\t${foldedNameKey(e.name)}`;
  });
  const rows = lines.join('\n');
  return { format: DIRECTORY_FORMAT, version: DIRECTORY_FORMAT_VERSION, revision: fingerprint(`${units.join('\n')}\u0000${rows}`), count: entries.length, units, rows };
}

export function serializeDirectory(dir: CompactDirectory): string {
  return `${JSON.stringify(dir)}\n`;
}

export class DirectoryFormatError extends Error {}

/** The file as fetched: checked for shape, never trusted blindly (it came over the network). */
export function parseCompactDirectory(text: string): CompactDirectory {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DirectoryFormatError(`not JSON: ${(e as Error).message}`);
  }
  const d = value as Partial<CompactDirectory> | null;
  if (!d || d.format !== DIRECTORY_FORMAT) throw new DirectoryFormatError('not a Công Vụ Guard directory file');
  if (d.version !== DIRECTORY_FORMAT_VERSION) throw new DirectoryFormatError(`format version ${String(d.version)} is not one this version reads`);
  if (typeof d.revision !== 'string' || typeof d.rows !== 'string' || !Array.isArray(d.units) || !d.units.every((u) => typeof u === 'string') || typeof d.count !== 'number') {
    throw new DirectoryFormatError('fields missing or of the wrong type');
  }
  return d as CompactDirectory;
}
