// Builds dist/chrome and dist/firefox from one source, plus an installable zip of each.
// Every script is a single self-contained file: content scripts and MV3 service workers
// cannot load modules at run time.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { build, type Plugin } from 'vite';
import { transformSync } from 'esbuild';
import { catalog, type MessageKey } from '../core/messages';
import type { Lang } from '../core/types';
import { policySchema } from '../core/policy/schema';
import { groupedPublicDomainsModule } from '../core/address/grouped-domains';
import * as publicDomains from '../core/address/public-domains';
import { postalMimeBlobVite } from '../scripts/postal-mime-blob';
import { makeManifest, type Target } from './manifest';
import { WEBMAIL_SITE_MATCHES } from './manifest-matches';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const ENTRIES: Record<string, string> = {
  background: 'background/index.ts',
  // issue 11 (budget): content-<site>.js for each public webmail (siteAlone() below)
  ...Object.fromEntries(Object.keys(WEBMAIL_SITE_MATCHES).map((site) => [`content-${site}`, 'content/index.ts'])),
  official: 'content/official/index.ts',
  'page-hook': 'content/page-hook.ts',
  // account hygiene (issue 13): registered on the official hosts only; the checklist is added to change-password frames
  'account-pages': 'content/account-pages.ts',
  'password-checklist': 'content/password-checklist.ts',
  'reader-worker': 'reader/worker.ts',
  'pdf-reader': 'reader/pdfjs-entry.ts',
  // issue 11 (budget): the signature verifiers, loaded by reader-worker.js on the first signed file
  'signature-reader': 'reader/signature-entry.ts',
  offscreen: 'reader/offscreen.ts',
  popup: 'ui/popup.tsx',
  options: 'ui/options.tsx',
  // Account hygiene (issue 13): the all-sites script and the official webmail's sign-in check.
  allsites: 'allsites/index.ts',
  'official-session': 'allsites/official-session.ts',
  // issue 11 (background): the policy engine, loaded by background.js only when the policy's inputs change
  'policy-engine': 'background/engine-entry.ts',
  'public-domains': 'background/public-domains-entry.ts',
  // issue 11 (page weight): the compose checks, added by the background on a public webmail's first compose
  'content-checks': 'content/checks-entry.ts',
  // issue 11 (official page weight): the official webmail's checks, added by the background on its first compose
  'official-checks': 'content/official/checks-entry.ts',
};

/** Words a page may show before the policy (and its language's catalog) arrives. */
const PRELOADED: MessageKey[] = ['banner.product', 'banner.close', 'banner.loading-policy'];
const preloaded = (lang: Lang) => Object.fromEntries(PRELOADED.map((k) => [k, catalog(lang)[k]]));

/**
 * Content scripts load in every webmail tab, so they are built lighter than the rest: the
 * provider list stays in the background (content/remote-public-domains.ts), the messages come
 * with the policy in its language (content/installed-catalog.ts), and the browser's own
 * promise-based API replaces webextension-polyfill (host/browser-api.native.ts).
 */
function pageScriptSwaps(): Plugin {
  const swaps = new Map<string, string>([
    [join(root, 'core/address/public-domains'), join(here, 'content/remote-public-domains.ts')],
    [join(root, 'core/messages/vi'), join(here, 'content/installed-catalog.ts')],
    [join(root, 'core/messages/en'), join(here, 'content/installed-catalog.ts')],
    [join(here, 'host/browser-api'), join(here, 'host/browser-api.native.ts')],
  ]);
  return moduleSwaps('congvu-page-script-swaps', swaps);
}

/** A plugin that resolves the relative imports of the modules in `swaps` (extension-less paths) to their stand-ins. */
function moduleSwaps(name: string, swaps: ReadonlyMap<string, string>): Plugin {
  return {
    name,
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      return swaps.get(resolve(dirname(importer), source).replace(/\.tsx?$/, '')) ?? null;
    },
  };
}

// issue 11 (perf-load): the background and the extension's pages carry the public-webmail list
// as one grouped string (core/address/grouped-domains.ts), not 14,000 names parsed and hashed
// every time the service worker starts.
const PUBLIC_DOMAINS_MODULE = '\0congvu-grouped-public-domains';
function groupedPublicDomains(): Plugin {
  const real = join(root, 'core/address/public-domains');
  return {
    name: 'congvu-grouped-public-domains',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      return resolve(dirname(importer), source).replace(/\.ts$/, '') === real ? PUBLIC_DOMAINS_MODULE : null;
    },
    load(id) {
      if (id !== PUBLIC_DOMAINS_MODULE) return null;
      return groupedPublicDomainsModule(publicDomains, join(root, 'core/address/grouped-domains.ts'), join(root, 'core/address/subdomain-mailboxes.ts'));
    },
  };
}

