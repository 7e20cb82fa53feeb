// The built panes: each page loads office.js from the add-in's own folder, then its script; each
// script is one self-contained file an ES2018 engine parses (pdfjs's run-time import() removed).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPanes, withoutDynamicImport } from '../build';
import { PANES } from './page';

let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'cvg-panes-'));
  await buildPanes(out, true);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('task pane build', () => {
  for (const [kind, pane] of Object.entries(PANES)) {
    it(`${kind}: ${pane.html} loads office.js, then ${pane.script}, which parses as ES2018`, () => {
      expect(pane.html).toBe(kind === 'compose' ? 'compose.html' : 'read.html');
      const html = readFileSync(join(out, pane.html), 'utf8');
      const office = html.indexOf('<script src="office-js/office.js"></script>');
      const script = html.indexOf(`<script src="${pane.script}"></script>`);
      expect(office).toBeGreaterThan(0);
      expect(script).toBeGreaterThan(office);
      expect(html).toContain('<html lang="vi">');
      expect(html).not.toMatch(/https?:\/\//);
      const js = readFileSync(join(out, pane.script), 'utf8');
      expect(() => parse(js, { ecmaVersion: 2018, sourceType: 'script' })).not.toThrow();
      expect(js).not.toMatch(/^\s*(import|export)\s/m);
    });
  }

  it('run-time import() becomes a call that rejects', async () => {
    const code = withoutDynamicImport('async function f(u) { return (await import(u)).default; }');
    expect(() => parse(code, { ecmaVersion: 2018, sourceType: 'script' })).not.toThrow();
    const f = new Function(`${code}; return f;`)() as (u: string) => Promise<unknown>;
    await expect(f('x.js')).rejects.toThrow('import(x.js) is not available in the task pane');
  });
});
