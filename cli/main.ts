// congvu-guard: scan documents, convert legacy Vietnamese text, validate and print the policy.
// Exit codes: 0 nothing found, 1 something found (or a file or attachment not read in full), 2 usage error.
import { readFile } from './fs-async';
import { parseArgs } from 'node:util';
import {
  isPresetName,
  parsePolicyText,
  policySchema,
  renderPolicyError,
  resolvePolicy,
  t,
  type AuthorityId,
  type Lang,
  type PolicyError,
  type ResolvedPolicy,
} from '../core';
import { convertLegacyText } from '../core/encoding';
import { version as PACKAGE_VERSION } from '../package.json';
import { KitError } from '../deploy/errors';
import { builtAddinDir, readAddinFiles } from './addin-files';
import { addinManifestRewriter, defaultManifestSchemas } from './addin-manifest';
import { isGuid } from '../outlook-addin/manifest/rewrite';
import { listFiles, MissingPathError, skippedCountsAsUnread, type Listing } from './files';
import { exitCode, toJson, toText } from './report';
import { scanFiles } from './scan';

const USAGE = `Usage:
  congvu-guard scan [--json] [--preset NAME | --policy FILE] [--lang vi|en] PATH...
  congvu-guard convert-text            (text on standard input → NFC Unicode on standard output)
  congvu-guard policy validate [--json] FILE
  congvu-guard policy schema
  congvu-guard policy build --preset NAME [--policy OVERRIDES.json] [--addin-url URL [--azure-app-id GUID]] [--directory DIRECTORY.csv|json]
                            [--chrome-update-url URL] [--edge-id ID] [--edge-update-url URL]
                            [--firefox-install-url URL] [--organisation NAME]
                            [--self-hosted URL] [--manifest-schemas DIR] --out DIR
Presets: default, danang, cantho, quangngai, binhdinh.
Exit codes: 0 nothing found and everything read, 1 something found or not read in full, 2 usage error.`;

class UsageError extends Error {}


