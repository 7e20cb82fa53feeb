import { describe, expect, it } from 'vitest';
import { renderPolicyError } from '../messages';
import { parsePolicyText, resolvePolicy, type PolicyError } from './load';
import { PRESETS } from './presets';

/** Resolve a managed policy file's text over Đà Nẵng's preset, as `policy build --preset danang` does. */
function managed(text: string) {
  const parsed = parsePolicyText(text, 'managed');
  expect(parsed.error).toBeUndefined();
  return resolvePolicy({ preset: 'danang', managed: parsed.value });
}

const fields = (list: PolicyError[]) => list.map((e) => [e.field, e.problem, e.risk]);
const danang = PRESETS.danang;

describe('rule names', () => {
  it('takes only the known rule ids, never names found on Object.prototype', () => {
    // JSON.parse makes "__proto__" an own key, unlike an object literal.
    const r = managed('{"rules": {"__proto__": "off", "constructor": "warn", "toString": "block", "hasOwnProperty": "off", "attachment-size": "warn"}}');
    expect(fields(r.errors)).toEqual([
      ['rules.__proto__', 'unknown-field', undefined],
      ['rules.constructor', 'unknown-field', undefined],
      ['rules.toString', 'unknown-field', undefined],
      ['rules.hasOwnProperty', 'unknown-field', undefined],
    ]);
    expect(Object.keys(r.policy.rules).sort()).toEqual(Object.keys(danang.rules).sort());
    expect(r.policy.rules['attachment-size']).toBe('warn');
    expect(JSON.stringify(r.policy.rules)).not.toMatch(/constructor|toString|__proto__/);
  });
});

describe('nesting', () => {
  it('turns a 5,000-deep array into one clear error naming the field, with no stack overflow', () => {
    const r = managed(`{"officialDomains": ${'['.repeat(5000)}${']'.repeat(5000)}, "attachmentMaxFileMB": 10}`);
    expect(fields(r.errors)).toEqual([['officialDomains', 'too-deep', undefined]]);
    expect(r.policy.officialDomains).toEqual(danang.officialDomains);
    expect(r.policy.attachmentMaxFileMB).toBe(10);
    expect(renderPolicyError(r.errors[0]!, 'en')).toContain('nested too deeply');
  });

  it('handles deep nesting under an unknown field and in the rules', () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const r = managed(`{"colour": ${deep}, "rules": ${deep}}`);
    expect(fields(r.errors)).toEqual([
      ['colour', 'too-deep', undefined],
      ['rules', 'too-deep', undefined],
    ]);
  });
});

