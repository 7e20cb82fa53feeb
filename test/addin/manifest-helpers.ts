// Helpers for the manifest tests: the offline [MS-OWEMXML] schemas, xmllint, and a small
// namespace-aware element tree built with saxes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MANIFEST_PATH = fileURLToPath(new URL('../../manifest.xml', import.meta.url));
/** <clone>/../shared/owemxml: the shared folder is a sibling of the clone, in CI as here. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../../shared/owemxml/', import.meta.url));
export const ROOT_SCHEMA = `${SCHEMA_DIR}OfficeAppManifestV1_1.xsd`;

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  mail10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  mail11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export function readManifest(): string {
  return readFileSync(MANIFEST_PATH, 'utf8');
}

/** Throws a clear error when the schemas or xmllint are missing: CI always has both. */
export function requireValidator(): void {
  if (!existsSync(ROOT_SCHEMA)) {
    throw new Error(
      `The [MS-OWEMXML] schemas are missing: expected ${ROOT_SCHEMA}. ` +
        'The shared folder must sit beside the clone (<clone>/../shared/owemxml/); CI always has it. ' +
        'Do not copy the XSDs into the repository.',
    );
  }
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error("xmllint is not installed. Run `bash scripts/ensure-browsers.sh` (installs Debian's libxml2-utils) or `apt-get install libxml2-utils`.");
  }
}

export interface LintResult {
  status: number | null;
  output: string;
}

/** Validates an XML string against the add-in manifest schema with xmllint (read from stdin). */
export function xmllint(xml: string): LintResult {
  requireValidator();
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', ROOT_SCHEMA, '-'], {
    input: xml,
    encoding: 'utf8',
    cwd: SCHEMA_DIR,
  });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

export interface El {
  uri: string;
  local: string;
  attrs: Map<string, { uri: string; value: string }>;
  children: El[];
  text: string;
  parent: El | null;
}

export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  let root: El | null = null;
  const stack: El[] = [];
  parser.on('opentag', (tag) => {
    const el: El = { uri: tag.uri, local: tag.local, attrs: new Map(), children: [], text: '', parent: stack.at(-1) ?? null };
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      el.attrs.set(a.uri ? `{${a.uri}}${a.local}` : a.local, { uri: a.uri, value: a.value });
    }
    if (el.parent) el.parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

export function attr(el: El, name: string): string | undefined {
  return el.attrs.get(name)?.value;
}

export function xsiType(el: El): string | undefined {
  return attr(el, `{${NS.xsi}}type`);
}

export function* walk(el: El): Generator<El> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Descendants of `el`, not descending into nested VersionOverrides (each has its own resources). */
export function* walkScope(el: El): Generator<El> {
  yield el;
  for (const c of el.children) {
    if (c.local === 'VersionOverrides') continue;
    yield* walkScope(c);
  }
}

export function find(el: El, pred: (e: El) => boolean): El[] {
  return [...walk(el)].filter(pred);
}

export function child(el: El, local: string): El | undefined {
  return el.children.find((c) => c.local === local);
}

/** "1.10" → [1, 10], compared numerically (1.10 > 1.5). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The Mailbox MinVersion declared by a Requirements element (Set MinVersion, else Sets DefaultMinVersion, else 1.1). */
export function mailboxMinVersion(requirements: El): string | undefined {
  const sets = child(requirements, 'Sets');
  if (!sets) return undefined;
  const set = sets.children.find((s) => s.local === 'Set' && attr(s, 'Name') === 'Mailbox');
  if (!set) return undefined;
  return attr(set, 'MinVersion') ?? attr(sets, 'DefaultMinVersion') ?? '1.1';
}

/** Every URL-valued attribute (DefaultValue / Value that looks like a URL) and AppDomain text. */
export function collectUrls(root: El): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const el of walk(root)) {
    for (const [name, a] of el.attrs) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value)) out.push({ where: `${el.local}@${name}`, url: a.value });
    }
    if (el.children.length === 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(el.text.trim())) {
      out.push({ where: el.local, url: el.text.trim() });
    }
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${path} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
