// Builds dist/outlook-addin/: launchevent.js (one ES2016 script, no import/export, the core
// bundled in), naa.js (MSAL, loaded only by the spam report's Graph path), commands.html, the task
// panes (compose.html/.js, read.html/.js), policy.json, the manifest's icons (assets/) and the
// office.js files Outlook loads, so the add-in works from any HTTPS server inside a closed
// network.
//
// Classic Outlook on Windows before build 2403 runs launchevent.js in an ES2016 engine: esbuild
// lowers async/await, spread, optional chaining and the rest; polyfills.ts covers the library.
// pdfjs-dist cannot be lowered that far, so the launch file gets a stub in its place and PDFs
// are checked in the task pane instead, and so are office parts with a DOCTYPE (no saxes there).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type Node } from 'acorn';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import rewritePattern from 'regexpu-core';
import { PRESETS, type AuthorityId } from '../core';
import { ADDIN_FILES } from './handler-names';
import { allMessageKeys, catalogPlugin, messageKeysUsed } from './message-keys';
import { checkAllPacked, packedDataPlugin } from './pack-data';
import { PROPERTY_REGEXP, propertyBanner, propertyTemplate } from './property-classes';
import { PANES, paneHtml, type PaneKind } from './taskpane/page';
import { postalMimeBlobEsbuild } from '../scripts/postal-mime-blob';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

export interface AddinBuildOptions {
  /** Output folder; default dist/outlook-addin. */
  outDir?: string;
  /** The preset written to policy.json; IT edits the file where it is hosted. Default: danang. */
  preset?: AuthorityId;
  /** Minify launchevent.js (default true). */
  minify?: boolean;
  /** Copy office.js (default true; tests of the launch file skip it). */
  copyOfficeJs?: boolean;
}

const EXTRACT_LIMITS = join(root, 'core', 'extract', 'limits.ts');

/** pdfjs-dist in the launch file: a stub that fails the way the core reports an unsupported file. */
const pdfStub: Plugin = {
  name: 'pdfjs-stub',
  setup(b) {
    b.onResolve({ filter: /^pdfjs-dist(\/|$)/ }, (args) => ({ path: args.path, namespace: 'pdfjs-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'pdfjs-stub' }, () => ({
      resolveDir: root,
      loader: 'ts',
      contents: `import { ExtractError } from ${JSON.stringify(EXTRACT_LIMITS)};
export function getDocument(): never { throw new ExtractError('unsupported', 'PDF is checked in the task pane'); }
export default {};`,
    }));
  },
};

const PDF_STREAMS = join(root, 'core', 'extract', 'pdf-streams.ts');

/**
 * core/extract/pdf.ts in the launch file, where pdfjs is the stub above: its reader runs the bomb
 * guard over the flate streams (an over-limit PDF fails as such, not as unsupported), looks at
 * the clock, and then fails where getDocument would. The rest (the copy made for pdfjs, the
 * update for its streams, the pages and embedded files, fflate's deflate) could never run there,
 * yet the engine parsed its 10 KB on every event (issue 11).
 */
const pdfReaderStub: Plugin = {
  name: 'pdf-reader-stub',
  setup(b) {
    b.onResolve({ filter: /^\.\/pdf$/ }, (args) => (/[\\/]core[\\/]extract[\\/]index\.ts$/.test(args.importer) ? { path: 'pdf', namespace: 'pdf-reader-stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'pdf-reader-stub' }, () => ({
      resolveDir: root,
      loader: 'ts',
      contents: `import { ExtractError, type Budget } from ${JSON.stringify(EXTRACT_LIMITS)};
import { boundFlateStreams } from ${JSON.stringify(PDF_STREAMS)};
export async function extractPdf(bytes: Uint8Array, _sink: unknown, budget: Budget): Promise<void> {
  boundFlateStreams(bytes, budget);
  await Promise.resolve();
  budget.checkTime();
  throw new ExtractError('unsupported', 'PDF is checked in the task pane');
}`,
    }));
  },
};

/**
 * unsigned-document (issue 14): the signature verifiers (pkijs, xmldsigjs, xmldom) in the launch
 * file: stubs that say a signature is there but not checked in this runtime. They would more
 * than double launchevent.js; the compose pane, built whole, verifies the same files.
 */
