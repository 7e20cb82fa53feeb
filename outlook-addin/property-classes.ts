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
 * A class `[^\P{X}rest]` (an X that is none of rest; detect.ts's non-ASCII letter) as a
 * lookahead and X's class, `(?:(?![rest])[X])`: one character either way, where regexpu-core
 * writes out X's complement (6 KB for \P{L}). Undefined unless `at` starts one that rest has no
 * property escape in; never under the i flag, whose case folding differs inside a lookahead.
 */
function negatedProperty(pattern: string, at: number, flags: string): { text: string; name: string; end: number } | undefined {
  const head = /^\[\^\\P\{([A-Za-z]+)\}/.exec(pattern.slice(at, at + 20));
  if (!head || flags.includes('i') || !CATEGORIES.includes(head[1]!)) return undefined;
  let end = at + head[0].length;
  while (end < pattern.length && pattern[end] !== ']') end += pattern[end] === '\\' ? 2 : 1;
  const rest = pattern.slice(at + head[0].length, end);
  if (end >= pattern.length || /\\[pP]/.test(rest)) return undefined;
  const marker = String.fromCharCode(MARKER_BASE + CATEGORIES.indexOf(head[1]!));
  return { text: rest ? `(?:(?![${rest}])[${marker}])` : `[${marker}]`, name: head[1]!, end };
}

/**
 * The pattern with each `\p{X}` inside a character class replaced by X's marker (and each
 * `[^\P{X}…]` by negatedProperty's form), or undefined when it has another property escape (\P
 * elsewhere, one outside a class, one not in CATEGORIES), or already holds a marker character.
 */
export function propertyTemplate(pattern: string, flags = ''): { template: string; used: string[] } | undefined {
  let out = '';
  let inClass = false;
  const used = new Set<string>();
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k]!;
    const code = c.charCodeAt(0);
    if (code >= MARKER_BASE && code < MARKER_BASE + 16) return undefined;
    const negated = !inClass && c === '[' ? negatedProperty(pattern, k, flags) : undefined;
    if (negated) {
      if ([...pattern.slice(k, negated.end)].some((x) => x.charCodeAt(0) >= MARKER_BASE && x.charCodeAt(0) < MARKER_BASE + 16)) return undefined;
      out += negated.text;
      used.add(negated.name);
      k = negated.end;
      continue;
    }
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
