// Build-time: the Unicode property escapes of launchevent.js's regular expressions (\p{L}, \p{M},
// \p{N} inside a character class), which an ES2016 engine does not know. Lowered in place
// (regexpu-core) each one becomes its code points written out: four patterns carried 44 KB of
// them, \p{L} three times over. Here each property's class text, as regexpu-core writes it,
// travels once, and a pattern is put together from it on its first use (a string replace: a
// decoder of a denser code cost ~1-2 ms at every load, where this costs microseconds) (issue 11).

/** The General_Category values the launch code uses. */
const CATEGORIES = ['L', 'M', 'N', 'Lu', 'Ll', 'Nd'];

/** Private-use characters standing for a property inside a template; the file replaces them. */
const MARKER_BASE = 0xf8f0;

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
        if (!m || !inClass || !CATEGORIES.includes(m[1]!)) return undefined;
        out += String.fromCharCode(MARKER_BASE + CATEGORIES.indexOf(m[1]!));
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
 * The file's builder: `classes` gives each used property's class text (its ranges without the
 * brackets, as regexpu-core lowers `[\p{X}]`); a template's pattern is put together once, and a
 * RegExp made from it on each call, as the regular expression literal it replaces would be.
 */
export function propertyBanner(classes: ReadonlyMap<string, string>): string {
  const tables = Object.fromEntries([...classes].map(([name, text]) => [String.fromCharCode(MARKER_BASE + CATEGORIES.indexOf(name)), text]));
  return `var ${PROPERTY_REGEXP} = (function () {
  var classes = ${JSON.stringify(tables)}, patterns = new Map();
  return function (template, flags) {
    var pattern = patterns.get(template);
    if (pattern === undefined) { pattern = template.replace(/[\\uF8F0-\\uF8FF]/g, function (m) { return classes[m]; }); patterns.set(template, pattern); }
    return new RegExp(pattern, flags);
  };
})();`;
}
