// The Outlook add-in's folder as IT hosts it: the built files, policy.json, and launchevent.js
// with the base URL and a snapshot of the policy baked in. Classic Outlook on Windows runs
// launchevent.js in a JavaScript-only runtime with no `location`; before Mailbox 1.14 it has no
// Office.context.urls either, so the baked base URL is how the script finds policy.json, and the
// snapshot applies when that fetch fails (a fresh read always wins).
import type { Policy } from '../core/policy';
import { ADDIN_FILES } from '../outlook-addin/handler-names';
import { normalizeBaseUrl } from '../outlook-addin/manifest/rewrite';
import { BAKED_GLOBAL, bakeHosting } from '../outlook-addin/policy/baked';
import { KitError } from './errors';

export interface AddinFile {
  /** Relative to the add-in's folder, with "/" separators. */
  path: string;
  content: string | Uint8Array;
}

export interface AddinFolderOptions {
  baseUrl: string;
  policy: Policy;
  /** The built add-in (dist/outlook-addin/); undefined when it could not be found. */
  files?: AddinFile[];
  /** The rewritten manifest, to check that every file it names is in the folder. */
  manifest?: string;
}

const REQUIRED = [ADDIN_FILES.launchEvent, ADDIN_FILES.commands, ADDIN_FILES.composePane, ADDIN_FILES.readPane, ADDIN_FILES.officeJs];

/** The folder's files, minus policy.json and manifest.xml, which the kit writes itself. */
export function addinFolder(opts: AddinFolderOptions): AddinFile[] {
  let base: string;
  try {
    base = normalizeBaseUrl(opts.baseUrl);
  } catch (e) {
    throw new KitError(`--addin-url: ${(e as Error).message}`);
  }
  const files = opts.files;
  if (!files || files.length === 0) {
    throw new KitError("--addin-url needs the Outlook add-in's built files (dist/outlook-addin/), and none were found: run `npm run build` in the package folder, then build the kit again.");
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  const missing = REQUIRED.filter((p) => !byPath.has(p));
  if (missing.length > 0) throw new KitError(`the Outlook add-in's built files are incomplete (missing ${missing.join(', ')}): run \`npm run build\` again.`);

  const out: AddinFile[] = [];
  for (const f of files) {
    if (f.path === ADDIN_FILES.policy || f.path === 'manifest.xml') continue;
    if (f.path !== ADDIN_FILES.launchEvent) {
      out.push(f);
      continue;
    }
    const script = typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
    const baked = bakeHosting(script, { baseUrl: base, policy: opts.policy });
    checkBaked(baked, base, opts.policy);
    out.push({ path: f.path, content: baked });
  }
  if (opts.manifest) checkManifestFiles(opts.manifest, base, new Set([...out.map((f) => f.path), ADDIN_FILES.policy]));
  return out;
}

/** The baked line reads back as the base URL and exactly the policy. */
function checkBaked(script: string, base: string, policy: Policy): void {
  const line = script.slice(0, script.indexOf('\n'));
  const prefix = `var ${BAKED_GLOBAL} = `;
  let value: { baseUrl?: unknown; policy?: unknown } | undefined;
  try {
    value = line.startsWith(prefix) && line.endsWith(';') ? (JSON.parse(line.slice(prefix.length, -1)) as typeof value) : undefined;
  } catch {
    value = undefined;
  }
  if (!value || value.baseUrl !== base || JSON.stringify(value.policy) !== JSON.stringify(policy) || /[\u2028\u2029]/.test(line)) {
    throw new KitError('launchevent.js: the base URL and policy could not be baked in (internal error)');
  }
}

/** Every URL the manifest gives under the add-in's folder names a file IT will host. */
function checkManifestFiles(manifest: string, base: string, present: Set<string>): void {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const urls = manifest.replace(/<!--[\s\S]*?-->/g, '').matchAll(new RegExp(`["'>]${escaped}([^"'<\\s]*)`, 'g'));
  const absent = [...new Set([...urls].map((m) => m[1]!.split(/[?#]/)[0]!))].filter((p) => p !== '' && !present.has(p));
  if (absent.length > 0) throw new KitError(`the manifest names files the add-in folder does not have: ${absent.join(', ')}; run \`npm run build\` again.`);
}
