import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../core';
import { getHostedPolicy, loadHostedPolicy, policyProblems, policyProblemSummary, resetHostedPolicyCache } from './hosted-policy';

const BASE = 'https://addin.danang.gov.vn/congvu/commands.html';
const respond = (status: number, body: string) => vi.fn(async () => new Response(body, { status })) as unknown as typeof fetch;

beforeEach(() => resetHostedPolicyCache());

describe('hosted policy.json', () => {
  it('is fetched beside the add-in page and resolved over its preset', async () => {
    const fetch = respond(200, JSON.stringify({ authority: 'danang', attachmentMaxFileMB: 10 }));
    const hosted = await loadHostedPolicy({ baseUrl: BASE, fetch });
    expect(fetch).toHaveBeenCalledWith('https://addin.danang.gov.vn/congvu/policy.json', expect.anything());
    expect(hosted.policy.authority).toBe('danang');
    expect(hosted.policy.spamReportAddress).toBe(PRESETS.danang.spamReportAddress);
    expect(hosted.policy.attachmentMaxFileMB).toBe(10);
    expect(hosted.errors).toEqual([]);
    expect(policyProblemSummary(hosted, 'vi')).toBeUndefined();
  });

  it('keeps good fields and reports a bad one, which keeps its default', async () => {
    const hosted = await loadHostedPolicy({ baseUrl: BASE, fetch: respond(200, JSON.stringify({ authority: 'danang', attachmentMaxFileMB: 'hai mươi' })) });
    expect(hosted.policy.attachmentMaxFileMB).toBe(20);
    expect(hosted.errors.map((e) => e.field)).toEqual(['attachmentMaxFileMB']);
    expect(policyProblems(hosted, 'vi')[0]).toContain('“attachmentMaxFileMB”');
    expect(policyProblemSummary(hosted, 'vi')).toContain('có 1 thiết lập chưa dùng được');
  });

  it('refuses the same risky values as the CLI: a public report address, a deep array, a prototype rule name', async () => {
    const body = `{"authority": "danang", "spamReportAddress": "spam@gmail.com", "officialDomains": ${'['.repeat(5000)}${']'.repeat(5000)}, "rules": {"constructor": "off"}}`;
    const hosted = await loadHostedPolicy({ baseUrl: BASE, fetch: respond(200, body) });
    expect(hosted.policy.spamReportAddress).toBe(PRESETS.danang.spamReportAddress);
    expect(hosted.policy.officialDomains).toEqual(PRESETS.danang.officialDomains);
    expect(Object.keys(hosted.policy.rules)).not.toContain('constructor');
    expect(hosted.errors.map((e) => [e.field, e.problem])).toEqual([
      ['spamReportAddress', 'refused'],
      ['officialDomains', 'too-deep'],
      ['rules.constructor', 'unknown-field'],
    ]);
    expect(policyProblemSummary(hosted, 'vi')).toContain('có 3 thiết lập chưa dùng được');
  });

  it('missing file: the default preset applies and the error is reported', async () => {
    const hosted = await loadHostedPolicy({ baseUrl: BASE, fetch: respond(404, 'Not found') });
    expect(hosted.policy).toEqual(PRESETS.default);
    expect(hosted.loadError).toContain('HTTP 404');
    expect(policyProblems(hosted, 'vi')[0]).toContain('Không đọc được tệp chính sách');
    expect(policyProblemSummary(hosted, 'vi')).toContain('chưa đọc được chính sách');
  });

  it('malformed JSON: the default preset applies and a not-json error is reported', async () => {
    const hosted = await loadHostedPolicy({ baseUrl: BASE, fetch: respond(200, '{ "authority": "danang", ') });
    expect(hosted.policy).toEqual(PRESETS.default);
    expect(hosted.errors[0]?.problem).toBe('not-json');
    expect(policyProblems(hosted, 'vi')[0]).toContain('không phải JSON hợp lệ');
  });

  it('a request that never answers gives up within its timeout', async () => {
    const hang = vi.fn(() => new Promise<Response>(() => undefined)) as unknown as typeof globalThis.fetch;
    const hosted = await loadHostedPolicy({ baseUrl: BASE, fetch: hang, timeoutMs: 30 });
    expect(hosted.loadError).toContain('no answer');
    expect(hosted.policy).toEqual(PRESETS.default);
  });

  it('no page URL: defaults, reported', async () => {
    const hosted = await loadHostedPolicy({ fetch: respond(200, '{}') });
    expect(hosted.loadError).toBeDefined();
  });

  it('is cached in memory', async () => {
    const fetch = respond(200, '{"authority":"cantho"}');
    const a = await getHostedPolicy({ baseUrl: BASE, fetch });
    const b = await getHostedPolicy({ baseUrl: BASE, fetch });
    expect(a).toBe(b);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
