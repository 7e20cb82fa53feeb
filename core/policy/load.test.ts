import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../types';
import { parsePolicyText, resolvePolicy, validateLayer } from './load';
import { PRESETS } from './presets';
import { AUTHORITY_IDS, POLICY_FIELDS, policySchema } from './schema';

describe('presets', () => {
  it('gives Đà Nẵng its regulation values', () => {
    const p = PRESETS.danang;
    expect(p.officialDomains).toContain('danang.gov.vn');
    expect(p.spamReportAddress).toBe('chanthurac@danang.gov.vn');
    expect(p.attachmentMaxFileMB).toBe(20);
    expect(p.officialWebmailUrl).toBe('https://mail.danang.gov.vn');
  });

  it('has a preset for every authority, each valid against the schema and setting every rule', () => {
    for (const id of AUTHORITY_IDS) {
      const { values, errors } = validateLayer(PRESETS[id], 'preset');
      expect(errors, id).toEqual([]);
      expect(Object.keys(values).sort()).toEqual([...POLICY_FIELDS].sort());
      expect(Object.keys(PRESETS[id].rules).sort()).toEqual([...RULE_IDS].sort());
    }
  });

  it('lists several domains where provinces merged in 2025', () => {
    expect(PRESETS.cantho.officialDomains.length).toBeGreaterThan(1);
  });
});

describe('resolvePolicy', () => {
  it('uses the neutral default when nothing is given', () => {
    const { policy, errors } = resolvePolicy();
    expect(errors).toEqual([]);
    expect(policy).toEqual(PRESETS.default);
  });

  it('puts managed over user over preset, and says where each value came from', () => {
    const r = resolvePolicy({
      preset: 'danang',
      user: { attachmentMaxFileMB: 10, language: 'en' },
      managed: { attachmentMaxFileMB: 15, rules: { 'public-webmail-work': 'block' } },
    });
    expect(r.policy.attachmentMaxFileMB).toBe(15);
    expect(r.policy.language).toBe('en');
    expect(r.policy.rules['public-webmail-work']).toBe('block');
    expect(r.policy.rules['secret-document']).toBe('block');
    expect(r.sources.attachmentMaxFileMB).toBe('managed');
    expect(r.sources.language).toBe('user');
    expect(r.sources.spamReportAddress).toBe('preset');
    expect(r.sources.rules['public-webmail-work']).toBe('managed');
    expect(r.sources.rules['unicode-text']).toBe('preset');
  });

  it('takes the preset from the authority a layer names', () => {
    const r = resolvePolicy({ managed: { authority: 'danang' } });
    expect(r.policy.spamReportAddress).toBe('chanthurac@danang.gov.vn');
  });

  it('names a bad field and keeps the safe value for that field only', () => {
    const r = resolvePolicy({
      preset: 'danang',
      managed: { attachmentMaxFileMB: 'twenty', spamReportAddress: 'spam@danang.gov.vn', rules: { 'secret-document': 'strict', 'unicode-text': 'off' } },
    });
    expect(r.errors.map((e) => e.field).sort()).toEqual(['attachmentMaxFileMB', 'rules.secret-document']);
    expect(r.errors.every((e) => e.source === 'managed' && e.problem === 'invalid')).toBe(true);
    expect(r.policy.attachmentMaxFileMB).toBe(20);
    expect(r.policy.rules['secret-document']).toBe('block');
    expect(r.policy.rules['unicode-text']).toBe('off');
    expect(r.policy.spamReportAddress).toBe('spam@danang.gov.vn');
  });

  it('falls back to the user value, not the preset, when the managed value is bad', () => {
    const r = resolvePolicy({ preset: 'danang', user: { attachmentMaxFileMB: 10 }, managed: { attachmentMaxFileMB: -1 } });
    expect(r.policy.attachmentMaxFileMB).toBe(10);
    expect(r.sources.attachmentMaxFileMB).toBe('user');
  });

  it('reports unknown fields and unknown rules without dropping the good ones', () => {
    const r = resolvePolicy({ managed: { colour: 'red', rules: { 'no-such-rule': 'warn', 'attachment-size': 'warn' } } });
    expect(r.errors.map((e) => [e.field, e.problem])).toEqual([
      ['colour', 'unknown-field'],
      ['rules.no-such-rule', 'unknown-field'],
    ]);
    expect(r.policy.rules['attachment-size']).toBe('warn');
  });

  it('accepts domains as IT types them, and points at the bad entry of a list', () => {
    const ok = resolvePolicy({ managed: { officialDomains: ['@DaNang.gov.vn ', 'quangnam.gov.vn.'] } });
    expect(ok.errors).toEqual([]);
    expect(ok.policy.officialDomains).toEqual(['danang.gov.vn', 'quangnam.gov.vn']);
    const bad = resolvePolicy({ preset: 'danang', managed: { officialDomains: ['danang.gov.vn', 'not a domain'] } });
    expect(bad.errors[0]?.field).toBe('officialDomains[1]');
    expect(bad.policy.officialDomains).toEqual(PRESETS.danang.officialDomains);
  });

  it('rejects a webmail address that is not https and a report address that is not an address', () => {
    const r = resolvePolicy({ managed: { officialWebmailUrl: 'http://mail.danang.gov.vn', spamReportAddress: 'chanthurac' } });
    expect(r.errors.map((e) => e.field).sort()).toEqual(['officialWebmailUrl', 'spamReportAddress']);
  });

  it('never lets the total limit fall below the per-file limit', () => {
    const r = resolvePolicy({ preset: 'danang', managed: { attachmentMaxFileMB: 30 } });
    expect(r.policy.attachmentMaxTotalMB).toBe(30);
    const both = resolvePolicy({ managed: { attachmentMaxFileMB: 30, attachmentMaxTotalMB: 10 } });
    expect(both.errors[0]?.field).toBe('attachmentMaxTotalMB');
  });

  it('turns a layer that is not an object into one clear error', () => {
    expect(resolvePolicy({ managed: [1, 2] }).errors[0]?.problem).toBe('not-object');
    expect(resolvePolicy({ managed: 'danang' }).errors[0]?.problem).toBe('not-object');
  });
});

describe('parsePolicyText', () => {
  it('reads JSON with a byte-order mark', () => {
    expect(parsePolicyText('\uFEFF{"language":"en"}', 'managed').value).toEqual({ language: 'en' });
  });
  it('turns a syntax error into a PolicyError', () => {
    const r = parsePolicyText('{"language": "en",', 'managed');
    expect(r.value).toBeUndefined();
    expect(r.error?.problem).toBe('not-json');
  });
});

describe('policySchema', () => {
  // Chrome's managed storage schema accepts only a subset of JSON Schema.
  const CHROME_KEYWORDS = new Set(['type', 'properties', 'items', 'enum', 'pattern', 'minimum', 'maximum', 'title', 'description', 'id', '$ref', 'additionalProperties', 'patternProperties']);
  it('uses only keywords Chrome accepts for managed storage', () => {
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        expect(CHROME_KEYWORDS.has(k), k).toBe(true);
        // Chrome refuses to load an extension whose schema bounds anything but an integer.
        if (k === 'minimum' || k === 'maximum') expect((node as { type?: string }).type).toBe('integer');
        // …and checks patterns with RE2, which has no look-around or back-references.
        if (k === 'pattern') expect(String(v)).not.toMatch(/\(\?[=!<]|\\[1-9]/);
        if (k === 'properties') for (const child of Object.values(v as object)) walk(child);
        else if (k === 'items') walk(v);
      }
    };
    walk(policySchema);
  });
});
