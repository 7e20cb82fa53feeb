// `congvu-guard policy build`: from a preset and IT's overrides, every file IT needs to push
// the extension and the add-in, each validated before it is written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isPresetName, resolvePolicy, type AuthorityId, type Policy, type PolicyError } from '../core/policy';
import { addinFolder, type AddinFile } from './addin-folder';
import { ADDIN_FILES } from '../outlook-addin/handler-names';
import { admlFile, admxFile } from './admx';
import { KitError } from './errors';
// auto-forward-public (issue 13): the Exchange side
import { APPLY_FILE, checkForwardingScripts, exchangeForwardingScripts, forwardingBlockDomains, ROLLBACK_FILE } from './exchange-forwarding';
import { firefoxPolicies, linuxPolicyFile, macProfile } from './managed-json';
import { registryFile, registryRemovalFile, utf16le } from './registry';
import { defaultSource, LINUX_POLICY_DIRS, type ExtensionSource } from './targets';
import { checkAdmx, checkJson, checkManifest, checkPlist, checkRegistry, checkXml } from './validate';
import { DIRECTORY_FILE, directoryFile, directoryUrl, type DirectorySourceFile } from './directory';

export interface KitOptions {
  preset: string;
  /** IT's overrides, parsed JSON. */
  overrides?: unknown;
  source?: Partial<ExtensionSource>;
  /** Where IT hosts the Outlook add-in's files (manifest URLs are rewritten to it). */
  addinUrl?: string;
  organisation?: string;
  /**
   * The Application (client) ID of the Microsoft Entra app registration the add-in uses for
   * nested app authentication (the Exchange Online spam report through Microsoft Graph); written
   * to outlook-addin/naa.json. Needs addinUrl: the registration's redirect URI is
   * brk-multihub://<add-in host>.
   */
  azureAppId?: string;
  /** Rewrites the add-in manifest for the hosting URL; supplied by the add-in's own module. */
  addinManifest?: (baseUrl: string, options?: { azureAppId?: string }) => string;
  /**
   * The add-in's built files (what `npm run build:addin` writes to dist/outlook-addin/), paths
   * relative to that folder. Needed with addinUrl: the kit writes them, with the base URL and
   * the policy baked into launchevent.js, as the folder IT copies to its web server.
   */
  addinFiles?: AddinFile[];
  /** Folder of the [MS-OWEMXML] schemas, to validate the rewritten manifest with xmllint. */
  manifestSchemas?: string;
  /**
   * Where IT hosts the signed .crx and its update manifest for domain-joined fleets (instead of
   * the stores): Chrome and Edge then install from BASE/updates.xml, and the kit writes it.
   */
  selfHostedBase?: string;
  /** The extension's version, for the update manifest. */
  version?: string;
  // official-directory (issue 14)
  /** IT's export of the official directory (CSV or JSON); written as outlook-addin/directory.json. */
  directory?: DirectorySourceFile;
  /** Told of each value that is kept but surely a mistake (the kit is still built). */
  onWarning?: (warning: PolicyError, policy: Policy) => void;
}

export interface KitFile {
  path: string;
  content: string | Uint8Array;
}

