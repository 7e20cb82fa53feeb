// Moves manifest.xml's URLs from the placeholder base to where IT hosts the add-in's files.
// Used by the deployment kit (and by the tests); pure string work, no DOM or Office API.
//
// manifest.xml at the repository root carries every URL under PLACEHOLDER_BASE. The ".invalid"
// top-level domain can never resolve (RFC 2606), so a manifest that was not rewritten fails to load
// instead of loading someone else's files.

/** The base every URL in the repository's manifest.xml starts with. */
export const PLACEHOLDER_BASE = 'https://congvu-guard.invalid/outlook/';

/** Ids of the manifest's buttons, e.g. for Smart Alerts' `commandId` ("open the task pane"). */
export const MANIFEST_CONTROL_IDS = {
  composeCheck: 'cvComposeCheck',
  readCheck: 'cvReadCheck',
  reportSpam: 'cvReportSpam',
  reportPhishing: 'cvReportPhishing',
} as const;

export class ManifestRewriteError extends Error {
  override name = 'ManifestRewriteError';
}

/**
 * Checks and normalises the base URL IT gives: absolute https, no query or fragment, no user
 * name or password, nothing that would need escaping inside an XML attribute; always ends in "/".
 */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new ManifestRewriteError(`Not an absolute URL: "${baseUrl}". Give the full https:// address of the add-in's folder.`);
  }
  if (url.protocol !== 'https:') {
    throw new ManifestRewriteError(`The add-in must be served over HTTPS; got "${url.protocol}" in "${baseUrl}".`);
  }
  if (url.search || url.hash || baseUrl.includes('?') || baseUrl.includes('#')) {
    throw new ManifestRewriteError(`The base URL must not have a query or fragment: "${baseUrl}".`);
  }
  if (url.username || url.password) {
    throw new ManifestRewriteError(`The base URL must not contain a user name or password: "${baseUrl}".`);
  }
  let href = url.href;
  if (!href.endsWith('/')) href += '/';
  if (/["'<>&\s]/.test(href)) {
    throw new ManifestRewriteError(`The base URL contains a character that is not allowed here: "${baseUrl}".`);
  }
  return href;
}

