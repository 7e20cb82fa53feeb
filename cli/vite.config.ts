import { cpSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { groupedPublicDomainsModule } from '../core/address/grouped-domains';
import * as publicDomains from '../core/address/public-domains';
import { postalMimeBlobVite } from '../scripts/postal-mime-blob';
import { writePdfjsScripts } from './pdfjs-build';

const ADDIN = fileURLToPath(new URL('../dist/outlook-addin', import.meta.url));
const BUNDLED_ADDIN = fileURLToPath(new URL('../dist/cli/outlook-addin', import.meta.url));

// The libraries the core imports at the top of its modules are, in the CLI,
// reached through small stand-ins that require() the real library on first use. A scan
// that never validates a policy field, parses XML or opens a zip then never loads them, and
// the fixed cost of `scan` on one small file stays low (issue 11). Each stand-in keeps exactly
// the exports the core calls; a core import that is not listed here loads as before.

const CORE = /[\\/]core[\\/]/;
const PREFIX = '\0congvu-lazy:';

// __filename, not import.meta.url: the output is CommonJS, and a file URL costs start-up time to build.
const REQUIRE = `import { createRequire } from 'node:module';
const load = createRequire(__filename);
let lib;
const real = () => (lib ??= load(NAME));`;

/** The package each stand-in loads: fflate's Node build starts worker_threads at load, its browser build does not. */
const LOADS: Record<string, string> = { fflate: 'fflate/browser' };

/** A class the core constructs: the stand-in's constructor returns the real library's instance. */
const constructed = (name: string) => `export class ${name} { constructor(...args) { return new (real().${name})(...args); } }`;

const STAND_INS: Record<string, string> = {
  tldts: 'export function getDomain(url, options) { return real().getDomain(url, options); }',
  saxes: constructed('SaxesParser'),
  fflate: `${constructed('Inflate')}
export function zlibSync(data, options) { return real().zlibSync(data, options); }
export function inflateSync(data, options) { return real().inflateSync(data, options); }`,
  // Bundled, not required from node_modules: its decoders take PartsBlob (scripts/postal-mime-blob.ts).
  'postal-mime': "export default { async parse(bytes, options) { const m = await import('postal-mime'); return m.default.parse(bytes, options); } };",
};

function lazyLibraries(): Plugin {
  return {
    name: 'congvu-lazy-libraries',
    enforce: 'pre',
    resolveId(source, importer) {
      return source in STAND_INS && importer && CORE.test(importer) ? PREFIX + source : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      const standIn = STAND_INS[name]!;
      // postal-mime's stand-in imports its bundled library itself: no require() to set up.
      return standIn.includes('real()') ? `${REQUIRE.replace('NAME', JSON.stringify(LOADS[name] ?? name))}\n${standIn}` : standIn;
    },
  };
}

/** The public-webmail list as one grouped string (core/address/grouped-domains.ts), as every bundle carries it. */
const PUBLIC_DOMAINS_MODULE = '\0congvu-grouped-public-domains';
const groupedPublicDomains: Plugin = {
  name: 'congvu-grouped-public-domains',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null;
    return /[\\/]core[\\/]address[\\/]public-domains(\.ts)?$/.test(resolve(dirname(importer), source)) ? PUBLIC_DOMAINS_MODULE : null;
  },
  load(id) {
    if (id !== PUBLIC_DOMAINS_MODULE) return null;
    const address = fileURLToPath(new URL('../core/address/', import.meta.url));
    return groupedPublicDomainsModule(publicDomains, `${address}grouped-domains.ts`, `${address}subdomain-mailboxes.ts`);
  },
};

/** pdfjs as scripts with the engine's code cache (cli/pdfjs-build.ts); without them, the CLI imports its modules. */
const pdfjsScripts: Plugin = {
  name: 'congvu-pdfjs-scripts',
  closeBundle() {
    try {
      writePdfjsScripts(fileURLToPath(new URL('../dist/cli/pdfjs', import.meta.url)));
    } catch (e) {
      this.warn(`pdfjs is imported as modules, uncached: ${(e as Error).message}`);
    }
  },
};

/**
 * `policy build --addin-url` writes the add-in's files into the kit: they travel with the CLI
 * bundle. Built without them, the CLI still scans; the kit then says to run `npm run build`.
 */
const bundleAddin: Plugin = {
  name: 'bundle-outlook-addin',
  closeBundle() {
    if (existsSync(`${ADDIN}/launchevent.js`)) cpSync(ADDIN, BUNDLED_ADDIN, { recursive: true });
    else this.warn(`${ADDIN} is not built: \`policy build --addin-url\` will ask for \`npm run build\``);
  },
};

// The CLI is built for Node; its dependencies stay in node_modules and load at run time.
// CommonJS, not ES modules (issue 11): an ES module's `import 'node:fs'` makes Node build every
// lazy part of fs (streams, fs/promises), and the ES loader itself costs ~13 ms to start; the
// bin (bin/package.json says commonjs) and these files load through require() alone.
export default defineConfig({
  plugins: [lazyLibraries(), postalMimeBlobVite('dist/cli'), groupedPublicDomains, pdfjsScripts, bundleAddin],
  // plist publishes an ES module only, which require() cannot load: it is bundled in, and so is
  // postal-mime, whose decoders the build gives PartsBlob.
  ssr: { noExternal: ['plist', 'postal-mime'] },
  build: {
    ssr: true,
    outDir: fileURLToPath(new URL('../dist/cli', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./main.ts', import.meta.url)),
        'extract-worker': fileURLToPath(new URL('./extract-worker.ts', import.meta.url)),
      },
      output: { entryFileNames: '[name].cjs', chunkFileNames: 'assets/[name]-[hash].cjs', format: 'cjs' },
    },
  },
});