/**
 * issue 11 (perf-load): in the reading Worker, the core's pdfjs imports lead to
 * reader/pdfjs-loader.ts, which loads pdf-reader.js (pdfjs alone) on the first PDF; the worker
 * module becomes an empty one, since pdf-reader.js brings it.
 */
function pdfjsOnDemand(): Plugin {
  return {
    name: 'congvu-pdfjs-on-demand',
    enforce: 'pre',
    resolveId(source) {
      if (source === 'pdfjs-dist/legacy/build/pdf.min.mjs') return join(here, 'reader/pdfjs-loader.ts');
      if (source === 'pdfjs-dist/legacy/build/pdf.worker.min.mjs') return '\0congvu-pdfjs-worker-in-pdf-reader';
      return null;
    },
    load(id) {
      return id === '\0congvu-pdfjs-worker-in-pdf-reader' ? 'export {};' : null;
    },
  };
}

// issue 11 (budget): the banner's style sheet is written to be read; the page script carries it minified.
const BANNER_STYLE = join(here, 'ui/banner-style.ts');
function minifiedBannerStyle(): Plugin {
  return {
    name: 'congvu-minified-banner-style',
    transform(code, id) {
      if (id !== BANNER_STYLE) return null;
      return code.replace(/`([^`$\\]*)`/, (_, css: string) => JSON.stringify(transformSync(css, { loader: 'css', minify: true }).code.trim()));
    },
  };
}

/** issue 11 (budget): in the reading Worker, the core's verifier imports lead to reader/signature-loader.ts. */
const SIGNATURE_MODULES = new Set(['core/signatures/pdf', 'core/signatures/xml-package'].map((m) => join(root, m)));
function signaturesOnDemand(): Plugin {
  return {
    name: 'congvu-signatures-on-demand',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      return SIGNATURE_MODULES.has(resolve(dirname(importer), source).replace(/\.ts$/, '')) ? join(here, 'reader/signature-loader.ts') : null;
    },
  };
}

/** issue 11 (budget): content-<site>.js takes the site registry that holds its own adapter only. */
function siteAlone(site: string): Plugin {
  const registry = new Set([join(here, 'sites'), join(here, 'sites/index')]);
  return {
    name: 'congvu-site-alone',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      return registry.has(resolve(dirname(importer), source).replace(/\.[jt]s$/, '')) ? join(here, `sites/single/${site}.ts`) : null;
    },
  };
}
const siteOf = (name: string) => (name.startsWith('content-') ? name.slice('content-'.length) : undefined);

// issue 11 (background): background.js loads its heavy parts on demand (background/lazy-parts.split.ts),
// and it, the offscreen document and the extension's pages take the browser's own API
// (host/browser-api.promised.ts) instead of webextension-polyfill.
const EXTENSION_CONTEXTS = new Set(['background', 'offscreen', 'popup', 'options', 'policy-engine']);
function extensionContextSwaps(name: string): Plugin {
  const swaps = new Map<string, string>([[join(here, 'host/browser-api'), join(here, 'host/browser-api.promised.ts')]]);
  if (name === 'background') swaps.set(join(here, 'background/lazy-parts'), join(here, 'background/lazy-parts.split.ts'));
  return {
    name: 'congvu-extension-context-swaps',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      return swaps.get(resolve(dirname(importer), source).replace(/\.tsx?$/, '')) ?? null;
    },
  };
}

// issue 11 (background): the popup opens on every click: it carries the words it shows before the
// policy (and its language's catalog, ui/popup.tsx) arrives, not both catalogs.
const POPUP_PRELOADED = (Object.keys(catalog('vi')) as MessageKey[]).filter((k) => /^(popup|ui|site)\./.test(k));
function popupCatalog(): Plugin {
  const catalogs = new Set([join(root, 'core/messages/vi'), join(root, 'core/messages/en')]);
  return {
    name: 'congvu-popup-catalog',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      return catalogs.has(resolve(dirname(importer), source).replace(/\.ts$/, '')) ? join(here, 'content/installed-catalog.ts') : null;
    },
  };
}
const popupDefines = () => ({ __CONGVU_PRELOADED_VI__: JSON.stringify(Object.fromEntries(POPUP_PRELOADED.map((k) => [k, catalog('vi')[k]]))), __CONGVU_PRELOADED_EN__: '{}' });

const PAGE_SCRIPTS = new Set([...Object.keys(WEBMAIL_SITE_MATCHES).map((site) => `content-${site}`), 'official', /* account hygiene (issue 13) */ 'account-pages', 'password-checklist']);

// issue 11 (page weight): content-checks.js runs beside content-<site>.js in the same isolated
// world and takes that script's live state (verdicts, catalogs, its error class) instead of
// carrying second copies of it (content/checks-share.ts).
function checksFromLoader(): Plugin {
  const swaps = new Map<string, string>([
    [join(root, 'core/address/public-domains'), join(here, 'content/checks-world/public-domains.ts')],
    [join(root, 'core/messages/vi'), join(here, 'content/checks-world/catalog.ts')],
    [join(root, 'core/messages/en'), join(here, 'content/checks-world/catalog.ts')],
    [join(here, 'content/read-failure'), join(here, 'content/checks-world/read-failure.ts')],
  ]);
  return moduleSwaps('congvu-checks-from-loader', swaps);
}

/** What differs between bundles: the module swaps and the words baked in. */
function bundleParts(name: string): { plugins: Plugin[]; define: Record<string, string> } {
  // issue 11 (page weight): the checks file takes the page-script swaps after its own.
  if (name === 'content-checks' || /* issue 11 (official page weight) */ name === 'official-checks') return { plugins: [checksFromLoader(), pageScriptSwaps(), minifiedBannerStyle()], define: {} };
  // issue 11 (background): the service worker, its engine, the offscreen document and the extension's pages.
  if (EXTENSION_CONTEXTS.has(name)) {
    return { plugins: [extensionContextSwaps(name), ...(name === 'popup' ? [popupCatalog()] : []), groupedPublicDomains()], define: name === 'popup' ? popupDefines() : {} };
  }
  if (PAGE_SCRIPTS.has(name)) {
    return {
      plugins: [pageScriptSwaps(), minifiedBannerStyle(), ...(siteOf(name) ? [siteAlone(siteOf(name)!)] : [])],
      define: { __CONGVU_PRELOADED_VI__: JSON.stringify(preloaded('vi')), __CONGVU_PRELOADED_EN__: JSON.stringify(preloaded('en')) },
    };
  }
  return { plugins: name === 'reader-worker' ? [groupedPublicDomains(), pdfjsOnDemand(), signaturesOnDemand()] : [groupedPublicDomains()], define: {} };
}

async function bundle(name: string, entry: string, outDir: string): Promise<void> {
  const { plugins, define } = bundleParts(name);
  await build({
    configFile: false,
    plugins: [...plugins, postalMimeBlobVite(`${name}.js`)],
    define,
    logLevel: 'error',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: false,
      // issue 11 (budget): the manifest's minimum versions; es2020 turned every class field into helper calls
      target: ['chrome111', 'firefox140'],
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: join(here, entry), formats: ['iife'], name: `congvu_${name.replace(/-/g, '_')}`, fileName: () => `${name}.js` },
      // tldts builds its suffix tree at load time, which the bundler cannot prove unused: say so,
      // or every content script carries the Public Suffix List that only policy checks need.
      rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]tldts(-core)?[\\/]/.test(id) } },
    },
  });
}

function zipFolder(dir: string, out: string): void {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = new Uint8Array(readFileSync(full));
    }
  };
  walk(dir);
  writeFileSync(out, zipSync(files, { level: 9 }));
}

export async function buildExtension(targets: Target[] = ['chrome', 'firefox']): Promise<void> {
  for (const target of targets) {
    const out = join(root, 'dist', target);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const [name, entry] of Object.entries(ENTRIES)) {
      // Only Chrome's service worker needs an offscreen document to host the reading Worker.
      if (name === 'offscreen' && target !== 'chrome') continue;
      await bundle(name, entry, out);
    }
    cpSync(join(here, 'icons'), join(out, 'icons'), { recursive: true });
    for (const page of ['popup.html', 'options.html']) cpSync(join(here, 'ui', page), join(out, page));
    if (target === 'chrome') cpSync(join(here, 'reader', 'offscreen.html'), join(out, 'offscreen.html'));
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(makeManifest(target, version), null, 2)}\n`);
    if (target === 'chrome') writeFileSync(join(out, 'managed-schema.json'), `${JSON.stringify(policySchema, null, 2)}\n`);
    zipFolder(out, join(root, 'dist', `congvu-guard-${target}-${version}.zip`));
  }
}

await buildExtension();
