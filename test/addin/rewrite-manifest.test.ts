// rewriteManifest(): moves the placeholder URLs to where IT hosts the add-in; the result must
// still validate.
import { describe, expect, it } from 'vitest';
import { addWebApplicationInfo, ManifestRewriteError, PLACEHOLDER_BASE, normalizeBaseUrl, rewriteManifest } from '../../outlook-addin/manifest/rewrite';
import { collectUrls, parseXml, readManifest, xmllint } from './manifest-helpers';

const xml = readManifest();
const DANANG = 'https://mail.danang.gov.vn/congvu-guard/';

describe('rewriteManifest', () => {
  it('moves every URL to https://mail.danang.gov.vn/congvu-guard/ and the result still validates', () => {
    const out = rewriteManifest(xml, DANANG);
    const urls = collectUrls(parseXml(out));
    expect(urls.length).toBe(collectUrls(parseXml(xml)).length);
    for (const { where, url } of urls) {
      if (where === 'AppDomain') expect(url).toBe('https://mail.danang.gov.vn');
      else expect(url.startsWith(DANANG), `${where}: ${url}`).toBe(true);
    }
    expect(out).toContain(`DefaultValue="${DANANG}launchevent.js"`);
    expect(out).toContain(`DefaultValue="${DANANG}commands.html"`);
    const r = xmllint(out);
    expect(r.status, r.output).toBe(0);
  });

  it('leaves everything but the URLs alone (comments included)', () => {
    const out = rewriteManifest(xml, DANANG);
    const strip = (s: string) => s.replace(/(?:https:\/\/congvu-guard\.invalid\/outlook\/|https:\/\/mail\.danang\.gov\.vn\/congvu-guard\/)/g, 'BASE/').replace(/https:\/\/(?:congvu-guard\.invalid|mail\.danang\.gov\.vn)</g, 'ORIGIN<');
    expect(strip(out)).toBe(strip(xml));
    expect(out).toContain('<!--');
  });

  it('adds the trailing slash and accepts a port', () => {
    const out = rewriteManifest(xml, 'https://addins.example.gov.vn:8443/outlook');
    expect(out).toContain('DefaultValue="https://addins.example.gov.vn:8443/outlook/read.html"');
    expect(out).toContain('<AppDomain>https://addins.example.gov.vn:8443</AppDomain>');
    expect(xmllint(out).status).toBe(0);
  });

  it('moves an already rewritten manifest again with { from }', () => {
    const once = rewriteManifest(xml, DANANG);
    expect(() => rewriteManifest(once, 'https://other.example/x/')).toThrow(ManifestRewriteError);
    const twice = rewriteManifest(once, 'https://other.example/x/', { from: DANANG });
    expect(twice).toBe(rewriteManifest(xml, 'https://other.example/x/'));
  });

  it('refuses base URLs that cannot be served or would break the XML', () => {
    for (const bad of ['http://mail.danang.gov.vn/congvu-guard/', 'mail.danang.gov.vn/x/', 'https://h.example/x/?a=1&b=2', 'https://h.example/x/#top', "https://h.example/it's/", 'https://user:pw@h.example/x/']) {
      expect(() => rewriteManifest(xml, bad), bad).toThrow(ManifestRewriteError);
    }
  });

  it('normalises the base URL', () => {
    expect(normalizeBaseUrl(' https://MAIL.danang.gov.vn/congvu-guard ')).toBe(DANANG);
    expect(normalizeBaseUrl(PLACEHOLDER_BASE)).toBe(PLACEHOLDER_BASE);
  });
});

describe('WebApplicationInfo (Office SSO for the Exchange Online spam report)', () => {
  const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

  it('is not in the repository manifest, nor in a rewrite without azureAppId (on-premises Exchange)', () => {
    expect(xml).not.toContain('WebApplicationInfo');
    expect(rewriteManifest(xml, DANANG)).not.toContain('WebApplicationInfo');
  });

  it('with azureAppId: added after the V1_1 Resources, api://host/id, the four scopes, and it validates', () => {
    const out = rewriteManifest(xml, DANANG, { azureAppId: APP_ID.toUpperCase() });
    expect(out.match(/<WebApplicationInfo>/g)).toHaveLength(1);
    const block = /<WebApplicationInfo>[\s\S]*?<\/WebApplicationInfo>/.exec(out)![0];
    expect(block).toContain(`<Id>${APP_ID}</Id>`);
    expect(block).toContain(`<Resource>api://mail.danang.gov.vn/${APP_ID}</Resource>`);
    expect([...block.matchAll(/<Scope>([^<]+)<\/Scope>/g)].map((m) => m[1])).toEqual(['openid', 'profile', 'Mail.Send', 'Mail.ReadWrite']);
    // Inside the V1_1 VersionOverrides, right after its Resources, before both closing tags.
    expect(out).toMatch(/<\/Resources>\s*<WebApplicationInfo>[\s\S]*<\/WebApplicationInfo>\s*<\/VersionOverrides>\s*<\/VersionOverrides>\s*<\/OfficeApp>/);
    const r = xmllint(out);
    expect(r.status, r.output).toBe(0);
  });

  it('the schema accepts it only there: before Resources it is refused', () => {
    const out = rewriteManifest(xml, DANANG, { azureAppId: APP_ID });
    const block = /\s*<WebApplicationInfo>[\s\S]*?<\/WebApplicationInfo>/.exec(out)![0];
    const withoutBlock = out.replace(block, '');
    const v11Resources = withoutBlock.lastIndexOf('<Resources>');
    const misplaced = `${withoutBlock.slice(0, v11Resources)}${block.trim()}${withoutBlock.slice(v11Resources)}`;
    expect(xmllint(misplaced).status).not.toBe(0);
  });

  it('keeps the port in the Application ID URI and refuses bad ids and a second element', () => {
    expect(rewriteManifest(xml, 'https://addins.example.gov.vn:8443/outlook', { azureAppId: APP_ID })).toContain(`<Resource>api://addins.example.gov.vn:8443/${APP_ID}</Resource>`);
    for (const bad of ['', 'not-a-guid', `{${APP_ID}}`, `${APP_ID}x`, '3f2504e0-4f89-11d3-9a0c-0305e82c330']) {
      expect(() => rewriteManifest(xml, DANANG, { azureAppId: bad }), bad).toThrow(ManifestRewriteError);
    }
    const once = addWebApplicationInfo(xml, APP_ID, 'mail.danang.gov.vn');
    expect(() => addWebApplicationInfo(once, APP_ID, 'mail.danang.gov.vn')).toThrow(/already/);
  });
});
