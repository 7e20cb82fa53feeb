// allsites.js loads into every page a user opens (issue 13): at most 10 KB minified, and none
// of the heavier parts the webmail scripts carry. Reads the built files: run the build first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUDGET_BYTES = 10 * 1000;

describe.each(['chrome', 'firefox'])('allsites.js for %s', (target) => {
  const file = join(process.cwd(), 'dist', target, 'allsites.js');

  it('is built and stays within 10 KB minified', () => {
    expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
    expect(readFileSync(file).length).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('carries no message catalog, citation table, framework or polyfill', () => {
    const source = readFileSync(file, 'utf8');
    for (const absent of ['Quy chế ban hành kèm', 'public-webmail-work.detected', 'preact', 'This script should only be loaded in a browser extension', 'mail2tycoon.com']) expect(source).not.toContain(absent);
  });
});
