import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../core/policy/presets';
import type { Policy } from '../../core/policy';

const fake = vi.hoisted(() => ({ executeScript: vi.fn(async () => []) }));
vi.mock('../host/browser-api', () => ({ browser: { scripting: { executeScript: fake.executeScript } } }));

const { accountPagesMatches, loadPasswordChecklist, PASSWORD_CHECKLIST_FILE } = await import('./account-pages-script');

const policy = (over: Partial<Policy> = {}): Policy => ({ ...PRESETS.danang, ...over, rules: { ...PRESETS.danang.rules, ...over.rules } });

describe('account pages script', () => {
  beforeEach(() => fake.executeScript.mockClear());

  it('goes to the official webmail host only, and nowhere when both rules are off', () => {
    // Đà Nẵng lists both of its webmails (Art. 2.2): Outlook on the web and OBM.
    const both = ['https://mail.danang.gov.vn/*', 'https://thudientu.danang.gov.vn/*'];
    expect(accountPagesMatches(policy())).toEqual(both);
    expect(accountPagesMatches(policy({ officialWebmailUrl: 'https://webmail.example.com', officialWebmailUrls: [] }))).toEqual([]);
    expect(accountPagesMatches(policy({ rules: { ...PRESETS.danang.rules, 'auto-forward-public': 'off', 'password-policy': 'off' } }))).toEqual([]);
    expect(accountPagesMatches(policy({ rules: { ...PRESETS.danang.rules, 'password-policy': 'off' } }))).toEqual(both);
  });

  it('adds the checklist to the asking frame of the official host', async () => {
    const sender = { tab: { id: 7 } as never, frameId: 3, url: 'https://mail.danang.gov.vn/owa/auth/expiredpassword.aspx?url=/owa' };
    expect(await loadPasswordChecklist(sender, policy())).toBe(true);
    expect(fake.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: [PASSWORD_CHECKLIST_FILE] });
  });

  it('adds nothing for another site, or when the rule is off', async () => {
    const elsewhere = { tab: { id: 7 } as never, frameId: 0, url: 'https://dichvucong.danang.gov.vn/dang-ky' };
    expect(await loadPasswordChecklist(elsewhere, policy())).toBe(false);
    const official = { tab: { id: 7 } as never, frameId: 0, url: 'https://mail.danang.gov.vn/owa/' };
    expect(await loadPasswordChecklist(official, policy({ rules: { ...PRESETS.danang.rules, 'password-policy': 'off' } }))).toBe(false);
    expect(fake.executeScript).not.toHaveBeenCalled();
  });
});
