import { readFileSync } from 'node:fs';
import { parse as parseScript } from 'acorn';
import { fileURLToPath } from 'node:url';
import { readAddinFiles } from '../cli/addin-files';
import { parse as parsePlist } from 'plist';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../core/policy/presets';
import { POLICY_FIELDS } from '../core/policy/schema';
import { RULE_IDS } from '../core/types';
import { rewriteManifest } from '../outlook-addin/manifest/rewrite';
import { BAKED_GLOBAL } from '../outlook-addin/policy/baked';
import { ADDIN_FILES } from '../outlook-addin/handler-names';
import { buildKit, KitError, kitPolicy } from './kit';
import { checkManifest } from './validate';
import { defaultSource } from './targets';

const kit = buildKit({ preset: 'danang', overrides: { attachmentMaxFileMB: 15, attachmentMaxTotalMB: 25, rules: { 'public-webmail-work': 'block' } } });
const file = (path: string) => {
  const f = kit.find((k) => k.path === path);
  if (!f) throw new Error(`no ${path}`);
  return f.content;
};
const text = (path: string) => {
  const c = file(path);
  return typeof c === 'string' ? c : new TextDecoder('utf-16le').decode(c.subarray(2));
};
const id = defaultSource().chromeId;
const expected = kitPolicy('danang', { attachmentMaxFileMB: 15, attachmentMaxTotalMB: 25, rules: { 'public-webmail-work': 'block' } });

function elements(xml: string): Array<{ name: string; attributes: Record<string, string> }> {
  const out: Array<{ name: string; attributes: Record<string, string> }> = [];
  const p = new SaxesParser();
  p.on('opentag', (tag) => out.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }));
  p.write(xml).close();
  return out;
}

