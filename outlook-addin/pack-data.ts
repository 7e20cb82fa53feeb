// Build-time half of launch/packed.ts: the launch file's big data tables are swapped for
// modules holding the same values as one string: the public-webmail list as hashes
// (core/address/grouped-domains.ts's HashedDomainSet; needed on every event: policy checks and
// recipients), the HTML entity table postal-mime
// ships deflated (needed only for an attached .eml), and tldts's Public Suffix List trie with its
// typed arrays as Base64 (read on every event that loads a policy: decoding a string costs less
// than parsing 22,000 numbers, and inflating cost more than either). Values are read from the real
// modules at build time, so the add-in keeps exactly the data the other builds use.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { deflateSync, strToU8 } from 'fflate';
import { hashedPublicDomainsModule } from '../core/address/grouped-domains';

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

/** A data module (only `export const` of plain values) rebuilt from one packed string. */
async function packedDataModule(path: string): Promise<string> {
  const values = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
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

/**
 * A module of typed-array constants (tldts's Public Suffix List trie: some 22,000 numbers) with
 * each array as Base64 of its little-endian bytes, rebuilt when the module is first required.
 * Strings and numbers stay as they are.
 */
async function packedTypedModule(path: string): Promise<string> {
  const values = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const lines = [`import { unpackTyped } from ${JSON.stringify(PACKED)};`];
  for (const [name, value] of Object.entries(values)) {
    if (name === 'default') throw new Error(`${path}: expected named exports only`);
    if (value instanceof Uint8Array || value instanceof Uint16Array || value instanceof Uint32Array || value instanceof Int32Array) {
      const bytes = Buffer.alloc(value.length * value.BYTES_PER_ELEMENT);
      value.forEach((v, k) => bytes.writeUIntLE(value instanceof Int32Array ? v >>> 0 : v, k * value.BYTES_PER_ELEMENT, value.BYTES_PER_ELEMENT));
      lines.push(`export const ${name} = /* @__PURE__ */ unpackTyped(${JSON.stringify(value.constructor.name)}, ${JSON.stringify(bytes.toString('base64'))});`);
    } else if (typeof value === 'string' || typeof value === 'number') {
      lines.push(`export const ${name} = ${JSON.stringify(value)};`);
    } else throw new Error(`${path}: cannot pack export ${name}`);
  }
  return lines.join('\n');
}

const TYPED_MODULES = [/[\\/]tldts[\\/]dist[\\/]es6[\\/]src[\\/]data[\\/]trie\.js$/];

/** Third-party data modules by path inside node_modules; a library update that moves them fails the build loudly. */
const DATA_MODULES = [/[\\/]postal-mime[\\/]dist[\\/]esm[\\/]html-entities\.js$/];

/**
 * Libraries the launch file needs only for some events (tldts when a policy names a domain,
 * postal-mime when an .eml is attached) are reached through a facade that require()s them on
 * first call: esbuild then wraps them in a lazy initialiser, so evaluating the file does not
 * build their tables. Each facade keeps exactly the exports the core calls.
 */
const LAZY_LIBRARIES: Record<string, { importer: RegExp; contents: string }> = {
  tldts: {
    importer: /[\\/]core[\\/]policy[\\/]risks\.ts$/,
    contents: `let lib;
export function getDomain(url, options) { lib = lib || require('lazy-real:tldts'); return lib.getDomain(url, options); }`,
  },
  'postal-mime': {
    importer: /[\\/]core[\\/]extract[\\/]eml\.ts$/,
    contents: `let lib;
export default { parse(bytes, options) { lib = lib || require('lazy-real:postal-mime'); return lib.default.parse(bytes, options); } };`,
  },
  // The spam report's EWS answers (commands/ews.ts) and the packed entity table (launch/packed.ts)
  // are the only users outside the reading stack; neither is needed on a compose or send event.
  saxes: {
    importer: /[\\/]outlook-addin[\\/]commands[\\/]ews\.ts$/,
    contents: `let lib;
export class SaxesParser { constructor(options) { lib = lib || require('lazy-real:saxes'); return new lib.SaxesParser(options); } }`,
  },
  fflate: {
    importer: /[\\/]outlook-addin[\\/]launch[\\/]packed\.ts$/,
    contents: `let lib;
const real = () => (lib = lib || require('lazy-subset:fflate:inflateSync,strFromU8'));
export function inflateSync(data, options) { return real().inflateSync(data, options); }
export function strFromU8(data, latin1) { return real().strFromU8(data, latin1); }`,
  },
};

const CORE_EXTRACT = join(import.meta.dirname, '..', 'core', 'extract');

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
export function extractDocument(name, bytes, limits) { lib = lib || require(${JSON.stringify(`lazy-real:${join(CORE_EXTRACT, 'index.ts')}`)}); return lib.extractDocument(name, bytes, limits); }`,
  },
  {
    importer: /[\\/]outlook-addin[\\/]launch[\\/]attachments\.ts$/,
    specifier: '../../core/extract',
    contents: `export { ExtractError } from ${JSON.stringify(join(CORE_EXTRACT, 'limits.ts'))};`,
  },
];

/** Throws unless every table was swapped: a moved file would silently bring back the full weight. */
export function checkAllPacked(seen: ReadonlySet<string>): void {
  const missing = ['public-domains', ...DATA_MODULES.map((_, k) => String(k)), ...TYPED_MODULES.map((_, k) => `typed ${k}`), ...Object.keys(LAZY_LIBRARIES).map((n) => `lazy ${n}`), ...LAZY_IMPORTS.map((_, k) => `lazy import ${k}`)].filter((k) => !seen.has(k));
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
      b.onResolve({ filter: /^\.\.\/\.\.\/core\/extract$/ }, (args) => {
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
        const [library, names] = args.path.split(':');
        return { contents: `export { ${names!.split(',').join(', ')} } from ${JSON.stringify(library)};`, loader: 'js', resolveDir: import.meta.dirname };
      });
      // The ES module build, as a static import would get: require() alone would pick the CommonJS one.
      b.onResolve({ filter: /^lazy-real:/ }, (args) => b.resolve(args.path.slice('lazy-real:'.length), { kind: 'import-statement', resolveDir: args.resolveDir }));
      b.onLoad({ filter: PUBLIC_DOMAINS }, async (args) => {
        seen.add('public-domains');
        return { contents: await packedPublicDomains(args.path), loader: 'js', resolveDir: join(import.meta.dirname, 'launch') };
      });
      TYPED_MODULES.forEach((filter, k) =>
        b.onLoad({ filter }, async (args) => {
          seen.add(`typed ${k}`);
          return { contents: await packedTypedModule(args.path), loader: 'js' };
        }),
      );
      DATA_MODULES.forEach((filter, k) =>
        b.onLoad({ filter }, async (args) => {
          seen.add(String(k));
          return { contents: await packedDataModule(args.path), loader: 'js' };
        }),
      );
    },
  };
}
