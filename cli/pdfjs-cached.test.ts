// The built CLI reads PDFs with pdfjs compiled from the engine's code cache (issue 11): the
// cache must be one this Node takes, and the scripts must read a PDF as pdfjs's modules do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pdfjs } from '../core/extract/pdf';
import { moduleAsScript } from './pdfjs-build';
import { loadPdfjsScripts } from './pdfjs-cached';

const root = join(import.meta.dirname, '..');

async function textOf(pdfjs: Pdfjs, file: string): Promise<string> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('|'));
  await doc.destroy();
  return pages.join('\n');
}

describe("pdfjs from the build's cached scripts", () => {
  it('is compiled from a cache this Node takes, and reads a PDF as the modules do', async () => {
    const loaded = loadPdfjsScripts(join(root, 'dist/cli/pdfjs'));
    expect(loaded, 'npm run build:cli writes dist/cli/pdfjs').toBeDefined();
    expect(loaded!.cacheTaken).toBe(true);
    const file = join(root, 'test/fixtures/docs/cong-van-lien-he-gmail.pdf');
    const fromScripts = await textOf(loaded!.pdfjs, file);
    expect(fromScripts).toContain('nguyenvana@gmail.com');
    await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
    expect(fromScripts).toBe(await textOf(await import('pdfjs-dist/legacy/build/pdf.min.mjs'), file));
  });

  it('a module of another shape is refused, not half converted', () => {
    expect(() => moduleAsScript('import x from "y";export{x};', 'm')).toThrow(/static import/);
    expect(() => moduleAsScript('const a=import.meta.dirname;export{a};', 'm')).toThrow(/import\.meta/);
    expect(moduleAsScript('const a=import.meta.url;export{a as b};', 'm')).toContain('return{"b":a}');
  });
});