const signatureStub: Plugin = {
  name: 'signature-stub',
  setup(b) {
    b.onResolve({ filter: /[\\/]signatures[\\/](pdf|xml-package)$/ }, (args) => ({ path: args.path, namespace: 'signature-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'signature-stub' }, () => ({
      loader: 'ts',
      contents: `const notChecked = async () => ({ signatures: [], unsignedFields: 0, notChecked: true });
export const readPdfSignatures = notChecked;
export const readPackageSignatures = notChecked;`,
    }));
  },
};

/**
 * saxes in the launch file: the XML scanner (core/extract/xml-scan.ts) reads every part there; a
 * part with a DOCTYPE, which Office never writes and the scanner hands to saxes elsewhere, makes
 * the file unreadable here, said as such, and the compose pane reads it whole. saxes and xmlchars
 * would add 27 KB to every event (issue 11).
 */
const doctypeStub: Plugin = {
  name: 'xml-doctype-stub',
  setup(b) {
    b.onResolve({ filter: /[\\/]xml-doctype$/ }, (args) => ({ path: args.path, namespace: 'xml-doctype-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'xml-doctype-stub' }, () => ({
      resolveDir: root,
      loader: 'ts',
      contents: `import { ExtractError } from ${JSON.stringify(EXTRACT_LIMITS)};
export function doctypeParser(): never { throw new ExtractError('unsupported', 'A part with a DOCTYPE is read in the task pane'); }`,
    }));
  },
};

/**
 * core/address/after-edit.ts in the launch file: classic Outlook runs it fresh for every event, so
 * no draft read before outlives one check there, and rereading only an edit never happens. Without
 * a reading the address rules read the text whole, as they always did there.
 */
const afterEditStub: Plugin = {
  name: 'after-edit-stub',
  setup(b) {
    b.onResolve({ filter: /[\\/]address[\\/]after-edit$/ }, (args) => ({ path: args.path, namespace: 'after-edit-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'after-edit-stub' }, () => ({
      loader: 'ts',
      contents: `export const addressReading = (): undefined => undefined;
export const addressReadingAfterEdit = (): undefined => undefined;`,
    }));
  },
};

/**
 * core/text/edits.ts in the launch file: each event there runs in a fresh runtime, so no text read
 * before it is ever edited into the next. With no edge shared, kept.ts's editedFrom finds no text
 * edited, and the kept readings are only found again within the check (the survey the address
 * rules made, read again by the legacy detector).
 */
const editsStub: Plugin = {
  name: 'edits-stub',
  setup(b) {
    b.onResolve({ filter: /^\.\/edits$/ }, (args) => (/[\\/]text[\\/]kept\.ts$/.test(args.importer) ? { path: args.path, namespace: 'edits-stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'edits-stub' }, () => ({
      loader: 'ts',
      contents: `export const editBetween = () => ({ head: 0, tail: 0 });`,
    }));
  },
};

/**
 * The stubs are keyed on import paths (the PDF reader on core/extract/index.ts's './pdf'): should
 * one move, the real module would come back into every event unnoticed. A build check.
 */
function checkStubsApplied(inputs: readonly string[]): void {
  for (const stub of [pdfReaderStub, signatureStub, doctypeStub, afterEditStub, editsStub]) {
    if (!inputs.some((p) => p.startsWith(`${stub.name}:`))) throw new Error(`launchevent.js: the ${stub.name} plugin matched no import; its filter no longer names the module it replaces`);
  }
  if (inputs.some((p) => /(^|[\\/])core[\\/]extract[\\/]pdf\.ts$/.test(p))) throw new Error('launchevent.js: core/extract/pdf.ts is bundled; the pdf-reader-stub should replace it');
}

/** The read-mode command module, when its author has added it, joins the same file. */
function commandEntries(): string[] {
  return ['commands/index.ts', 'commands/register.ts'].map((p) => join(here, p)).filter((p) => existsSync(p)).slice(0, 1);
}

