import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ executeScript: vi.fn(async () => []) }));
vi.mock('../host/browser-api', () => ({ browser: { runtime: { id: 'own-id' }, scripting: { executeScript: fake.executeScript } } }));
// issue 11 (official page weight): the policy names one official webmail.
vi.mock('./policy', () => ({ getPolicy: async () => ({ policy: { officialWebmailUrls: ['https://mail.danang.gov.vn/'] } }) }));

const { pageChecksMessage, PAGE_CHECKS_FILE, OFFICIAL_CHECKS_FILE } = await import('./page-checks');
const ask = { type: 'load-page-checks' };

describe('page checks (issue 11)', () => {
  beforeEach(() => fake.executeScript.mockClear());

  it('adds the checks file to the asking frame of a public webmail', async () => {
    const sender = { id: 'own-id', tab: { id: 7 } as never, frameId: 2, url: 'https://mail.google.com/mail/u/0/#inbox' };
    expect(await pageChecksMessage(ask, sender)).toBe(true);
    expect(fake.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [2] }, files: [PAGE_CHECKS_FILE] });
  });

  it('adds nothing to another host, to another extension’s sender, or without a tab', async () => {
    const tab = { id: 7 } as never;
    expect(await pageChecksMessage(ask, { id: 'own-id', tab, frameId: 0, url: 'https://mail.google.com.evil.example/' })).toBe(false);
    expect(await pageChecksMessage(ask, { id: 'own-id', tab, frameId: 0, url: 'https://dichvucong.danang.gov.vn/' })).toBe(false);
    expect(await pageChecksMessage(ask, { id: 'own-id', tab, frameId: 0, url: 'http://mail.danang.gov.vn/owa/' })).toBe(false);
    expect(await pageChecksMessage(ask, { id: 'other-id', tab, frameId: 0, url: 'https://mail.danang.gov.vn/owa/' })).toBe(false);
    expect(await pageChecksMessage(ask, { id: 'other-id', tab, frameId: 0, url: 'https://mail.google.com/' })).toBe(false);
    expect(await pageChecksMessage(ask, { id: 'own-id', frameId: 0, url: 'https://mail.google.com/' })).toBe(false);
    expect(fake.executeScript).not.toHaveBeenCalled();
  });

  it('adds the official checks file, and only it, to the asking frame of an official webmail the policy names', async () => {
    const sender = { id: 'own-id', tab: { id: 9 } as never, frameId: 3, url: 'https://mail.danang.gov.vn/?_task=mail&_action=compose' };
    expect(await pageChecksMessage(ask, sender)).toBe(true);
    expect(fake.executeScript).toHaveBeenCalledWith({ target: { tabId: 9, frameIds: [3] }, files: [OFFICIAL_CHECKS_FILE] });
  });

  it('leaves other messages to the other listeners', () => {
    expect(pageChecksMessage({ type: 'get-policy' }, { id: 'own-id' })).toBeUndefined();
    expect(pageChecksMessage({ type: 'load-page-checks', files: ['x.js'] }, { id: 'own-id', tab: { id: 1 } as never, url: 'https://evil.example/' })).not.toBeUndefined();
  });
});