/** The effective policy, or a KitError that names every bad or refused field. */
export function kitPolicy(preset: string, overrides: unknown, onWarning?: KitOptions['onWarning']): Policy {
  if (!isPresetName(preset)) throw new KitError(`unknown preset "${preset}"`);
  const r = resolvePolicy({ preset: preset as AuthorityId, managed: overrides });
  // Warnings first, so that IT can mend everything in one go even when the build stops.
  for (const w of r.warnings) onWarning?.(w, r.policy);
  if (r.errors.length > 0) {
    throw new KitError(`the overrides have errors: ${r.errors.map((e) => `${e.field} (${e.expected.en.replace(/\.$/, '')}; got ${e.received})`).join('; ')}`, r.errors);
  }
  return r.policy;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function buildKit(opts: KitOptions): KitFile[] {
  if (opts.azureAppId !== undefined) {
    if (!GUID.test(opts.azureAppId)) throw new KitError(`--azure-app-id must be the application (client) ID, a GUID such as 00000000-0000-0000-0000-000000000000, not "${opts.azureAppId}"`);
    if (!opts.addinUrl) throw new KitError('--azure-app-id needs --addin-url: the app registration\'s redirect URI is brk-multihub://<add-in host>');
  }
  // official-directory (issue 14): the policy names where the directory is hosted before it is resolved
  const overrides = opts.directory ? { ...(opts.overrides as object | undefined), officialDirectoryUrl: directoryUrl(opts.overrides, opts.addinUrl) } : opts.overrides;
  const policy = kitPolicy(opts.preset, overrides, opts.onWarning);
  const directory = opts.directory && directoryFile(opts.directory, policy);
  const selfHosted = opts.selfHostedBase ? selfHostedUrls(opts.selfHostedBase) : undefined;
  const source = defaultSource({ ...opts.source, ...(selfHosted && { chromeUpdateUrl: selfHosted.updates, edgeUpdateUrl: selfHosted.updates }) });
  const files: KitFile[] = [];
  const add = (path: string, content: string | Uint8Array, check: () => void) => {
    check();
    files.push({ path, content });
  };

  const reg = registryFile(policy, source);
  add('windows/congvu-guard-chrome-edge.reg', utf16le(reg), () => checkRegistry(reg, policy));
  const unreg = registryRemovalFile(source);
  add('windows/congvu-guard-remove.reg', utf16le(unreg), () => checkRegistry(unreg));
  const admx = admxFile(policy, source);
  const admlVi = admlFile(policy, source, 'vi');
  const admlEn = admlFile(policy, source, 'en');
  add('windows/admx/congvu-guard.admx', admx, () => checkAdmx(admx, [admlVi, admlEn]));
  add('windows/admx/vi-VN/congvu-guard.adml', admlVi, () => undefined);
  add('windows/admx/en-US/congvu-guard.adml', admlEn, () => undefined);

  for (const target of LINUX_POLICY_DIRS) {
    const id = target.edge ? source.edgeId : source.chromeId;
    const json = linuxPolicyFile(policy, id, target.edge ? source.edgeUpdateUrl : source.chromeUpdateUrl);
    add(`linux/${target.name}/congvu-guard.json`, json, () => checkJson(json, (v) => (v as { '3rdparty': { extensions: Record<string, unknown> } })['3rdparty'].extensions[id], policy));
  }
  const mobileconfig = macProfile(policy, source, opts.organisation ?? 'Công Vụ Guard');
  add('macos/congvu-guard.mobileconfig', mobileconfig, () => checkPlist(mobileconfig, policy));
  const firefox = firefoxPolicies(policy, source);
  add('firefox/policies.json', firefox, () => checkJson(firefox, (v) => (v as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } }).policies['3rdparty'].Extensions[source.firefoxId], policy));

  // auto-forward-public (issue 13): the server side of Art. 9.3 for Exchange, with its dry run and rollback.
  const forwarding = exchangeForwardingScripts(policy);
  add(`exchange/${APPLY_FILE}`, forwarding.apply, () => checkForwardingScripts(forwarding, forwardingBlockDomains(policy)));
  add(`exchange/${ROLLBACK_FILE}`, forwarding.rollback, () => undefined);

  if (selfHosted) {
    const updates = updateManifest(source.chromeId, selfHosted.crx, opts.version ?? '0.0.0');
    add('self-hosted/updates.xml', updates, () => checkXml(updates, 'the update manifest'));
  }

  const addinPolicy = `${JSON.stringify(policy, null, 2)}\n`;
  add('outlook-addin/policy.json', addinPolicy, () => checkJson(addinPolicy, (v) => v, policy));
  let manifest: string | undefined;
  if (opts.addinUrl && opts.addinManifest) {
    // No WebApplicationInfo: nested app authentication needs none (it served Office SSO's
    // getAccessToken, which the add-in no longer calls).
    const xml = opts.addinManifest(opts.addinUrl);
    add('outlook-addin/manifest.xml', xml, () => checkManifest(xml, opts.manifestSchemas));
    manifest = xml;
  }
  if (opts.addinUrl) {
    for (const f of addinFolder({ baseUrl: opts.addinUrl, policy, files: opts.addinFiles, manifest })) files.push({ path: `outlook-addin/${f.path}`, content: f.content });
  }
  // official-directory (issue 14)
  if (directory) add(`outlook-addin/${DIRECTORY_FILE}`, directory.text, () => undefined);
  if (opts.azureAppId) {
    const naa = naaConfigFile(opts.azureAppId);
    add(`outlook-addin/${NAA_CONFIG_FILE}`, naa, () => checkNaaConfig(naa, opts.azureAppId!));
  }
  files.push({ path: 'README.txt', content: readme(policy, source, opts) });
  return files;
}

/** naa.json, read by the add-in beside policy.json (outlook-addin/commands/naa.ts). */
export const NAA_CONFIG_FILE = ADDIN_FILES.naaConfig;