describe('deployment kit', () => {
  it('carries the preset with IT’s overrides', () => {
    expect(expected.spamReportAddress).toBe('chanthurac@danang.gov.vn');
    expect(expected.attachmentMaxFileMB).toBe(15);
    expect(expected.rules['public-webmail-work']).toBe('block');
  });

  it('writes a .reg file regedit reads (UTF-16 with BOM) for Chrome and Edge: force-install and the policy', () => {
    const bytes = file('windows/congvu-guard-chrome-edge.reg') as Uint8Array;
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const reg = text('windows/congvu-guard-chrome-edge.reg');
    expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    for (const vendor of ['Google\\Chrome', 'Microsoft\\Edge']) {
      expect(reg).toContain(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\ExtensionInstallForcelist]`);
      const key = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\3rdparty\\extensions\\${id}\\policy`;
      expect(reg).toContain(`[${key}]\r\n`);
      expect(reg).toContain(`[${key}\\officialDomains]\r\n"1"="danang.gov.vn"\r\n"2"="quangnam.gov.vn"`);
      // Official webmail (issue 12): both systems of Art. 2.2 reach the browsers as a list.
      expect(reg).toContain(`[${key}\\officialWebmailUrls]\r\n"1"="https://mail.danang.gov.vn"\r\n"2"="https://thudientu.danang.gov.vn"`);
      expect(reg).toContain(`[${key}\\rules]\r\n"public-webmail-work"="block"`);
    }
    expect(reg).toContain(`"6909"="${id};https://clients2.google.com/service/update2/crx"`);
    expect(reg).toContain('"attachmentMaxFileMB"=dword:0000000f');
    expect(reg).toContain('"moveReportedSpamToJunk"=dword:00000001');
    expect(reg).toContain('"spamReportAddress"="chanthurac@danang.gov.vn"');
    const removal = text('windows/congvu-guard-remove.reg');
    expect(removal).toContain(`[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${id}]`);
    expect(removal).toContain('"6909"=-');
  });

  it('writes ADMX/ADML templates with one policy per setting and browser, in Vietnamese and English', () => {
    const admx = elements(text('windows/admx/congvu-guard.admx'));
    const policies = admx.filter((e) => e.name === 'policy');
    // every setting but rules, each rule, and force-install, for two browsers
    expect(policies).toHaveLength(2 * (POLICY_FIELDS.length - 1 + RULE_IDS.length + 1));
    // unsigned-document (issue 14): a switch and a list of root certificates.
    expect(policies.find((p) => p.attributes.name === 'Chrome_unitSignsDocuments')).toBeDefined();
    expect(admx.find((e) => e.name === 'list' && e.attributes.id === 'Edge_trustedSignatureRoots')?.attributes.key).toMatch(/policy\\trustedSignatureRoots$/);
    const webmails = admx.find((e) => e.name === 'list' && e.attributes.id === 'Chrome_officialWebmailUrls');
    expect(webmails?.attributes.key).toMatch(/Google\\Chrome\\3rdparty\\extensions\\.+\\policy\\officialWebmailUrls$/);
    const chromeMax = policies.find((p) => p.attributes.name === 'Chrome_attachmentMaxFileMB');
    expect(chromeMax?.attributes.key).toBe(`Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${id}\\policy`.replace('Software', 'SOFTWARE'));
    const decimal = admx.find((e) => e.name === 'decimal' && e.attributes.id === 'Chrome_attachmentMaxFileMB');
    expect(decimal?.attributes).toMatchObject({ valueName: 'attachmentMaxFileMB', minValue: '1', maxValue: '1024' });
    const list = admx.find((e) => e.name === 'list' && e.attributes.id === 'Edge_officialDomains');
    expect(list?.attributes.key).toMatch(/Microsoft\\Edge\\3rdparty\\extensions\\.+\\policy\\officialDomains$/);
    const force = policies.find((p) => p.attributes.name === 'Edge_ForceInstall');
    expect(force?.attributes).toMatchObject({ key: 'SOFTWARE\\Policies\\Microsoft\\Edge\\ExtensionInstallForcelist', valueName: '6909' });
    const vi = text('windows/admx/vi-VN/congvu-guard.adml');
    expect(vi).toContain('<string id="Chrome_attachmentMaxFileMB">Dung lượng tối đa của một tệp đính kèm</string>');
    expect(vi).toContain('<string id="Edge_officialWebmailUrls">Các hộp thư công vụ (webmail) được kiểm tra</string>');
    expect(vi).toBe(vi.normalize('NFC'));
    expect(text('windows/admx/en-US/congvu-guard.adml')).toContain('Force-install Công Vụ Guard in Microsoft Edge');
    expect(vi).toContain('<decimalTextBox refId="Chrome_attachmentMaxFileMB" defaultValue="15">');
  });

  it('writes the Linux managed-policy files for Chromium, Chrome and Edge', () => {
    for (const name of ['chromium', 'google-chrome', 'microsoft-edge']) {
      const json = JSON.parse(text(`linux/${name}/congvu-guard.json`)) as { ExtensionInstallForcelist: string[]; '3rdparty': { extensions: Record<string, unknown> } };
      expect(json.ExtensionInstallForcelist[0]).toMatch(new RegExp(`^${id};https://`));
      expect(json['3rdparty'].extensions[id]).toEqual(expected);
    }
  });

  it('writes a macOS configuration profile for Chrome and Edge', () => {
    const profile = parsePlist(text('macos/congvu-guard.mobileconfig')) as unknown as { PayloadType: string; PayloadContent: Array<Record<string, unknown>> };
    expect(profile.PayloadType).toBe('Configuration');
    expect(profile.PayloadContent.map((p) => p.PayloadType)).toEqual(['com.google.Chrome', 'com.microsoft.Edge']);
    expect((profile.PayloadContent[0]!['3rdparty'] as { extensions: Record<string, unknown> }).extensions[id]).toEqual(expected);
  });

  it('writes Firefox’s policies.json: force-install from IT’s host and the 3rdparty policy', () => {
    const json = JSON.parse(text('firefox/policies.json')) as { policies: { ExtensionSettings: Record<string, { installation_mode: string; install_url: string }>; '3rdparty': { Extensions: Record<string, unknown> } } };
    const [gecko] = Object.keys(json.policies.ExtensionSettings);
    expect(json.policies.ExtensionSettings[gecko!]!.installation_mode).toBe('force_installed');
    expect(json.policies['3rdparty'].Extensions[gecko!]).toEqual(expected);
  });

  it('writes the add-in’s hosted policy', () => {
    expect(JSON.parse(text('outlook-addin/policy.json'))).toEqual(expected);
  });

  it('refuses bad overrides and names each bad field', () => {
    expect(() => buildKit({ preset: 'danang', overrides: { attachmentMaxFileMB: 'hai mươi', rules: { 'secret-document': 'strict' } } })).toThrow(KitError);
    try {
      buildKit({ preset: 'danang', overrides: { attachmentMaxFileMB: 'hai mươi', rules: { 'secret-document': 'strict' } } });
    } catch (e) {
      expect((e as KitError).errors.map((x) => x.field)).toEqual(['attachmentMaxFileMB', 'rules.secret-document']);
      expect((e as KitError).message).toContain('attachmentMaxFileMB');
    }
    expect(() => buildKit({ preset: 'hanoi' })).toThrow(/unknown preset/);
  });

  it('writes the update manifest for a self-hosted .crx and points both browsers at it', () => {
    const hosted = buildKit({ preset: 'danang', selfHostedBase: 'https://intranet.danang.gov.vn/congvu-guard', version: '1.2.3' });
    const updates = hosted.find((f) => f.path === 'self-hosted/updates.xml')!.content as string;
    expect(updates).toContain(`<app appid='${id}'>`);
    expect(updates).toContain("<updatecheck codebase='https://intranet.danang.gov.vn/congvu-guard/congvu-guard.crx' version='1.2.3' />");
    const linux = JSON.parse(hosted.find((f) => f.path === 'linux/microsoft-edge/congvu-guard.json')!.content as string) as { ExtensionInstallForcelist: string[] };
    expect(linux.ExtensionInstallForcelist).toEqual([`${id};https://intranet.danang.gov.vn/congvu-guard/updates.xml`]);
    expect(() => buildKit({ preset: 'danang', selfHostedBase: 'http://intranet/' })).toThrow(/https/);
  });

  it('builds a kit for every preset', () => {
    for (const preset of Object.keys(PRESETS)) expect(buildKit({ preset }).length).toBeGreaterThan(8);
  });
});

