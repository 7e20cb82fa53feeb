// launchevent.js's lowered \p{…} classes carry their code points as characters (build.ts's
// withLiteralCharacters): the RegExp built from the shorter string must match exactly what the
// escaped one matches, for every BMP code point, and keep every escape it cannot spell safely.
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import rewritePattern from 'regexpu-core';
import { describe, expect, it } from 'vitest';
import { lowerRegExps, propertyClasses, withLiteralCharacters } from './build';
import { PROPERTY_REGEXP, propertyBanner, propertyTemplate } from './property-classes';

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

describe('property classes built by the file (property-classes.ts)', () => {
  const REGEXPU = { unicodePropertyEscapes: 'transform' } as const;
  /** The file's code for `source`, run in an engine scope: the RegExp each lowered literal gives. */
  function lowered(source: string): RegExp[] {
    const properties = new Set<string>();
    const code = lowerRegExps(`out = [${source}];`, [], properties);
    const file = `${propertyBanner(propertyClasses(properties))}\n${code}`;
    expect(() => parse(file, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
    expect(code).toContain(PROPERTY_REGEXP);
    const scope: { out?: RegExp[] } = {};
    runInNewContext(file, scope);
    return scope.out!;
  }

  it('match what regexpu-core lowers them to, on every code point, and carry each property once', () => {
    const [letters, mixed, negated] = lowered('/[\\p{L}]/u, /[\\p{L}\\p{M}\\p{N}_]/u, /[^\\p{L}\\p{M}]/u');
    const sources = ['[\\p{L}]', '[\\p{L}\\p{M}\\p{N}_]', '[^\\p{L}\\p{M}]'];
    const built = [letters!, mixed!, negated!];
    const reference = sources.map((s) => new RegExp(rewritePattern(s, 'u', REGEXPU), 'u'));
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      for (let k = 0; k < 3; k++) if (built[k]!.test(ch) !== reference[k]!.test(ch)) expect.fail(`${sources[k]} U+${c.toString(16)}`);
    }
    // Each property's class once: the file carries \p{L} once where it carried it in every pattern.
    const banner = propertyBanner(propertyClasses(['L', 'M', 'N']));
    const writtenOut = sources.reduce((sum, s) => sum + withLiteralCharacters(rewritePattern(s, 'u', REGEXPU)).length, 0);
    expect(banner.length).toBeLessThan(writtenOut * 0.6);
  });

  it('keep the flags and the rest of the pattern: the secret field, case-blind, as the engine reads it', () => {
    const source = '(?:^|[^\\p{L}])độ\\s+mật\\s*:\\s*(tuyệt\\s+mật|tối\\s+mật|mật)(?![\\p{L}])';
    const [field] = lowered(`/${source}/giu`);
    const native = new RegExp(source, 'giu');
    expect(field!.flags).toBe('giu');
    for (const text of ['Độ MẬT: Tối mật', 'xđộ mật: mật', 'độ mật: mậtx', 'Độ mật: tuyệt mật.', 'mã độ mật: Mật khẩu']) {
      expect(text.match(field!), text).toEqual(text.match(native));
    }
  });

  it('build a negated \\P class (a letter but no ASCII letter) as a lookahead and the property once: what regexpu-core lowers it to, on every code point', () => {
    const sources = ['[^\\P{L}A-Za-z]', '[^\\P{L}]', 'x[^\\P{N}0-9]+y', '[^\\P{L}\\d_\\]]'];
    const built = lowered(sources.map((s) => `/${s}/u`).join(', '));
    // regexpu-core's Unicode data (what the file carried before), not the engine's own version.
    const native = sources.map((s) => new RegExp(rewritePattern(s, 'u', REGEXPU), 'u'));
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      for (const k of [0, 1, 3]) if (built[k]!.test(ch) !== native[k]!.test(ch)) expect.fail(`${sources[k]} U+${c.toString(16)}`);
    }
    for (const text of ['x٣٤y', 'x3y', 'ax१२३yb', 'xy']) expect(text.match(built[2]!), text).toEqual(text.match(native[2]!));
    // Case folding inside a lookahead is not that of a class: under i, regexpu-core writes it out.
    expect(propertyTemplate('[^\\P{L}A-Za-z]', 'iu')).toBeUndefined();
    expect(propertyTemplate('[^\\P{L}\\p{M}]', 'u')).toBeUndefined();
  });

  it('leave a pattern they cannot build to regexpu-core: \\P, or \\p outside a class', () => {
    expect(propertyTemplate('[\\P{L}]')).toBeUndefined();
    expect(propertyTemplate('\\p{L}+')).toBeUndefined();
    expect(propertyTemplate('[\\p{Script=Latin}]')).toBeUndefined();
    expect(propertyTemplate('[\\\\p{L}]')).toBeUndefined();
    const properties = new Set<string>();
    const code = lowerRegExps('out = [/\\p{L}+/u];', [], properties);
    expect(properties.size).toBe(0);
    expect(code).toContain('new RegExp(');
  });
});
