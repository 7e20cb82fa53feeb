// `policy build --directory FILE`: IT's export of the official directory (001 §1d), checked row
// by row against the policy and written as the compact file hosted beside policy.json. The
// policy's officialDirectoryUrl points at it (the add-in's folder by default), so every copy of
// the policy — .reg, ADMX, policies.json, the add-in's — names the same file.
import { makeClassifier } from '../core/address/classify';
import { compactDirectory, parseDirectorySource, serializeDirectory, type DirectoryRowError } from '../core/directory';
import type { Policy } from '../core/policy';
import { normalizeBaseUrl } from '../outlook-addin/manifest/rewrite';
import { KitError } from './errors';

/** Beside policy.json in the add-in's folder. */
export const DIRECTORY_FILE = 'directory.json';
const ERRORS_SHOWN = 20;

export interface DirectorySourceFile {
  /** The file's name as IT gave it, for messages. */
  name: string;
  bytes: Uint8Array;
}

/** The URL the policy should name: IT's own, else the add-in's folder; none is an error. */
export function directoryUrl(overrides: unknown, addinUrl: string | undefined): string {
  const own = (overrides as { officialDirectoryUrl?: unknown } | undefined)?.officialDirectoryUrl;
  if (typeof own === 'string' && own.trim() !== '') return own.trim();
  if (!addinUrl) throw new KitError('--directory needs --addin-url (the directory is hosted beside the add-in\'s policy.json) or "officialDirectoryUrl" in the policy overrides');
  try {
    return new URL(DIRECTORY_FILE, normalizeBaseUrl(addinUrl)).href;
  } catch (e) {
    throw new KitError(`--addin-url: ${(e as Error).message}`);
  }
}

function listErrors(file: string, errors: DirectoryRowError[]): string {
  const shown = errors.slice(0, ERRORS_SHOWN).map((e) => `  ${e.message}`);
  if (errors.length > ERRORS_SHOWN) shown.push(`  … and ${errors.length - ERRORS_SHOWN} more`);
  return `the directory ${file} has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was written:\n${shown.join('\n')}`;
}

/** The compact directory file, or a KitError naming every bad row (up to 20, then a count). */
export function directoryFile(source: DirectorySourceFile, policy: Policy): { text: string; count: number; revision: string } {
  const classifier = makeClassifier(policy);
  const parsed = parseDirectorySource(source.bytes, { isOfficial: (a) => classifier.classify(a) === 'official' });
  if (parsed.errors.length > 0) throw new KitError(listErrors(source.name, parsed.errors));
  const compact = compactDirectory(parsed.entries);
  return { text: serializeDirectory(compact), count: compact.count, revision: compact.revision };
}
