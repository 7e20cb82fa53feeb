// rewriteManifest(): moves the placeholder URLs to where IT hosts the add-in; the result must
// still validate.
import { describe, expect, it } from 'vitest';
import { ManifestRewriteError, PLACEHOLDER_BASE, normalizeBaseUrl, rewriteManifest } from '../../outlook-addin/manifest/rewrite';
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
