// Build-time half of launch/packed.ts: the launch file's big data tables are swapped for
// modules holding the same values as one string: the public-webmail list as hashes
// (core/address/grouped-domains.ts's HashedDomainSet; needed on every event: policy checks and
// recipients), tldts's Public Suffix List trie as the hashes of its node paths
// (launch/public-suffix.ts; read when a policy is checked), and the HTML entity table postal-mime
// ships, deflated, with only the names of characters a rule reads (for an attached .eml). Values
// are read from the real modules at build time, so the add-in keeps the data the other builds use.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { deflateSync, strToU8 } from 'fflate';
import { hashDomains, hashedPublicDomainsModule } from '../core/address/grouped-domains';
import { suffixNodeKey } from './launch/public-suffix';

const PACKED = join(import.meta.dirname, 'launch', 'packed.ts');

function pack(text: string): string {
  return Buffer.from(deflateSync(strToU8(text), { level: 9 })).toString('base64');
}

function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { $typed: value.constructor.name, items: Array.from(value as unknown as ArrayLike<number>) };
  }
  return value;
}

/**
 * Whether a named entity stays in the launch file's table: it stands for a character a rule can
 * read there. Latin letters with every Vietnamese vowel and the legacy-encoding characters
 * (Latin-1, Latin Extended-A/B and Additional, combining marks), punctuation and spaces, the
 * currency and letterlike signs and the half- and full-width forms, ASCII (&commat;, &period;)
 * included. The other three quarters (Greek, Cyrillic, mathematical letters, arrows, box drawing)
 * no rule looks for; postal-mime leaves such a name as written. 17 → 4 KB packed (issue 11).
 */
export function entityForLaunch(value: string): boolean {
  const c = value.codePointAt(0)!;
  return c < 0x250 || (c >= 0x300 && c < 0x370) || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x2070) || (c >= 0x20a0 && c < 0x2150) || (c >= 0xff00 && c < 0xfff0);
}

/** A data module (only `export const` of plain values) rebuilt from one packed string; `keep` picks an object's entries. */
async function packedDataModule(path: string, keep?: (value: string) => boolean): Promise<string> {
  const all = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const values = keep ? Object.fromEntries(Object.entries(all).map(([n, v]) => [n, Object.fromEntries(Object.entries(v as Record<string, string>).filter(([, x]) => keep(x)))])) : all;
  const names = Object.keys(values).filter((k) => k !== 'default');
  if (!names.length || 'default' in values) throw new Error(`${path}: expected named exports only`);
  return [
    `import { unpackModule } from ${JSON.stringify(PACKED)};`,
    `const data = unpackModule(${JSON.stringify(pack(JSON.stringify(values, replacer)))});`,
    ...names.map((n) => `export const ${n} = data[${JSON.stringify(n)}];`),
  ].join('\n');
}

const PUBLIC_DOMAINS = /[\\/]core[\\/]address[\\/]public-domains\.ts$/;

/**
 * Same exports as core/address/public-domains.ts, the list as its names' hashes (HashedDomainSet:
 * 48 KB where the grouped string every other bundle carries is 139 KB), built from the same
 * module at build time so every build agrees on the members.
 */
async function packedPublicDomains(path: string): Promise<string> {
  const real = (await import(pathToFileURL(path).href)) as typeof import('../core/address/public-domains');
  const address = join(import.meta.dirname, '..', 'core', 'address');
  return hashedPublicDomainsModule(real, join(address, 'grouped-domains.ts'), join(address, 'subdomain-mailboxes.ts'));
}

