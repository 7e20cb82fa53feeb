import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../core';
import { BAKED_GLOBAL, bakeHosting } from './baked';
import { getHostedPolicy, loadHostedPolicy, policyProblems, policyProblemSummary, policyUrlFor, resetHostedPolicyCache } from './hosted-policy';

const BASE = 'https://addin.danang.gov.vn/congvu/commands.html';
const respond = (status: number, body: string) => vi.fn(async () => new Response(body, { status })) as unknown as typeof fetch;

beforeEach(() => resetHostedPolicyCache());
afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.Office;
  delete g[BAKED_GLOBAL];
});

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

  it('a request that timed out is asked again on the next event, not kept for the runtime', async () => {
    let calls = 0;
    const flaky = vi.fn(async () => {
      calls++;
      if (calls === 1) return new Promise<Response>(() => undefined);
      return new Response('{"authority":"danang","attachmentMaxFileMB":5}', { status: 200 });
    }) as unknown as typeof fetch;
    const first = await getHostedPolicy({ baseUrl: BASE, fetch: flaky, timeoutMs: 30 });
    expect(first.loadError).toContain('no answer');
    const second = await getHostedPolicy({ baseUrl: BASE, fetch: flaky, timeoutMs: 30 });
    expect(second.loadError).toBeUndefined();
    expect(second.policy.attachmentMaxFileMB).toBe(5);
    expect(flaky).toHaveBeenCalledTimes(2);
    // Once read, it is kept.
    await getHostedPolicy({ baseUrl: BASE, fetch: flaky, timeoutMs: 30 });
    expect(flaky).toHaveBeenCalledTimes(2);
  });

  it('a policy.json nested 5,000 levels deep resolves with a clear error instead of throwing; only the deep field falls back', async () => {
    for (const body of [`${'['.repeat(5000)}${']'.repeat(5000)}`, `{"officialDomains":${'['.repeat(5000)}${']'.repeat(5000)}}`, `{"authority":${'['.repeat(5000)}${']'.repeat(5000)}}`]) {
      const hosted = await loadHostedPolicy({ baseUrl: BASE, fetch: respond(200, body) });
      expect(hosted.policy).toEqual(PRESETS.default);
      expect(hosted.errors.length).toBeGreaterThan(0);
      expect(policyProblems(hosted, 'vi').join(' ')).not.toMatch(/RangeError/);
    }
    const mixed = await loadHostedPolicy({ baseUrl: BASE, fetch: respond(200, `{"authority":"danang","attachmentMaxFileMB":5,"officialDomains":${'['.repeat(5000)}${']'.repeat(5000)}}`) });
    expect(mixed.policy.attachmentMaxFileMB).toBe(5);
    expect(mixed.policy.officialDomains).toEqual(PRESETS.danang.officialDomains);
    expect(mixed.errors.map((e) => [e.field, e.problem])).toEqual([['officialDomains', 'too-deep']]);
  });
});

describe('where policy.json is looked for without a page URL (classic Outlook’s JavaScript-only runtime)', () => {
  const runtime = 'https://addin.danang.gov.vn/congvu/launchevent.js?v=3';
  const baked = { baseUrl: 'https://addin.danang.gov.vn/cu/', policy: { authority: 'danang', attachmentMaxFileMB: 7 } };

  it('Mailbox 1.14: beside the launch-event script, from Office.context.urls.javascriptRuntimeUrl', async () => {
    (globalThis as Record<string, unknown>).Office = { context: { urls: { javascriptRuntimeUrl: runtime } } };
    const fetch = respond(200, '{"authority":"danang","attachmentMaxFileMB":5}');
    const hosted = await loadHostedPolicy({ fetch, baked });
    expect(fetch).toHaveBeenCalledWith('https://addin.danang.gov.vn/congvu/policy.json', expect.anything());
    expect(hosted.policy.attachmentMaxFileMB).toBe(5);
    expect(hosted.source).toBe('hosted');
  });

  it('Mailbox 1.10–1.13: the base URL the kit baked into the script', async () => {
    (globalThis as Record<string, unknown>).Office = { context: {} };
    // As the kit writes it: one statement ahead of the bundle, read from the global object.
    (0, eval)(bakeHosting('', baked));
    const fetch = respond(200, '{"authority":"danang","attachmentMaxFileMB":5}');
    const hosted = await loadHostedPolicy({ fetch });
    expect(fetch).toHaveBeenCalledWith('https://addin.danang.gov.vn/cu/policy.json', expect.anything());
    expect(hosted.policy.attachmentMaxFileMB).toBe(5);
  });

  it('a fresh read wins over the snapshot; a failed one falls back to the snapshot and says so', async () => {
    const fresh = await loadHostedPolicy({ fetch: respond(200, '{"authority":"danang","attachmentMaxFileMB":5}'), baked });
    expect(fresh.policy.attachmentMaxFileMB).toBe(5);
    expect(policyProblemSummary(fresh, 'vi')).toBeUndefined();

    for (const fetch of [respond(503, ''), vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof globalThis.fetch, respond(200, '{ "authority": ')]) {
      const hosted = await loadHostedPolicy({ fetch, baked });
      expect(hosted.source).toBe('snapshot');
      expect(hosted.policy.attachmentMaxFileMB).toBe(7);
      expect(hosted.policy.spamReportAddress).toBe(PRESETS.danang.spamReportAddress);
      expect(policyProblemSummary(hosted, 'vi')).toContain('bản chính sách cơ quan đóng gói sẵn');
      expect(policyProblems(hosted, 'en')[0]).toContain('packaged at deployment');
    }
  });

  it('resolves policy.json in the folder of any https URL, without the URL class', () => {
    expect(policyUrlFor('https://a.gov.vn/x/launchevent.js?v=1#f')).toBe('https://a.gov.vn/x/policy.json');
    expect(policyUrlFor('https://a.gov.vn')).toBe('https://a.gov.vn/policy.json');
    expect(policyUrlFor('https://a.gov.vn/x/')).toBe('https://a.gov.vn/x/policy.json');
    expect(policyUrlFor('file:///C:/x/launchevent.js')).toBeUndefined();
  });
});
