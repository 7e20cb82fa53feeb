// Which files a scan reads: every regular file named on the command line, and inside folders
// every file whose name the reader takes (core/extract decides). Everything else found is
// listed as skipped, with why; nothing is dropped without a word. Nothing but a regular file
// is ever opened: a named pipe or a device would block the scan outside any deadline.
// The walk is synchronous: nothing else runs while the list is made, and a folder of a
// thousand files otherwise costs a thousand trips through libuv's thread pool, each waiting
// for a thread on a busy machine, before the first file is read (issue 11).
import { lstatSync as lstat, readdirSync as readdir, statSync as stat, type Stats } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../core/extract';
import { displayPath } from './path-text';

export class MissingPathError extends Error {}

export interface ListedFile {
  /** The path as people read it: invalid UTF-8 bytes of a name appear as `\xNN`. */
  path: string;
  /** The exact bytes to open, when the path is not valid UTF-8 (names from TCVN3 or CP1258 systems). */
  raw?: Buffer;
  /** Its size when listed, for sharing the work out (the scan reads the size again when it opens it). */
  size?: number;
}

export type SkipReason = 'not-a-document' | 'not-a-regular-file' | 'folder-link' | 'broken-link' | 'office-lock-file' | 'unreadable-folder' | 'visited-folder';

export interface SkippedEntry extends ListedFile {
  reason: SkipReason;
  /** The system's error code, when there was one (ENOENT, ELOOP, EACCES). */
  code?: string;
  /** Named on the command line (not found inside a folder). */
  named: boolean;
}

export interface Listing {
  files: ListedFile[];
  skipped: SkippedEntry[];
}

/** Whether skipped entries make the scan's exit code 1: the person asked for that very path, or a folder's contents went unread. */
export function skippedCountsAsUnread(s: SkippedEntry): boolean {
  return s.named || s.reason === 'unreadable-folder';
}

// Word's "~$name.docx" owner files and LibreOffice's ".~lock.name#" files are not documents.
function isOfficeDebris(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock.');
}

/** Windows drops trailing spaces and dots from names; a "báo cáo.docx " copied over is still a .docx. */
export function isDocumentName(name: string): boolean {
  return DOCUMENT_EXTENSIONS.has(extname(name.replace(/[ .]+$/, '')).toLowerCase());
}

interface Place {
  display: string;
  raw: Buffer;
  /** Some byte of the path is not UTF-8, so it can only be opened by its bytes. */
  binary: boolean;
}

function listed(place: Place): ListedFile {
  return place.binary ? { path: place.display, raw: place.raw } : { path: place.display };
}

function codeOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

export function listFiles(paths: readonly string[]): Listing {
  const out: Listing = { files: [], skipped: [] };
  const visited = new Set<string>();
  for (const p of paths) {
    let info: Stats;
    try {
      info = stat(p);
    } catch {
      throw new MissingPathError(p);
    }
    const place: Place = { display: p, raw: Buffer.from(p), binary: false };
    if (info.isDirectory()) walk(place, info, out, visited);
    else if (info.isFile()) out.files.push({ ...listed(place), size: info.size });
    else out.skipped.push({ ...listed(place), reason: 'not-a-regular-file', named: true });
  }
  return out;
}

function child(dir: Place, name: Buffer): Place {
  const text = displayPath(name);
  const raw = dir.raw.at(-1) === sep.charCodeAt(0) ? Buffer.concat([dir.raw, name]) : Buffer.concat([dir.raw, Buffer.from(sep), name]);
  return { display: join(dir.display, text.display), raw, binary: dir.binary || text.binary };
}

function walk(dir: Place, info: Stats, out: Listing, visited: Set<string>): void {
  // A bind mount can bring a folder back inside itself; links to folders are not followed.
  const id = `${info.dev}:${info.ino}`;
  if (visited.has(id)) {
    out.skipped.push({ ...listed(dir), reason: 'visited-folder', named: false });
    return;
  }
  visited.add(id);
  let names: Buffer[];
  try {
    names = readdir(dir.binary ? dir.raw : dir.display, { encoding: 'buffer' });
  } catch (e) {
    out.skipped.push({ ...listed(dir), reason: 'unreadable-folder', code: codeOf(e), named: false });
    return;
  }
  const entries = names.map((name) => ({ name, shown: displayPath(name).display }));
  entries.sort((a, b) => a.shown.localeCompare(b.shown) || Buffer.compare(a.name, b.name));
  for (const { name, shown: baseName } of entries) {
    const place = child(dir, name);
    const opened = place.binary ? place.raw : place.display;
    let entry: Stats;
    try {
      entry = lstat(opened);
    } catch (e) {
      out.skipped.push({ ...listed(place), reason: 'broken-link', code: codeOf(e), named: false });
      continue;
    }
    if (entry.isDirectory()) {
      walk(place, entry, out, visited);
      continue;
    }
    if (entry.isSymbolicLink()) {
      try {
        entry = stat(opened);
      } catch (e) {
        out.skipped.push({ ...listed(place), reason: 'broken-link', code: codeOf(e), named: false });
        continue;
      }
      if (entry.isDirectory()) {
        out.skipped.push({ ...listed(place), reason: 'folder-link', named: false });
        continue;
      }
    }
    if (!entry.isFile()) out.skipped.push({ ...listed(place), reason: 'not-a-regular-file', named: false });
    else if (isOfficeDebris(baseName)) out.skipped.push({ ...listed(place), reason: 'office-lock-file', named: false });
    else if (isDocumentName(baseName)) out.files.push({ ...listed(place), size: entry.size });
    else out.skipped.push({ ...listed(place), reason: 'not-a-document', named: false });
  }
}