async function loadPolicy(preset: string | undefined, file: string | undefined): Promise<ResolvedPolicy> {
  if (preset !== undefined && !isPresetName(preset)) throw new UsageError(`unknown preset "${preset}"`);
  let managed: unknown;
  const early: PolicyError[] = [];
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read policy file ${file}: ${(e as Error).message}`);
    }
    const parsed = parsePolicyText(text, 'managed');
    if (parsed.error) early.push(parsed.error);
    managed = parsed.value;
  }
  const resolved = resolvePolicy({ preset: preset as AuthorityId | undefined, managed });
  return { ...resolved, errors: [...early, ...resolved.errors] };
}

function langOf(value: string | undefined, fallback: Lang): Lang {
  if (value === undefined) return fallback;
  if (value !== 'vi' && value !== 'en') throw new UsageError(`--lang must be vi or en, not "${value}"`);
  return value;
}

async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, preset: { type: 'string' }, policy: { type: 'string' }, lang: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('scan needs at least one file or folder');
  const resolved = await loadPolicy(values.preset, values.policy);
  const lang = langOf(values.lang, resolved.policy.language);
  for (const e of [...resolved.errors, ...resolved.warnings]) process.stderr.write(`${renderPolicyError(e, lang)}\n`);
  let listing: Listing;
  try {
    listing = listFiles(positionals);
  } catch (e) {
    if (e instanceof MissingPathError) throw new UsageError(`no such file or folder: ${e.message}`);
    throw e;
  }
  const { files, skipped } = listing;
  // The progress bar, the kit and the add-in's files load only for the commands that use them:
  // a one-file scan pays for none of them (issue 11).
  const progress = files.length >= 20 && process.stderr.isTTY ? await import('cli-progress') : undefined;
  const bar = progress && new progress.SingleBar({ stream: process.stderr, clearOnComplete: true }, progress.Presets.shades_classic);
  bar?.start(files.length, 0);
  const results = await scanFiles(files, resolved.policy, lang, (done) => bar?.update(done));
  bar?.stop();
  process.stdout.write(`${values.json ? toJson(results, lang, skipped) : toText(results, lang, skipped)}\n`);
  return exitCode(results) === 1 || skipped.some(skippedCountsAsUnread) ? 1 : 0;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

// Standard input is UTF-8 when it decodes as such. Otherwise it is raw legacy bytes: TCVN3
// or VNI as Windows-1252 shows them (what the converter reads), or else the Windows-1258
// code page, which decodes to Unicode directly.
function decodeInput(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const asLatin = new TextDecoder('windows-1252').decode(bytes);
    if (convertLegacyText(asLatin).runs.length > 0) return asLatin;
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

async function convertTextCommand(): Promise<number> {
  const text = decodeInput(await readStdin()).replace(/^\uFEFF/, '');
  process.stdout.write(convertLegacyText(text).text.normalize('NFC'));
  return 0;
}

async function policyCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'schema') {
    process.stdout.write(`${JSON.stringify(policySchema, null, 2)}\n`);
    return 0;
  }
  if (sub === 'build') return buildCommand(rest);
  if (sub !== 'validate') throw new UsageError('policy takes "validate FILE", "schema" or "build"');
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' }, lang: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('policy validate takes one FILE');
  const resolved = await loadPolicy(undefined, positionals[0]);
  const lang = langOf(values.lang, resolved.policy.language);
  if (values.json) {
    const { errors, warnings, policy } = resolved;
    process.stdout.write(`${JSON.stringify({ valid: errors.length === 0, errors, warnings, policy }, null, 2)}\n`);
  } else if (resolved.errors.length === 0) {
    const notes = resolved.warnings.map((w) => `${renderPolicyError(w, lang)}\n`).join('');
    process.stdout.write(`${t(lang, 'cli.policy-valid')}\n${notes}${JSON.stringify(resolved.policy, null, 2)}\n`);
  } else {
    for (const e of [...resolved.errors, ...resolved.warnings]) process.stdout.write(`${renderPolicyError(e, lang)}\n`);
  }
  return resolved.errors.length === 0 ? 0 : 1;
}

async function buildCommand(args: string[]): Promise<number> {
  // The kit (plist, XML checks) loads only for this command; the files it finds by their own
  // place (addin-files, addin-manifest) stay in main.js, where those paths hold.
  const { buildKit, writeKit } = await import('../deploy/kit');
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      preset: { type: 'string' },
      policy: { type: 'string' },
      out: { type: 'string' },
      'addin-url': { type: 'string' },
      'azure-app-id': { type: 'string' },
      'chrome-update-url': { type: 'string' },
      'edge-id': { type: 'string' },
      'edge-update-url': { type: 'string' },
      'firefox-install-url': { type: 'string' },
      organisation: { type: 'string' },
      'manifest-schemas': { type: 'string' },
      'self-hosted': { type: 'string' },
      // official-directory (issue 14)
      directory: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`policy build takes no positional arguments (${positionals.join(' ')})`);
  if (!values.out) throw new UsageError('policy build needs --out DIR');
  const azureAppId = values['azure-app-id'];
  if (azureAppId !== undefined) {
    if (!isGuid(azureAppId)) throw new UsageError(`--azure-app-id must be the application (client) ID of the app registration, a GUID such as 00000000-0000-0000-0000-000000000000, not "${azureAppId}"`);
    if (!values['addin-url']) throw new UsageError("--azure-app-id needs --addin-url (the app registration's redirect URI is brk-multihub://<add-in host>)");
  }
  let overrides: unknown;
  if (values.policy) {
    const parsed = parsePolicyText(await readFile(values.policy, 'utf8').catch((e: Error) => Promise.reject(new UsageError(`cannot read ${values.policy}: ${e.message}`))), 'managed');
    if (parsed.error) throw new UsageError(`${values.policy} is not valid JSON: ${parsed.error.received}`);
    overrides = parsed.value;
  }
  // official-directory (issue 14)
  const directoryPath = values.directory;
  const directory = directoryPath ? { name: directoryPath, bytes: await readFile(directoryPath).catch((e: Error) => Promise.reject(new UsageError(`cannot read ${directoryPath}: ${e.message}`))) } : undefined;
  const source = Object.fromEntries(
    Object.entries({
      chromeUpdateUrl: values['chrome-update-url'],
      edgeId: values['edge-id'],
      edgeUpdateUrl: values['edge-update-url'],
      firefoxInstallUrl: values['firefox-install-url'],
    }).filter(([, v]) => v !== undefined),
  );
  try {
    const files = buildKit({
      preset: values.preset ?? 'default',
      overrides,
      source,
      addinUrl: values['addin-url'],
      azureAppId,
      organisation: values.organisation,
      addinManifest: values['addin-url'] ? await addinManifestRewriter() : undefined,
      addinFiles: values['addin-url'] ? readAddinFiles() : undefined,
      manifestSchemas: values['manifest-schemas'] ?? defaultManifestSchemas(),
      selfHostedBase: values['self-hosted'],
      directory,
      version: PACKAGE_VERSION,
      onWarning: (w, policy) => process.stderr.write(`${renderPolicyError(w, policy.language)}\n`),
    });
    writeKit(files, values.out);
    for (const f of files) process.stdout.write(`${values.out}/${f.path}\n`);
    return 0;
  } catch (e) {
    if (e instanceof KitError) {
      const where = /built files/.test(e.message) ? ` (looked in ${builtAddinDir()})` : '';
      process.stderr.write(`congvu-guard: ${e.message}${where}\n`);
      return 2;
    }
    throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(args);
      case 'convert-text':
        return await convertTextCommand();
      case 'policy':
        return await policyCommand(args);
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`congvu-guard: ${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