/** The add-in's NAA configuration: the app registration's client ID. */
export function naaConfigFile(azureAppId: string): string {
  return `${JSON.stringify({ clientId: azureAppId.toLowerCase() }, null, 2)}\n`;
}

function checkNaaConfig(text: string, azureAppId: string): void {
  const value = JSON.parse(text) as { clientId?: unknown };
  if (value.clientId !== azureAppId.toLowerCase() || !GUID.test(String(value.clientId))) throw new KitError('generated naa.json does not carry the client ID');
}

/** The redirect URI the app registration needs for nested app authentication: the add-in's origin. */
export function naaRedirectUri(addinUrl: string): string {
  return `brk-multihub://${new URL(addinUrl).host}`;
}

function selfHostedUrls(base: string): { updates: string; crx: string } {
  let url: URL;
  try {
    url = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    throw new KitError(`--self-hosted must be an https:// address, not "${base}"`);
  }
  if (url.protocol !== 'https:') throw new KitError(`--self-hosted must be an https:// address, not "${base}"`);
  return { updates: new URL('updates.xml', url).href, crx: new URL('congvu-guard.crx', url).href };
}

/** Chrome's update manifest (gupdate protocol 2.0) for a self-hosted .crx. */
export function updateManifest(appId: string, crxUrl: string, version: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${esc(appId)}'>`,
    `    <updatecheck codebase='${esc(crxUrl)}' version='${esc(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

export function writeKit(files: KitFile[], out: string): void {
  for (const f of files) {
    const path = join(out, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
}

function readme(policy: Policy, source: ExtensionSource, opts: KitOptions): string {
  return [
    'Công Vụ Guard — bộ triển khai / deployment kit',
    `Chính sách / policy: preset ${opts.preset}, ${policy.officialDomains.join(', ')}, ${policy.attachmentMaxFileMB} MB`,
    `Chrome id: ${source.chromeId}   Edge id: ${source.edgeId}   Firefox id: ${source.firefoxId}`,
    '',
    'windows/congvu-guard-chrome-edge.reg   → regedit /s (HKLM), Chrome và Edge',
    'windows/congvu-guard-remove.reg        → gỡ bỏ / rollback',
    'windows/admx/                          → C:\\Windows\\PolicyDefinitions hoặc Central Store (\\\\domain\\SYSVOL\\…\\Policies\\PolicyDefinitions)',
    ...LINUX_POLICY_DIRS.map((t) => `linux/${t.name}/congvu-guard.json → ${t.dir}/`),
    'macos/congvu-guard.mobileconfig        → MDM / System Settings › Profiles',
    'firefox/policies.json                  → <Firefox>/distribution/ (Windows: C:\\Program Files\\Mozilla Firefox\\distribution), Linux: /etc/firefox/policies/',
    opts.addinUrl
      ? `outlook-addin/                         → chép nguyên thư mục lên máy chủ web tại / copy the whole folder as it is to ${opts.addinUrl}`
      : 'outlook-addin/policy.json              → bên cạnh các tệp của add-in / beside the add-in files',
    opts.selfHostedBase
      ? `self-hosted/updates.xml               → ${opts.selfHostedBase} (cùng tệp congvu-guard.crx, đóng gói bằng: chromium --pack-extension=dist/chrome --pack-extension-key=<khóa riêng>.pem)`
      : '',
    // official-directory (issue 14)
    opts.directory ? `outlook-addin/${DIRECTORY_FILE}             → ${policy.officialDirectoryUrl} (danh bạ công vụ / official directory)` : '',
    // auto-forward-public (issue 13)
    `exchange/${APPLY_FILE}            → Exchange Management Shell: chạy thử với -WhatIf trước / run with -WhatIf first (tắt tự động chuyển thư ra ngoài / stops auto-forwarding outside)`,
    `exchange/${ROLLBACK_FILE}   → hoàn tác / rollback`,
    opts.addinUrl ? `outlook-addin/manifest.xml             → Exchange admin center / Microsoft 365 admin center (${opts.addinUrl})` : '',
    opts.azureAppId && opts.addinUrl
      ? `outlook-addin/${NAA_CONFIG_FILE}               → bên cạnh policy.json / beside policy.json: app ${opts.azureAppId}, SPA redirect URI ${naaRedirectUri(opts.addinUrl)} (Mail.Send, Mail.ReadWrite, admin consent; chỉ Microsoft 365 / Microsoft 365 only)`
      : '',
    '',
    'Xem docs/deploy.md / see docs/deploy.en.md.',
    '',
  ].join('\n');
}

export { KitError };
