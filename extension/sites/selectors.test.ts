// Meta-test: no selector may hinge on UI-language text. Our users run Vietnamese UIs, so
// selectors that match English labels ("Send", "To", "Message body"…) silently find nothing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const selectorFiles = readdirSync(here)
  .filter((d) => statSync(join(here, d)).isDirectory())
  .map((d) => join(here, d, 'selectors.ts'))
  .filter((f) => { try { return statSync(f).isFile(); } catch { return false; } });

/** String literals in the code (comments stripped), where selectors live. */
function literals(src: string): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//gu, '').replace(/^\s*\/\/.*$/gmu, '');
  return [...code.matchAll(/'([^'\n]*)'|`([^`]*)`/gu)].map((m) => m[1] ?? m[2] ?? '');
}

const TEXT_ATTRS = /\[(?:aria-label|title|placeholder|data-tooltip|alt|aria-description)\s*[~|^$*]?=/iu;
const TEXT_PSEUDOS = /:(?:contains|has-text|text)\(/iu;
const ENGLISH = /\b(send|to|cc|bcc|subject|message body|discard|compose|new message|reply|attach)\b/iu;

describe('selectors.ts files', () => {
  it('exist for every site', () => {
    expect(selectorFiles.map((f) => f.split(/[\\/]/u).at(-2)).sort()).toEqual(['gmail', 'obm', 'outlook-com', 'owa', 'roundcube', 'yahoo', 'zimbra']);
  });

  for (const file of selectorFiles) {
    it(`${file.split(/[\\/]/u).at(-2)}: no selector matches on label or tooltip text`, () => {
      for (const lit of literals(readFileSync(file, 'utf8'))) {
        expect(TEXT_ATTRS.test(lit), `text-attribute selector: ${lit}`).toBe(false);
        expect(TEXT_PSEUDOS.test(lit), `text pseudo-class: ${lit}`).toBe(false);
        for (const m of lit.matchAll(/=\s*["']?([^"'\]]+)/gu)) {
          // Attribute values must be ids/names the site uses in code, never English words as UI text.
          expect(/\s/u.test(m[1]!.trim()) && ENGLISH.test(m[1]!), `English attribute value: ${lit}`).toBe(false);
        }
      }
    });
  }

  it('the check catches English label selectors', () => {
    expect(TEXT_ATTRS.test('div[aria-label="Send"]')).toBe(true);
    expect(TEXT_ATTRS.test('[data-tooltip*="Send"]')).toBe(true);
    expect(TEXT_ATTRS.test('[data-test-id="compose-send-button"]')).toBe(false);
  });
});