describe('deployment kit: the app registration for nested app authentication (--azure-app-id)', () => {
  const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
  const manifestXml = readFileSync(new URL('../manifest.xml', import.meta.url), 'utf8');
  const schemas = fileURLToPath(new URL('../../shared/owemxml/', import.meta.url));
  const rewriter = (baseUrl: string, o?: { azureAppId?: string }) => rewriteManifest(manifestXml, baseUrl, o);
  const manifestOf = (files: ReturnType<typeof buildKit>) => files.find((f) => f.path === 'outlook-addin/manifest.xml')!.content as string;
  // What `npm run build` put in dist/outlook-addin/ (the tests run after it).
  const addinFiles = readAddinFiles(fileURLToPath(new URL('../dist/outlook-addin/', import.meta.url)));

  it('writes the client ID to outlook-addin/naa.json, where the add-in reads it, and names the redirect URI IT registers', () => {
    const files = buildKit({ preset: 'danang', addinUrl: 'https://addin.example.gov.vn/congvu-guard/', azureAppId: APP_ID.toUpperCase(), addinManifest: rewriter, manifestSchemas: schemas, addinFiles });
    const naa = files.find((f) => f.path === `outlook-addin/${ADDIN_FILES.naaConfig}`);
    expect(JSON.parse(naa!.content as string)).toEqual({ clientId: APP_ID });
    expect(files.find((f) => f.path === 'README.txt')!.content).toContain('brk-multihub://addin.example.gov.vn');
    // Nested app authentication needs no WebApplicationInfo (that served Office SSO's token).
    const xml = manifestOf(files);
    expect(xml).not.toContain('WebApplicationInfo');
    expect(checkManifest(xml, schemas)).toBe('schema');
  });

  it('without the id there is no naa.json: the spam report takes the forward form on Exchange Online', () => {
    const files = buildKit({ preset: 'danang', addinUrl: 'https://mail.danang.gov.vn/congvu-guard/', addinManifest: rewriter, manifestSchemas: schemas, addinFiles });
    expect(files.some((f) => f.path.endsWith(ADDIN_FILES.naaConfig))).toBe(false);
    expect(manifestOf(files)).not.toContain('WebApplicationInfo');
  });

  it('refuses an id that is not a GUID, naming the flag, and an id without --addin-url', () => {
    expect(() => buildKit({ preset: 'danang', addinUrl: 'https://a.example/x/', azureAppId: 'my-app', addinManifest: rewriter })).toThrow(/--azure-app-id/);
    expect(() => buildKit({ preset: 'danang', azureAppId: APP_ID })).toThrow(/--azure-app-id needs --addin-url.*brk-multihub/);
  });
});