function originOf(base: string): string {
  return new URL(base).origin;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface RewriteOptions {
  /** The base the manifest's URLs currently start with (default: PLACEHOLDER_BASE). */
  from?: string;
  /**
   * The Application (client) ID of the Microsoft Entra app registration IT created for Office
   * SSO (Exchange Online's spam report through Microsoft Graph). Adds `WebApplicationInfo`;
   * without it the manifest has none, as an on-premises Exchange needs.
   */
  azureAppId?: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** An Application (client) ID as the Entra admin center shows it: a GUID without braces. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Microsoft Graph delegated permissions the Graph path of the spam report uses. */
export const WEB_APPLICATION_SCOPES = ['openid', 'profile', 'Mail.Send', 'Mail.ReadWrite'] as const;

/**
 * Adds `<WebApplicationInfo>` (Office SSO) to the VersionOverrides V1_1 of a mail add-in
 * manifest, where the [MS-OWEMXML] MailAppVersionOverridesV1_1 schema allows it: right after
 * that element's `<Resources>` (the sequence is Description, Requirements, Hosts, Resources,
 * WebApplicationInfo, EquivalentAddins, …). Resource is the Application ID URI
 * `api://<resourceHost>/<appId>`. Throws ManifestRewriteError for a bad id or host, a manifest
 * that already has one, or one without a V1_1 `<Resources>`.
 */
export function addWebApplicationInfo(xml: string, appId: string, resourceHost: string): string {
  const id = appId.trim();
  if (!isGuid(id)) throw new ManifestRewriteError(`Not an application (client) ID: "${appId}". Give the GUID from the app registration, e.g. 00000000-0000-0000-0000-000000000000.`);
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(resourceHost)) throw new ManifestRewriteError(`Not a host name: "${resourceHost}".`);
  if (/<(?:[A-Za-z_][\w.-]*:)?WebApplicationInfo[\s>]/.test(xml.replace(/<!--[\s\S]*?-->/g, ''))) {
    throw new ManifestRewriteError('The manifest already has a WebApplicationInfo element.');
  }
  const open = /<VersionOverrides\b[^>]*\bxmlns\s*=\s*["']http:\/\/schemas\.microsoft\.com\/office\/mailappversionoverrides\/1\.1["'][^>]*>/.exec(xml);
  if (!open) throw new ManifestRewriteError('The manifest has no VersionOverrides V1_1 to add WebApplicationInfo to.');
  const start = open.index + open[0].length;
  const close = xml.indexOf('</VersionOverrides>', start);
  const resources = xml.lastIndexOf('</Resources>', close);
  if (close < 0 || resources < start) throw new ManifestRewriteError('The VersionOverrides V1_1 of the manifest has no <Resources> to place WebApplicationInfo after.');
  const at = resources + '</Resources>'.length;
  // Indentation of the </Resources> line, so the result reads like the rest of the file.
  const lineStart = xml.lastIndexOf('\n', resources) + 1;
  const indent = /^[ \t]*/.exec(xml.slice(lineStart, resources))![0];
  const scopes = WEB_APPLICATION_SCOPES.map((s) => `${indent}    <Scope>${s}</Scope>`).join('\n');
  const element = [
    '',
    `${indent}<WebApplicationInfo>`,
    `${indent}  <Id>${id.toLowerCase()}</Id>`,
    `${indent}  <Resource>api://${resourceHost.toLowerCase()}/${id.toLowerCase()}</Resource>`,
    `${indent}  <Scopes>`,
    scopes,
    `${indent}  </Scopes>`,
    `${indent}</WebApplicationInfo>`,
  ].join('\n');
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

/**
 * Returns the manifest with every URL attribute value (DefaultValue, Value) that starts with the
 * current base moved to `baseUrl`, and the `<AppDomain>` of the current origin moved to the new
 * origin. Comments are left alone. Throws ManifestRewriteError when the base URL is unusable or when
 * a URL under the old origin is left that does not start with the old base (it could not be moved
 * safely).
 */
export function rewriteManifest(xml: string, baseUrl: string, options: RewriteOptions = {}): string {
  const to = normalizeBaseUrl(baseUrl);
  const from = normalizeBaseUrl(options.from ?? PLACEHOLDER_BASE);
  const fromOrigin = originOf(from);
  const toOrigin = originOf(to);

  let count = 0;
  const attr = new RegExp(`(\\s(?:DefaultValue|Value)\\s*=\\s*)(["'])${escapeRegExp(from)}`, 'g');
  let out = xml.replace(attr, (_m, lead: string, quote: string) => {
    count++;
    return `${lead}${quote}${to}`;
  });
  const domain = new RegExp(`(<(?:[A-Za-z_][\\w.-]*:)?AppDomain>\\s*)${escapeRegExp(fromOrigin)}/?(\\s*</)`, 'g');
  out = out.replace(domain, (_m, open: string, close: string) => `${open}${toOrigin}${close}`);

  if (count === 0) {
    throw new ManifestRewriteError(`No URL in the manifest starts with ${from}; is this the right manifest, or was it rewritten already (pass { from })?`);
  }
  // Anything still pointing at the old origin outside comments was not moved: refuse.
  const withoutComments = out.replace(/<!--[\s\S]*?-->/g, '');
  const stale = new RegExp(`["'>]\\s*${escapeRegExp(fromOrigin)}(?=[/"'<\\s])`);
  if (from !== to && fromOrigin !== toOrigin && stale.test(withoutComments)) {
    throw new ManifestRewriteError(`A URL under ${fromOrigin} is left that does not start with ${from}; fix manifest.xml.`);
  }
  if (options.azureAppId !== undefined) out = addWebApplicationInfo(out, options.azureAppId, new URL(to).host);
  return out;
}
