// pdfjs from the scripts the build made (cli/pdfjs-build.ts), compiled from the engine's code
// cache: a tiny PDF's scan spent ~40 ms of CPU compiling pdfjs in its worker (issue 11). A cache
// this Node does not take (another version, other flags) is ignored and the script compiled as
// it is; without the scripts, pdfjs is imported as a module, as before.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pdfjs } from '../core/extract/pdf';
import { PDFJS_MODULES, pdfjsModule } from './pdfjs-names';

export interface CachedPdfjs {
  pdfjs: Pdfjs;
  /** Whether the engine took each script's cache. */
  cacheTaken: boolean;
}

/** pdfjs from the scripts in `dir`, or undefined when the build left none there. */
export function loadPdfjsScripts(dir: string): CachedPdfjs | undefined {
  if (!PDFJS_MODULES.every((name) => existsSync(join(dir, `${name}.js`)))) return undefined;
  // Loaded here, not at the top: a scan with no PDF in it never needs them.
  const { Script, constants } = process.getBuiltinModule('node:vm');
  const { pathToFileURL } = process.getBuiltinModule('node:url');
  const require = process.getBuiltinModule('node:module').createRequire(join(dir, 'loader.cjs'));
  let cacheTaken = true;
  let exports: unknown;
  for (const name of PDFJS_MODULES) {
    const file = join(dir, `${name}.js`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(`${file}.cache`);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    if (!cachedData || script.cachedDataRejected) cacheTaken = false;
    // The module's own URL, as import.meta.url was: pdfjs resolves its optional packages from it.
    exports = (script.runInThisContext() as (url: string) => unknown)(pathToFileURL(require.resolve(pdfjsModule(name))).href);
  }
  return { pdfjs: exports as Pdfjs, cacheTaken };
}
