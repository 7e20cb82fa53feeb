// Build-time: the Unicode property escapes of launchevent.js's regular expressions (\p{L}, \p{M},
// \p{N} inside a character class), which an ES2016 engine does not know. Lowered in place
// (regexpu-core) each one becomes its code points written out: four patterns carried 44 KB of
// them, \p{L} three times over. Here each property's ranges travel once, as gaps and lengths in a
// compact code, and the file builds the pattern from them on its first use: the same code points
// regexpu-core writes (the same Unicode data), a few KB in all (issue 11).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The General_Category values the launch code uses, by the names of regexpu-core's Unicode data. */
const CATEGORIES: Record<string, string> = {
  L: 'Letter',
  M: 'Mark',
  N: 'Number',
  Lu: 'Uppercase_Letter',
  Ll: 'Lowercase_Letter',
  Nd: 'Decimal_Number',
};

/** Private-use characters standing for a property inside a template; the file decodes them. */
const MARKER_BASE = 0xf8f0;
const MARKERS = Object.keys(CATEGORIES);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The property's code points as inclusive ranges, from regenerate-unicode-properties (regexpu-core's data). */
export function propertyRanges(name: string): [number, number][] {
  const set = require(`regenerate-unicode-properties/General_Category/${CATEGORIES[name]}.js`) as { characters: { data: number[] } };
  const data = set.characters.data;
  const out: [number, number][] = [];
  for (let k = 0; k < data.length; k += 2) out.push([data[k]!, data[k + 1]! - 1]);
  return out;
}

function varint(n: number): string {
  let out = '';
  do {
    const low = n % 32;
    n = Math.floor(n / 32);
    out += ALPHABET[low + (n > 0 ? 32 : 0)];
  } while (n > 0);
  return out;
}

/** Each range as its gap from the previous range's end and its length less one, five bits a character. */
export function encodeRanges(ranges: readonly [number, number][]): string {
  let at = 0;
  let out = '';
  for (const [a, b] of ranges) {
    out += varint(a - at) + varint(b - a);
    at = b + 1;
  }
  return out;
}

/**
 * The pattern with each `\p{X}` inside a character class replaced by X's marker, or undefined
 * when it has another property escape (\P, one outside a class, one not in CATEGORIES), or
 * already holds a marker character.
 */
export function propertyTemplate(pattern: string): { template: string; used: string[] } | undefined {
  let out = '';
  let inClass = false;
  const used = new Set<string>();
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k]!;
    const code = c.charCodeAt(0);
    if (code >= MARKER_BASE && code < MARKER_BASE + 16) return undefined;
    if (c === '\\') {
      const next = pattern[k + 1] ?? '';
      if (next === 'p' || next === 'P') {
        const m = /^\\p\{([A-Za-z]+)\}/.exec(pattern.slice(k));
        if (!m || !inClass || !(m[1]! in CATEGORIES)) return undefined;
        out += String.fromCharCode(MARKER_BASE + MARKERS.indexOf(m[1]!));
        used.add(m[1]!);
        k += m[0].length - 1;
        continue;
      }
      out += c + next;
      k++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return used.size ? { template: out, used: [...used] } : undefined;
}

export const PROPERTY_REGEXP = '__cvgPropRegExp';

/**
 * The file's decoder: builds a template's pattern once (the properties' ranges as \u{…} ranges)
 * and a RegExp from it on each call, as the regular expression literal it replaces would.
 * Plain ES5 syntax, run in the ES2016 engine.
 */
export function propertyBanner(used: ReadonlySet<string>): string {
  const tables = Object.fromEntries([...used].map((name) => [String.fromCharCode(MARKER_BASE + MARKERS.indexOf(name)), encodeRanges(propertyRanges(name))]));
  return `var ${PROPERTY_REGEXP} = (function () {
  var tables = ${JSON.stringify(tables)}, digits = ${JSON.stringify(ALPHABET)}, classes = {}, patterns = new Map();
  function number(s, at) { var n = 0, scale = 1, c; do { c = digits.indexOf(s.charAt(at.k++)); n += (c & 31) * scale; scale *= 32; } while (c >= 32); return n; }
  function ranges(s) { var out = '', from = 0, at = { k: 0 }; while (at.k < s.length) { var a = from + number(s, at), b = a + number(s, at); from = b + 1; out += '\\\\u{' + a.toString(16) + '}' + (b > a ? '-\\\\u{' + b.toString(16) + '}' : ''); } return out; }
  return function (template, flags) {
    var pattern = patterns.get(template);
    if (pattern === undefined) { pattern = template.replace(/[\\uF8F0-\\uF8FF]/g, function (m) { return classes[m] || (classes[m] = ranges(tables[m])); }); patterns.set(template, pattern); }
    return new RegExp(pattern, flags);
  };
})();`;
}
