// Which files a scan reads: every file named on the command line, and inside folders the
// kinds of file that can carry a document (office files, PDF, mail, text).
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const DOCUMENT_EXTENSIONS = new Set([
  '.docx', '.docm', '.dotx', '.xlsx', '.xlsm', '.pptx', '.odt', '.ods', '.odp',
  '.pdf', '.eml', '.txt', '.html', '.htm', '.doc', '.xls', '.ppt',
]);

export class MissingPathError extends Error {}

// Word's "~$name.docx" owner files and LibreOffice's ".~lock" files are not documents.
function isOfficeDebris(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock');
}

export async function listFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw new MissingPathError(p);
    }
    if (info.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || isOfficeDebris(e.name)) continue;
    const full = join(dir, e.name);
    // Folder links are not followed: a link back up the tree would never end.
    if (e.isDirectory()) await walk(full, out);
    else if ((e.isFile() || e.isSymbolicLink()) && DOCUMENT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
  }
}
