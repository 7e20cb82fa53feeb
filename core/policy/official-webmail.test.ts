// Official webmail (issue 12): the list of official webmails IT delivers, through the same
// validation as the single address, and the hosts where the official checks then run.
import { describe, expect, it } from 'vitest';
import { renderPolicyError } from '../messages';
import { parsePolicyText, resolvePolicy, type PolicyError } from './load';
import { checkedWebmailHosts, isCheckedWebmailPage, officialWebmailUrlsOf } from './official-webmail';
import { PRESETS } from './presets';

function managed(text: string) {
  const parsed = parsePolicyText(text, 'managed');
  return resolvePolicy({ preset: 'danang', managed: parsed.value });
}
const fields = (list: PolicyError[]) => list.map((e) => [e.field, e.problem, e.risk]);

describe('officialWebmailUrls', () => {
  it('Đà Nẵng’s preset lists both systems of Art. 2.2: Outlook on the web and OBM', () => {
    expect(PRESETS.danang.officialWebmailUrls).toEqual(['https://mail.danang.gov.vn', 'https://thudientu.danang.gov.vn']);
    expect(checkedWebmailHosts(PRESETS.danang)).toEqual(['mail.danang.gov.vn', 'thudientu.danang.gov.vn']);
    expect(PRESETS.default.officialWebmailUrls).toEqual([]);
  });

  it('keeps officialWebmailUrl working: a policy naming only it is checked on that host', () => {
    const p = resolvePolicy({ preset: 'quangngai' }).policy;
    expect(p.officialWebmailUrls).toEqual([]);
    expect(checkedWebmailHosts(p)).toEqual(['mail.quangngai.gov.vn']);
    expect(isCheckedWebmailPage(p, new URL('https://mail.quangngai.gov.vn/?_task=mail'))).toBe(true);
    expect(isCheckedWebmailPage(p, new URL('https://dichvucong.quangngai.gov.vn/'))).toBe(false);
    expect(isCheckedWebmailPage(p, new URL('http://mail.quangngai.gov.vn/'))).toBe(false);
  });

  it('takes IT’s list from managed storage, trimmed, without repeating the single address', () => {
    const r = managed(JSON.stringify({ officialWebmailUrls: [' https://mail.danang.gov.vn ', 'https://zimbra.danang.gov.vn/'] }));
    expect(r.errors).toEqual([]);
    expect(r.sources.officialWebmailUrls).toBe('managed');
    expect(officialWebmailUrlsOf(r.policy)).toEqual(['https://mail.danang.gov.vn', 'https://zimbra.danang.gov.vn/']);
  });

  it('refuses the whole list when one address is dangerous, naming the item; the preset’s list stays', () => {
    const r = managed(JSON.stringify({ officialWebmailUrls: ['https://mail.danang.gov.vn', 'https://mail.danang.gov.vn@evil.com'] }));
    expect(fields(r.errors)).toEqual([['officialWebmailUrls[1]', 'refused', 'url-user-info']]);
    expect(r.policy.officialWebmailUrls).toEqual(PRESETS.danang.officialWebmailUrls);
    expect(renderPolicyError(r.errors[0]!, 'en')).toContain('would open evil.com');
    const plain = managed(JSON.stringify({ officialWebmailUrls: ['http://mail.danang.gov.vn'] }));
    expect(fields(plain.errors)).toEqual([['officialWebmailUrls[0]', 'invalid', undefined]]);
    expect(renderPolicyError(plain.errors[0]!, 'vi')).toContain('danh sách địa chỉ web bắt đầu bằng https://');
  });

  it('keeps a host outside .gov.vn but warns IT that nothing is checked there', () => {
    const r = managed(JSON.stringify({ officialWebmailUrls: ['https://mail.danang.vn'] }));
    expect(r.errors).toEqual([]);
    expect(fields(r.warnings)).toEqual([['officialWebmailUrls[0]', 'risky', 'webmail-outside-reach']]);
    expect(checkedWebmailHosts(r.policy)).toEqual(['mail.danang.gov.vn']);
  });
});