/** Builds launchevent.js; returns esbuild's metafile (what each input adds), for size reports. */
export async function buildLaunchEvent(outFile: string, minify = true): Promise<Metafile> {
  const imports = [join(here, 'launch', 'register.ts'), ...commandEntries()].map((p) => `import ${JSON.stringify(p)};`).join('\n');
  const options = (keep: ReadonlySet<string> | undefined, packed: Set<string>): BuildOptions & { metafile: true } => ({
      stdin: { contents: imports, resolveDir: here, sourcefile: 'launchevent-entry.ts', loader: 'ts' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2016',
      minify,
      legalComments: 'none',
      charset: 'utf8',
      outfile: outFile,
      plugins: [pdfStub, pdfReaderStub, signatureStub, doctypeStub, afterEditStub, editsStub, packedDataPlugin(packed), catalogPlugin(keep), postalMimeBlobEsbuild()],
      metafile: true,
      logLevel: 'error',
    });
  // First without any message, to see which keys the code names (message-keys.ts).
  const probe = await build({ ...options(undefined, new Set()), write: false });
  const keep = messageKeysUsed(probe.outputFiles[0]!.text, await allMessageKeys());
  const packed = new Set<string>();
  const result = await build(options(keep, packed));
  checkAllPacked(packed);
  checkStubsApplied(Object.keys(result.metafile.inputs));
  const unlowered: string[] = [];
  const properties = new Set<string>();
  const code = lowerRegExps(readFileSync(outFile, 'utf8'), unlowered, properties);
  const banners = [...(unlowered.length ? [SAFE_REGEXP_BANNER] : []), ...(properties.size ? [propertyBanner(propertyClasses(properties))] : [])];
  const out = [...banners, code].join('\n');
  // A build check: classic Outlook before build 2403 runs this file in an ES2016 engine.
  parse(out, { ecmaVersion: 2016, sourceType: 'script' });
  writeFileSync(outFile, out);
  return result.metafile;
}

/**
 * The task panes run in Outlook's browser runtime (a WebView or the browser itself, never the
 * ES2016 launch-event engine), so they are built for ES2018 with the real pdfjs: PDFs are
 * checked here. One self-contained script per pane, Preact's JSX runtime bundled in.
 */
export async function buildPanes(outDir: string, minify = true): Promise<void> {
  for (const [kind, pane] of Object.entries(PANES) as [PaneKind, (typeof PANES)[PaneKind]][]) {
    await build({
      entryPoints: [join(here, 'taskpane', pane.entry)],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2018',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      minify,
      legalComments: 'none',
      charset: 'utf8',
      outfile: join(outDir, pane.script),
      // unsigned-document: received mail is not checked for signatures; only compose verifies.
      plugins: [...(kind === 'read' ? [signatureStub] : []), postalMimeBlobEsbuild()],
      logLevel: 'error',
    });
    const file = join(outDir, pane.script);
    writeFileSync(file, withoutDynamicImport(readFileSync(file, 'utf8')));
    // A build check: the pane must load in an ES2018 engine, or the user sees no pane at all.
    parse(readFileSync(file, 'utf8'), { ecmaVersion: 2018, sourceType: 'script' });
    writeFileSync(join(outDir, pane.html), paneHtml(kind));
  }
}

/**
 * naa.js: MSAL.js and the NAA token request in a file of its own, so launchevent.js stays ES2016
 * and small; the spam report loads it with a <script> element only when it reports through
 * Microsoft Graph (commands/naa.ts). It runs where a DOM runs (ES2018 like the panes).
 */
export async function buildNaaScript(outFile: string, minify = true): Promise<void> {
  await build({
    entryPoints: [join(here, 'commands', 'naa-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2018',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    outfile: outFile,
    logLevel: 'error',
  });
  parse(readFileSync(outFile, 'utf8'), { ecmaVersion: 2018, sourceType: 'script' });
}

const NO_IMPORT = "(function (u) { return Promise.reject(new Error('import(' + u + ') is not available in the task pane')); })";

/**
 * pdfjs keeps two run-time `import(url)` calls (ES2020 syntax esbuild leaves as is): the worker
 * file, which is never loaded because the worker module is bundled in (core/extract/pdf.ts), and
 * a JPEG 2000 decoder that text extraction does not use. Each becomes a call that rejects, which
 * pdfjs already handles, so the pane parses in an ES2018 engine.
 */
export function withoutDynamicImport(code: string): string {
  const starts: number[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node & Record<string, unknown>;
    if (n.type === 'ImportExpression') starts.push(n.start);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && value && typeof value === 'object') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
  let out = code;
  for (const start of starts.sort((a, b) => b - a)) out = `${out.slice(0, start)}${NO_IMPORT}${out.slice(start + 'import'.length)}`;
  return out;
}

const SAFE_REGEXP = '__cvgRegExp';
const SAFE_REGEXP_BANNER = `var ${SAFE_REGEXP} = function (p, f) { try { return new RegExp(p, f); } catch (e) { return new RegExp('(?!)', f.replace(/[^gimy]/g, '')); } };`;

/** A code point that may stand for itself in an ES2016 string literal and inside a character class. */
function safeLiteral(code: number): boolean {
  if (code < 0xa0) return false;
  // Surrogates cannot stand alone in UTF-8; U+2028/2029 end a string literal before ES2019;
  // noncharacters and the BOM are left escaped in case a server or proxy rewrites them.
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029 || code === 0xfeff) return false;
  return !(code >= 0xfdd0 && code <= 0xfdef) && (code & 0xfffe) !== 0xfffe;
}

/**
 * A lowered \p{…} class is hundreds of \uXXXX escapes (about 60 KB in all): the same code points
 * written as themselves take two or three bytes each instead of seven, and the RegExp built from
 * the string is the same. launchevent.js is UTF-8 already (the Vietnamese messages).
 */
export function withLiteralCharacters(pattern: string): string {
  let out = '';
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const hex = pattern[k + 1] === 'u' ? /^[0-9A-Fa-f]{4}/.exec(pattern.slice(k + 2, k + 6)) : pattern[k + 1] === 'x' ? /^[0-9A-Fa-f]{2}/.exec(pattern.slice(k + 2, k + 4)) : null;
    const code = hex ? parseInt(hex[0], 16) : -1;
    if (hex && safeLiteral(code)) {
      out += String.fromCharCode(code);
      k += 1 + hex[0].length;
    } else {
      // Any other escape is copied whole, so an escaped backslash never starts a new one.
      out += c + (pattern[k + 1] ?? '');
      k++;
    }
  }
  return out;
}

/** Each property's class text as regexpu-core lowers `[\\p{X}]` (the same code points as before), written as characters. */
export function propertyClasses(names: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const lowered = withLiteralCharacters(rewritePattern(`[\\p{${name}}]`, 'u', REGEXP_OPTIONS));
    if (!lowered.startsWith('[') || !lowered.endsWith(']') || lowered.includes('[', 1)) throw new Error(`\\p{${name}} lowered to more than one class: ${lowered.slice(0, 40)}`);
    out.set(name, lowered.slice(1, -1));
  }
  return out;
}