interface SuffixTrie {
  nodeFlags: Uint8Array;
  edgeStart: Uint32Array;
  edgeLength: Uint8Array;
  edgeChild: Uint32Array;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

/**
 * Every node of tldts's suffix trie (a DAG of shared nodes, walked here into paths) as
 * public-suffix.ts's keys: the tree, the node's flags and its labels from the left.
 */
export async function publicSuffixNodeKeys(): Promise<string[]> {
  const trie = (await import('tldts/dist/es6/src/data/trie.js' as string)) as SuffixTrie;
  const labelStart: number[] = [];
  for (let node = 0, offset = 0; node < trie.nodeFlags.length; node++) {
    for (let e = trie.edgeStart[node]!; e < trie.edgeStart[node + 1]!; e++) {
      labelStart[e] = offset;
      offset += trie.edgeLength[e]!;
    }
  }
  const keys: string[] = [];
  const walk = (tree: 'r' | 'e', node: number, path: string): void => {
    for (let e = trie.edgeStart[node]!; e < trie.edgeStart[node + 1]!; e++) {
      const label = trie.labelText.slice(labelStart[e], labelStart[e]! + trie.edgeLength[e]!);
      const next = path ? `${label}.${path}` : label;
      keys.push(suffixNodeKey(tree, trie.nodeFlags[trie.edgeChild[e]!]!, next));
      walk(tree, trie.edgeChild[e]!, next);
    }
  };
  walk('r', trie.rulesRoot, '');
  walk('e', trie.exceptionsRoot, '');
  if (keys.length < 5000) throw new Error(`packed-data: tldts's trie gave only ${keys.length} nodes; has its layout changed?`);
  return keys;
}

/** tldts's getDomain, as core/policy/risks.ts imports it, over the hashed node paths. */
async function packedPublicSuffixes(): Promise<string> {
  const coded = hashDomains(await publicSuffixNodeKeys());
  return [`import { hashedGetDomain } from ${JSON.stringify(join(import.meta.dirname, 'launch', 'public-suffix.ts'))};`, `export const getDomain = /* @__PURE__ */ hashedGetDomain(${JSON.stringify(coded)});`].join('\n');
}

/** Third-party data modules by path inside node_modules; a library update that moves them fails the build loudly. */
const DATA_MODULES: { path: RegExp; keep?: (value: string) => boolean }[] = [{ path: /[\\/]postal-mime[\\/]dist[\\/]esm[\\/]html-entities\.js$/, keep: entityForLaunch }];

/**
 * Libraries the launch file needs only for some events (postal-mime when an .eml is attached) are reached through a facade that require()s them on
 * first call: esbuild then wraps them in a lazy initialiser, so evaluating the file does not
 * build their tables. Each facade keeps exactly the exports the core calls.
 */
const LAZY_LIBRARIES: Record<string, { importer: RegExp; contents: string }> = {
  'postal-mime': {
    importer: /[\\/]core[\\/]extract[\\/]eml\.ts$/,
    contents: `let lib;
export default { parse(bytes, options) { lib = lib || require('lazy-real:postal-mime'); return lib.default.parse(bytes, options); } };`,
  },
  // The packed entity table (launch/packed.ts) is needed only for an attached .eml.
  fflate: {
    importer: /[\\/]outlook-addin[\\/]launch[\\/]packed\.ts$/,
    contents: `let lib;
const real = () => (lib = lib || require('lazy-subset:fflate:inflateSync,strFromU8'));
export function inflateSync(data, options) { return real().inflateSync(data, options); }
export function strFromU8(data, latin1) { return real().strFromU8(data, latin1); }`,
  },
};

const CORE_EXTRACT = join(import.meta.dirname, '..', 'core', 'extract');
const CORE_ENCODING = join(import.meta.dirname, '..', 'core', 'encoding');
// The two names the launch rules call, as a module of their own: require() of detect.ts or the
// encoding index would keep every export (the converters, the encoders tests use, the font table).
const DETECTOR = `lazy-subset:${join(CORE_ENCODING, 'detect.ts')}:surveyText,firstLegacyRun`;

/**
 * The core's reading stack (zip, XML, PDF streams, MIME and their tables) is needed only when an
 * attachment must be read, yet a static import builds its tables on every event (fflate's
 * Huffman tables alone cost more than the rest of the file's start). The launch handlers reach
 * it through a facade that require()s it on the first read, and take ExtractError from the
 * module that defines it, the same class the reader throws.
 */
const LAZY_IMPORTS: { importer: RegExp; specifier: string; contents: string }[] = [
  {
    importer: /[\\/]outlook-addin[\\/]launch[\\/]context\.ts$/,
    specifier: '../../core/extract',
    contents: `let lib;
export function extractDocument(name, bytes, limits) { lib = lib || require(${JSON.stringify(`lazy-subset:${join(CORE_EXTRACT, 'index.ts')}:extractDocument`)}); return lib.extractDocument(name, bytes, limits); }`,
  },
  {
    importer: /[\\/]outlook-addin[\\/]launch[\\/]attachments\.ts$/,
    specifier: '../../core/extract',
    contents: `export { ExtractError } from ${JSON.stringify(join(CORE_EXTRACT, 'limits.ts'))};`,
  },
  // The legacy-encoding detector (core/encoding/detect.ts with the TCVN3, VNI and syllable
  // tables it is built from) was half of what the file ran at load: built on every event, the
  // spam report's too, where a compose check needs it only when it reads the subject or body.
  {
    importer: /[\\/]core[\\/]rules[\\/]addresses\.ts$/,
    specifier: '../encoding/detect',
    contents: `let lib;
export function surveyText(text) { lib = lib || require(${JSON.stringify(DETECTOR)}); return lib.surveyText(text); }`,
  },
  {
    importer: /[\\/]core[\\/]rules[\\/]unicode-text\.ts$/,
    specifier: '../encoding',
    contents: `let lib;
export function firstLegacyRun(text) { lib = lib || require(${JSON.stringify(DETECTOR)}); return lib.firstLegacyRun(text); }`,
  },
  // The spam report's EWS answers (commands/ews.ts) are read with the XML scanner, whose name
  // tables would otherwise be built on every event.
  {
    importer: /[\\/]outlook-addin[\\/]commands[\\/]ews\.ts$/,
    specifier: '../../core/extract/xml-scan',
    contents: `let lib;
export class XmlScanner { constructor(h, label) { lib = lib || require(${JSON.stringify(`lazy-subset:${join(CORE_EXTRACT, 'xml-scan.ts')}:XmlScanner`)}); return new lib.XmlScanner(h, label); } }`,
  },
];

/** Throws unless every table was swapped: a moved file would silently bring back the full weight. */
export function checkAllPacked(seen: ReadonlySet<string>): void {
  const missing = ['public-domains', ...DATA_MODULES.map((_, k) => String(k)), 'public-suffixes', ...Object.keys(LAZY_LIBRARIES).map((n) => `lazy ${n}`), ...LAZY_IMPORTS.map((_, k) => `lazy import ${k}`)].filter((k) => !seen.has(k));
  if (missing.length) throw new Error(`packed-data: modules not found in the bundle: ${missing.join(', ')}`);
}

export function packedDataPlugin(seen: Set<string>): Plugin {
  return {
    name: 'packed-data',
    setup(b) {
      for (const [name, lazy] of Object.entries(LAZY_LIBRARIES)) {
        const filter = new RegExp(`^${name}$`);
        b.onResolve({ filter }, (args) => (lazy.importer.test(args.importer) ? { path: name, namespace: 'lazy-library' } : undefined));
        b.onLoad({ filter, namespace: 'lazy-library' }, () => {
          seen.add(`lazy ${name}`);
          return { contents: lazy.contents, loader: 'js', resolveDir: import.meta.dirname };
        });
      }
      b.onResolve({ filter: new RegExp(`^(${LAZY_IMPORTS.map((lazy) => lazy.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`) }, (args) => {
        const k = LAZY_IMPORTS.findIndex((lazy) => args.path === lazy.specifier && lazy.importer.test(args.importer));
        return k < 0 ? undefined : { path: `lazy-import-${k}`, namespace: 'lazy-import' };
      });
      b.onLoad({ filter: /^lazy-import-\d+$/, namespace: 'lazy-import' }, (args) => {
        const k = Number(args.path.slice('lazy-import-'.length));
        seen.add(`lazy import ${k}`);
        return { contents: LAZY_IMPORTS[k]!.contents, loader: 'js', resolveDir: import.meta.dirname };
      });
      // Named exports of a library through a module of their own: require() of the library itself
      // would keep all of it, where importing names lets the bundler drop the rest.
      b.onResolve({ filter: /^lazy-subset:/ }, (args) => ({ path: args.path.slice('lazy-subset:'.length), namespace: 'lazy-subset' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-subset' }, (args) => {
        const cut = args.path.lastIndexOf(':');
        const [library, names] = [args.path.slice(0, cut), args.path.slice(cut + 1)];
        return { contents: `export { ${names!.split(',').join(', ')} } from ${JSON.stringify(library)};`, loader: 'js', resolveDir: import.meta.dirname };
      });
      // The ES module build, as a static import would get: require() alone would pick the CommonJS one.
      b.onResolve({ filter: /^lazy-real:/ }, (args) => b.resolve(args.path.slice('lazy-real:'.length), { kind: 'import-statement', resolveDir: args.resolveDir }));
      b.onLoad({ filter: PUBLIC_DOMAINS }, async (args) => {
        seen.add('public-domains');
        return { contents: await packedPublicDomains(args.path), loader: 'js', resolveDir: join(import.meta.dirname, 'launch') };
      });
      // Every import of tldts (core/policy/risks.ts's getDomain): one asking for more fails the build.
      b.onResolve({ filter: /^tldts$/ }, () => ({ path: 'tldts', namespace: 'hashed-psl' }));
      b.onLoad({ filter: /.*/, namespace: 'hashed-psl' }, async () => {
        seen.add('public-suffixes');
        return { contents: await packedPublicSuffixes(), loader: 'js', resolveDir: join(import.meta.dirname, 'launch') };
      });
      DATA_MODULES.forEach(({ path, keep }, k) =>
        b.onLoad({ filter: path }, async (args) => {
          seen.add(String(k));
          return { contents: await packedDataModule(args.path, keep), loader: 'js' };
        }),
      );
    },
  };
}