describe('deployment kit: the add-in folder IT copies to its web server as it is (--addin-url)', () => {
  const manifestXml = readFileSync(new URL('../manifest.xml', import.meta.url), 'utf8');
  const rewriter = (baseUrl: string) => rewriteManifest(manifestXml, baseUrl);
  const built = readAddinFiles(fileURLToPath(new URL('../dist/outlook-addin/', import.meta.url)))!;
  const BASE = 'https://mail.danang.gov.vn/congvu-guard/';
  const overrides = { attachmentMaxFileMB: 5, spamReportAddress: 'baocaothurac@stttt.danang.gov.vn' };
  const folder = (files: ReturnType<typeof buildKit>) => new Map(files.filter((f) => f.path.startsWith('outlook-addin/')).map((f) => [f.path.slice('outlook-addin/'.length), f.content]));

  it('holds every built file, office.js and the icons included, with the policy and the manifest', () => {
    const schemas = fileURLToPath(new URL('../../shared/owemxml/', import.meta.url));
    const files = folder(buildKit({ preset: 'danang', overrides, addinUrl: BASE, addinManifest: rewriter, addinFiles: built, manifestSchemas: schemas }));
    for (const f of built) expect(files.has(f.path), f.path).toBe(true);
    expect(checkManifest(files.get('manifest.xml') as string, schemas)).toBe('schema');
    for (const p of ['office-js/office.js', 'assets/icon-32.png', 'commands.html', 'compose.html', 'read.html', 'launchevent.js', 'policy.json', 'manifest.xml']) expect(files.has(p), p).toBe(true);
    expect(JSON.parse(files.get('policy.json') as string)).toEqual(kitPolicy('danang', overrides));
    expect(files.get('assets/icon-32.png')).toEqual(built.find((f) => f.path === 'assets/icon-32.png')!.content);
  });

  it('bakes the base URL and the policy snapshot into launchevent.js, once, ahead of the unchanged bundle', () => {
    const script = folder(buildKit({ preset: 'danang', overrides, addinUrl: 'https://mail.danang.gov.vn/congvu-guard', addinFiles: built })).get('launchevent.js') as string;
    const original = new TextDecoder().decode(built.find((f) => f.path === 'launchevent.js')!.content as Uint8Array);
    const [first, ...rest] = script.split('\n');
    expect(rest.join('\n')).toBe(original);
    const baked = JSON.parse(first!.slice(`var ${BAKED_GLOBAL} = `.length, -1)) as { baseUrl: string; policy: unknown };
    expect(baked).toEqual({ baseUrl: BASE, policy: kitPolicy('danang', overrides) });
    // Still one script classic Outlook's ES2016 engine loads.
    expect(() => parseScript(script, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
    // A kit built from a kit's own folder does not stack two lines.
    const again = folder(buildKit({ preset: 'danang', addinUrl: BASE, addinFiles: [...built.filter((f) => f.path !== 'launchevent.js'), { path: 'launchevent.js', content: script }] })).get('launchevent.js') as string;
    expect(again.split(`var ${BAKED_GLOBAL} =`)).toHaveLength(2);
  });

  it('refuses without the built files, and when the manifest names a file the folder lacks', () => {
    expect(() => buildKit({ preset: 'danang', addinUrl: BASE, addinManifest: rewriter })).toThrow(/npm run build/);
    const noIcon = built.filter((f) => f.path !== 'assets/icon-80.png');
    expect(() => buildKit({ preset: 'danang', addinUrl: BASE, addinManifest: rewriter, addinFiles: noIcon })).toThrow(/assets\/icon-80\.png/);
  });
});
