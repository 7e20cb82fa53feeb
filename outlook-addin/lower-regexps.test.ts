// launchevent.js's lowered \p{…} classes carry their code points as characters (build.ts's
// withLiteralCharacters): the RegExp built from the shorter string must match exactly what the
// escaped one matches, for every BMP code point, and keep every escape it cannot spell safely.
import { parse } from 'acorn';
import rewritePattern from 'regexpu-core';
import { describe, expect, it } from 'vitest';
import { lowerRegExps, withLiteralCharacters } from './build';

describe('withLiteralCharacters', () => {
  it('writes safe escapes as characters and keeps the rest escaped', () => {
    expect(withLiteralCharacters('[\\u00C0-\\u00D6\\xAA\\x41\\u2028\\uD83D\\uDE00\\\\u00C0\\u{1F600}]')).toBe('[À-Öª\\x41\\u2028\\uD83D\\uDE00\\\\u00C0\\u{1F600}]');
  });

  it('gives the same RegExp as the lowered pattern on every BMP code point', () => {
    const code = lowerRegExps('var a = /(?:^|[^\\p{L}])mật(?![\\p{L}])/giu, b = /[\\p{L}\\p{M}\\p{N}]+/gu;');
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
    const built = [...code.matchAll(/new RegExp\(("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string);
    expect(built).toHaveLength(2);
    for (const shortened of built) {
      expect(shortened.length).toBeGreaterThan(100);
      expect(shortened).not.toMatch(/\\u[0-9A-F]{2}[A-F0-9]{2}-\\u(?!D[89AB]|DC|DD|DE|DF)/i);
    }
    // The same class as regexpu writes it (escapes) and as written into the file (characters).
    const escaped = rewritePattern('^[\\p{L}\\p{M}\\p{N}\\p{Z}]$', 'u', { unicodePropertyEscapes: 'transform' });
    expect(escaped).toMatch(/\\u[0-9A-F]{4}/);
    const before = new RegExp(escaped, 'u');
    const after = new RegExp(withLiteralCharacters(escaped), 'u');
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (before.test(ch) !== after.test(ch)) expect.fail(`U+${c.toString(16)}`);
    }
  });
});
