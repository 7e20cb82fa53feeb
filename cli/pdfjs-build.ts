// Build step (cli/vite.config.ts): pdfjs's two modules as plain scripts, each with the engine's
// code cache beside it (cli/pdfjs-cached.ts loads them). Compiling pdfjs's 1.8 MB was about a
// third of a tiny PDF's scan: each one runs in a fresh worker, which compiles pdfjs again.
// Node 20 caches no ES module's code (no module.enableCompileCache), but a vm.Script takes
// cached data; the scripts are pdfjs's own minified files, only unwrapped from module syntax.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFJS_MODULES, pdfjsModule } from './pdfjs-names';

/** What stands for `import.meta.url` in a script: the module's own file URL, passed in. */
export const META_URL = '__congvuPdfjsModuleUrl';

/**
 * A module's text as a script evaluating to a function of its file URL that returns its
 * exports. Only the shapes pdfjs's minified files have are accepted (one `export{…}` at the
 * end, `import.meta.url` and no other import.meta, no static import); anything else throws.
 */
export function moduleAsScript(source: string, name: string): string {
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(source);
  if (!exported) throw new Error(`${name}: no export list at the end`);
  const body = source.slice(0, exported.index);
  if (/\bexport\s*[{*]|\bexport\s+(default|const|let|var|function|class|async)\b/.test(body)) throw new Error(`${name}: an export before the end`);
  if (/(^|[;}])\s*import\s*[\w{*"']/.test(body)) throw new Error(`${name}: a static import`);
  if (body.split('import.meta').length !== body.split('import.meta.url').length) throw new Error(`${name}: import.meta other than .url`);
  const entries = exported[1]!.split(',').map((item) => {
    const [local, as] = item.trim().split(/\s+as\s+/);
    return `${JSON.stringify(as ?? local)}:${local}`;
  });
  return `(function(${META_URL}){"use strict";${body.replaceAll('import.meta.url', META_URL)}\nreturn{${entries.join(',')}};\n})`;
}

/**
 * Run in a fresh Node, which loads the scripts as the CLI does, reads a one-page PDF with them
 * (so that the functions a read compiles are in the cache too) and writes each one's cache.
 */
const MAKE_CACHE = `
const { readFileSync, writeFileSync } = require('node:fs');
const { Script, constants } = require('node:vm');
const [dir, ...modules] = process.argv.slice(1);
const loaded = modules.map((m) => {
  const [name, url] = m.split('=');
  const file = dir + '/' + name + '.js';
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  return { name, script, exports: script.runInThisContext()(url) };
});
const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  '<< /Length 44 >>\\nstream\\nBT /F1 12 Tf 20 100 Td (a@example.com) Tj ET\\nendstream',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
let pdf = '%PDF-1.4\\n';
const at = objects.map((o, k) => { const x = pdf.length; pdf += (k + 1) + ' 0 obj\\n' + o + '\\nendobj\\n'; return x; });
const xref = pdf.length;
pdf += 'xref\\n0 ' + (objects.length + 1) + '\\n0000000000 65535 f \\n' + at.map((x) => String(x).padStart(10, '0') + ' 00000 n \\n').join('');
pdf += 'trailer\\n<< /Size ' + (objects.length + 1) + ' /Root 1 0 R >>\\nstartxref\\n' + xref + '\\n%%EOF\\n';
(async () => {
  const pdfjs = loaded[loaded.length - 1].exports;
  const doc = await pdfjs.getDocument({ data: new TextEncoder().encode(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    isOffscreenCanvasSupported: false, isImageDecoderSupported: false, useWorkerFetch: false, disableAutoFetch: true, disableStream: true,
    enableXfa: false, stopAtErrors: false, verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => i.str).join('');
  if (text !== 'a@example.com') throw new Error('the warm-up PDF read as ' + JSON.stringify(text));
  await page.getAnnotations();
  await doc.getAttachments();
  await doc.destroy();
  for (const { name, script } of loaded) writeFileSync(dir + '/' + name + '.js.cache', script.createCachedData());
})().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * Writes `outDir`/<module>.js and <module>.js.cache for pdfjs's modules. Throws when pdfjs's
 * files have another shape or the cache cannot be made: the caller then leaves no scripts,
 * and the CLI imports pdfjs as a module, as before.
 */
export function writePdfjsScripts(outDir: string): void {
  const require = createRequire(import.meta.url);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  try {
    const modules = PDFJS_MODULES.map((name) => {
      const file = require.resolve(pdfjsModule(name));
      writeFileSync(join(outDir, `${name}.js`), moduleAsScript(readFileSync(file, 'utf8'), name));
      return `${name}=${pathToFileURL(file).href}`;
    });
    const made = spawnSync(process.execPath, ['-e', MAKE_CACHE, outDir, ...modules], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`making pdfjs's code cache failed: ${made.stderr.slice(-600)}`);
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
}