describe('risky values', () => {
  it('refuses a public webmail domain as official, keeping the preset’s domains', () => {
    const r = managed('{"officialDomains": ["danang.gov.vn", "gmail.com"]}');
    expect(fields(r.errors)).toEqual([['officialDomains[1]', 'refused', 'public-webmail-official']]);
    expect(r.policy.officialDomains).toEqual(danang.officialDomains);
    expect(renderPolicyError(r.errors[0]!, 'vi')).toContain('“officialDomains[1]” = "gmail.com" không được chấp nhận: gmail.com là tên miền thư điện tử công cộng');
  });

  it('refuses public suffixes as official domains', () => {
    for (const suffix of ['com.vn', 'edu.vn', 'co.uk']) {
      const r = managed(`{"officialDomains": ["${suffix}"]}`);
      expect(fields(r.errors), suffix).toEqual([['officialDomains[0]', 'refused', 'public-suffix-official']]);
      expect(r.policy.officialDomains).toEqual(danang.officialDomains);
    }
    expect(managed('{"officialDomains": ["vn"]}').errors.map((e) => e.field)).toEqual(['officialDomains[0]']);
  });

  it('warns, and keeps the value, for gov.vn and for a server name given as a mail domain', () => {
    const r = managed('{"officialDomains": ["danang.gov.vn", "mail.danang.gov.vn", "gov.vn"]}');
    expect(r.errors).toEqual([]);
    expect(fields(r.warnings)).toEqual([
      ['officialDomains[1]', 'risky', 'server-name'],
      ['officialDomains[2]', 'risky', 'state-suffix-official'],
    ]);
    expect(r.policy.officialDomains).toEqual(['danang.gov.vn', 'mail.danang.gov.vn', 'gov.vn']);
    expect(renderPolicyError(r.warnings[0]!, 'en')).toContain('looks like the name of a server');
  });

  it('refuses government, official and public-suffix domains as extra public domains', () => {
    expect(fields(managed('{"extraPublicDomains": ["gov.vn"]}').errors)).toEqual([['extraPublicDomains[0]', 'refused', 'government-public']]);
    expect(fields(managed('{"extraPublicDomains": ["vnpt.vn", "com.vn"]}').errors)).toEqual([['extraPublicDomains[1]', 'refused', 'public-suffix-public']]);
    // An official domain outside gov.vn: refused only beside the official list that names it.
    const overlap = managed('{"officialDomains": ["danang.gov.vn", "tpdanang.vn"], "extraPublicDomains": ["tpdanang.vn"]}');
    expect(fields(overlap.errors)).toEqual([['extraPublicDomains[0]', 'refused', 'official-public']]);
    expect(overlap.policy.extraPublicDomains).toEqual([]);
    expect(overlap.policy.officialDomains).toEqual(['danang.gov.vn', 'tpdanang.vn']);
    const fine = managed('{"extraPublicDomains": ["vnpt.vn"]}');
    expect(fine.errors).toEqual([]);
    expect(fine.policy.extraPublicDomains).toEqual(['vnpt.vn']);
  });

  it('refuses a public spam-report address and warns on one outside the official domains', () => {
    const pub = managed('{"spamReportAddress": "baocaospam@gmail.com"}');
    expect(fields(pub.errors)).toEqual([['spamReportAddress', 'refused', 'public-spam-address']]);
    expect(pub.policy.spamReportAddress).toBe(danang.spamReportAddress);
    const extra = managed('{"extraPublicDomains": ["vnpt.vn"], "spamReportAddress": "spam@vnpt.vn"}');
    expect(fields(extra.errors)).toEqual([['spamReportAddress', 'refused', 'public-spam-address']]);
    expect(extra.policy.spamReportAddress).toBe(danang.spamReportAddress);
    const outside = managed('{"spamReportAddress": "abuse@vnpt.com.vn"}');
    expect(outside.errors).toEqual([]);
    expect(fields(outside.warnings)).toEqual([['spamReportAddress', 'risky', 'spam-address-outside']]);
    expect(outside.policy.spamReportAddress).toBe('abuse@vnpt.com.vn');
  });

  it('refuses a webmail URL with user info, a direction override or a control character, or not https', () => {
    const cases: Array<[string, string]> = [
      ['https://mail.danang.gov.vn@evil.com', 'url-user-info'],
      ['https://mail.danang.gov.vn/\u202Emoc.live', 'url-control'],
      ['https://mail.danang.gov.vn\u0007/', 'url-control'],
      ['https://\u2067mail.danang.gov.vn', 'url-control'],
    ];
    for (const [url, risk] of cases) {
      const r = managed(JSON.stringify({ officialWebmailUrl: url }));
      expect(fields(r.errors), url).toEqual([['officialWebmailUrl', 'refused', risk]]);
      expect(r.policy.officialWebmailUrl).toBe(danang.officialWebmailUrl);
    }
    expect(renderPolicyError(managed('{"officialWebmailUrl": "https://mail.danang.gov.vn@evil.com"}').errors[0]!, 'en')).toContain('would open evil.com');
    expect(managed('{"officialWebmailUrl": "http://mail.danang.gov.vn"}').errors.map((e) => e.field)).toEqual(['officialWebmailUrl']);
  });

  it('refuses over-long domains', () => {
    const long = `${Array.from({ length: 5 }, (_, k) => String.fromCharCode(97 + k).repeat(60)).join('.')}.gov.vn`;
    expect(long.length).toBeGreaterThan(253);
    expect(fields(managed(JSON.stringify({ officialDomains: [long] })).errors)).toEqual([['officialDomains[0]', 'refused', 'too-long']]);
    expect(fields(managed(JSON.stringify({ spamReportAddress: `spam@${long}` })).errors)).toEqual([['spamReportAddress', 'refused', 'too-long']]);
    expect(fields(managed(JSON.stringify({ spamReportAddress: `${'x'.repeat(65)}@danang.gov.vn` })).errors)).toEqual([['spamReportAddress', 'refused', 'address-too-long']]);
  });

  it('falls back to the user’s value when IT’s managed value is refused, as for any bad field', () => {
    const r = resolvePolicy({ preset: 'danang', user: { spamReportAddress: 'spam@danang.gov.vn' }, managed: { spamReportAddress: 'spam@yahoo.com' } });
    expect(r.policy.spamReportAddress).toBe('spam@danang.gov.vn');
    expect(r.sources.spamReportAddress).toBe('user');
  });

  it('keeps every preset free of refusals', () => {
    for (const [id, preset] of Object.entries(PRESETS)) expect(resolvePolicy({ preset: id as keyof typeof PRESETS, managed: preset }).errors, id).toEqual([]);
  });
});
