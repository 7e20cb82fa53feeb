// Build-time: only the messages launchevent.js can show travel in it (issue 11). The catalogs
// (core/messages/en.ts, vi.ts: every string of the extension, CLI, panes and the add-in) are
// object literals an engine parses in full on every event. A first build with empty catalogs
// shows which keys the launch code names: a key it spells out whole, or one under a prefix it
// completes at run time (`rule.${f.rule}`, `policy.risk.${risk}`, 'marker.' + m).
import { parse, type Node } from 'acorn';
import type { Plugin } from 'esbuild';

const CATALOG = /[\\/]core[\\/]messages[\\/](en|vi)\.ts$/;

/** Every string the code holds: literals whole and each template's text before its first hole. */
function stringsIn(code: string): Set<string> {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node & Record<string, unknown>;
    if (n.type === 'Literal' && typeof n.value === 'string') out.add(n.value);
    if (n.type === 'TemplateLiteral') for (const q of n.quasis as { value: { cooked: string | null } }[]) if (q.value.cooked) out.add(q.value.cooked);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && value && typeof value === 'object') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
  return out;
}

/** The keys `code` (built with empty catalogs) can reach: named whole, or under a prefix it names ('rule.'). */
export function messageKeysUsed(code: string, keys: readonly string[]): Set<string> {
  const strings = stringsIn(code);
  const prefixes = [...strings].filter((s) => s.endsWith('.') && s.length > 1);
  return new Set(keys.filter((k) => strings.has(k) || prefixes.some((p) => k.startsWith(p))));
}

const KEYS_MODULE = 'launch-catalog-keys';

/**
 * The catalogs' modules with only `keep` (undefined: none, for the first build). The kept keys
 * travel once, in a module both catalogs share, and each catalog as its values in that order:
 * one JSON string each, not an object literal (a string costs the parser a fraction of the same
 * text as code on every event, and JSON.parse builds the object faster) (issue 11).
 */
export function catalogPlugin(keep: ReadonlySet<string> | undefined): Plugin {
  const keys = [...(keep ?? [])].sort();
  return {
    name: 'launch-catalogs',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${KEYS_MODULE}$`) }, () => ({ path: KEYS_MODULE, namespace: KEYS_MODULE }));
      b.onLoad({ filter: /.*/, namespace: KEYS_MODULE }, () => ({
        contents: `const keys = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(keys))});
export function catalogOf(values) { const out = {}; keys.forEach((k, i) => { if (values[i] !== null) out[k] = values[i]; }); return out; }`,
        loader: 'js',
      }));
      b.onLoad({ filter: CATALOG }, async (args) => {
        const lang = CATALOG.exec(args.path)![1]!;
        const all = ((await import(args.path)) as Record<string, Record<string, string>>)[lang]!;
        const values = keys.map((k) => (Object.hasOwn(all, k) ? all[k] : null));
        return { contents: `import { catalogOf } from '${KEYS_MODULE}';\nexport const ${lang} = /* @__PURE__ */ catalogOf(JSON.parse(${JSON.stringify(JSON.stringify(values))}));`, loader: 'js' };
      });
    },
  };
}

/** Every key of the full catalogs. */
export async function allMessageKeys(): Promise<string[]> {
  const { en } = await import('../core/messages/en');
  return Object.keys(en);
}
