// The Outlook add-in's built files, for `policy build --addin-url`. The CLI's build copies
// dist/outlook-addin/ next to the bundle (cli/vite.config.ts), so dist/cli/ carries everything
// the kit writes; `npm run build` builds the add-in first for that reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddinFile } from '../deploy/addin-folder';

/** Where the bundled CLI finds the add-in's files (dist/cli/outlook-addin/). */
export function builtAddinDir(): string {
  return fileURLToPath(new URL('./outlook-addin/', import.meta.url));
}

/** Every file under `dir`, or undefined when the folder is not there. */
export function readAddinFiles(dir = builtAddinDir()): AddinFile[] | undefined {
  if (!existsSync(dir)) return undefined;
  const out: AddinFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push({ path: relative(dir, path).split(sep).join('/'), content: new Uint8Array(readFileSync(path)) });
    }
  };
  walk(dir);
  return out;
}