const REGEXP_OPTIONS = { unicodePropertyEscapes: 'transform', namedGroups: 'transform', dotAllFlag: 'transform', unicodeFlag: undefined } as const;

function es2016Accepts(pattern: string, flags: string): boolean {
  try {
    parse(`/${pattern}/${flags}`, { ecmaVersion: 2016, sourceType: 'script' });
    return true;
  } catch {
    return false;
  }
}

/**
 * esbuild leaves \p{…} inside a character class as a literal (and turns other ES2018 regular
 * expressions into new RegExp() strings an ES2016 engine still rejects at load). Rewrite every
 * such pattern with regexpu-core into ES2016 syntax: property escapes become code-point ranges,
 * named groups plain groups, the s flag [\s\S]. A pattern it cannot lower (look-behind, one in a
 * bundled library) is built at run time through a guard, so an ES2016 engine still loads the file.
 */
export function lowerRegExps(code: string, unlowered: string[] = [], properties?: Set<string>): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const lower = (pattern: string, flags: string): { pattern: string; flags: string } | undefined => {
    if (es2016Accepts(pattern, flags)) return undefined;
    const out = { pattern: rewritePattern(pattern, flags, REGEXP_OPTIONS), flags: flags.replace('s', '') };
    return es2016Accepts(out.pattern, out.flags) ? out : undefined;
  };
  const replace = (start: number, end: number, pattern: string, flags: string) => {
    // \p{L}, \p{M}, \p{N} in a class: built by the file from ranges it carries once (property-classes.ts).
    const property = properties && flags.includes('u') && !es2016Accepts(pattern, flags) ? propertyTemplate(pattern, flags) : undefined;
    if (property && es2016Accepts(property.template, flags)) {
      for (const name of property.used) properties!.add(name);
      edits.push({ start, end, text: `${PROPERTY_REGEXP}(${JSON.stringify(property.template)}, ${JSON.stringify(flags)})` });
      return;
    }
    const out = lower(pattern, flags);
    if (out) edits.push({ start, end, text: `new RegExp(${JSON.stringify(withLiteralCharacters(out.pattern))}, ${JSON.stringify(out.flags)})` });
    else if (!es2016Accepts(pattern, flags)) {
      // Look-behind cannot be lowered: build it at run time where the engine can, else a
      // pattern that never matches, so an ES2016 engine still loads the file.
      unlowered.push(`/${pattern}/${flags}`);
      edits.push({ start, end, text: `${SAFE_REGEXP}(${JSON.stringify(pattern)}, ${JSON.stringify(flags)})` });
    }
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node & Record<string, unknown>;
    const regex = n.regex as { pattern: string; flags: string } | undefined;
    if (n.type === 'Literal' && regex) {
      replace(n.start, n.end, regex.pattern, regex.flags);
      return;
    }
    if (n.type === 'NewExpression' || n.type === 'CallExpression') {
      const callee = n.callee as { type: string; name?: string };
      const args = n.arguments as { type: string; value?: unknown; start: number; end: number }[];
      const [p, f] = args;
      if (callee.type === 'Identifier' && callee.name === 'RegExp' && p?.type === 'Literal' && typeof p.value === 'string' && (!f || (f.type === 'Literal' && typeof f.value === 'string'))) {
        replace(n.start, n.end, p.value, (f?.value as string | undefined) ?? '');
        return;
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && value && typeof value === 'object') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const OUTLOOK_LOCALES = ['en-us', 'vi-vn'];

/** office.js and what it loads for Outlook: host scripts, the app-to-file table, strings, telemetry. */
function copyOfficeJs(outDir: string): void {
  const src = join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
  const dest = join(outDir, 'office-js');
  mkdirSync(dest, { recursive: true });
  const top = /^(office|o15apptofilemappingtable|es6-promise|outlook[\w.-]*)\.js$/;
  for (const name of readdirSync(src)) {
    if (top.test(name) && !name.includes('.debug') && !name.includes('vsdoc')) cpSync(join(src, name), join(dest, name));
  }
  for (const locale of OUTLOOK_LOCALES) {
    mkdirSync(join(dest, locale), { recursive: true });
    for (const f of ['office_strings.js', 'outlook_strings.js']) cpSync(join(src, locale, f), join(dest, locale, f));
  }
  mkdirSync(join(dest, 'telemetry'), { recursive: true });
  cpSync(join(src, 'telemetry', 'oteljs_agave.js'), join(dest, 'telemetry', 'oteljs_agave.js'));
}

const COMMANDS_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Công Vụ Guard</title>
<script src="${ADDIN_FILES.officeJs}"></script>
<script src="${ADDIN_FILES.launchEvent}"></script>
</head>
<body></body>
</html>
`;

export async function buildAddin(options: AddinBuildOptions = {}): Promise<string> {
  const outDir = options.outDir ?? join(root, 'dist', 'outlook-addin');
  mkdirSync(outDir, { recursive: true });
  rmSync(join(outDir, ADDIN_FILES.launchEvent), { force: true });
  await buildLaunchEvent(join(outDir, ADDIN_FILES.launchEvent), options.minify ?? true);
  await buildNaaScript(join(outDir, ADDIN_FILES.naa), options.minify ?? true);
  writeFileSync(join(outDir, ADDIN_FILES.commands), COMMANDS_HTML);
  await buildPanes(outDir, options.minify ?? true);
  writeFileSync(join(outDir, ADDIN_FILES.policy), `${JSON.stringify(PRESETS[options.preset ?? 'danang'], null, 2)}\n`);
  if (options.copyOfficeJs ?? true) copyOfficeJs(outDir);
  // The manifest's icons (IconUrl, HighResolutionIconUrl, the ribbon's images) live under assets/.
  cpSync(join(here, 'assets'), join(outDir, 'assets'), { recursive: true });
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const preset = process.argv.find((a) => a.startsWith('--preset='))?.slice('--preset='.length) as AuthorityId | undefined;
  if (preset && !(preset in PRESETS)) throw new Error(`Unknown preset ${preset}; one of ${Object.keys(PRESETS).join(', ')}`);
  const out = await buildAddin({ preset });
  console.log(`Outlook add-in built in ${out}`);
}
