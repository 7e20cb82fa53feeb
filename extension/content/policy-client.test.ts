// issue 11 (page weight): a public webmail tab keeps none of the policy's words until its checks
// load, then has them all before the first banner is drawn.
import { describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../core/policy/presets';

const stored = vi.hoisted(() => ({ state: undefined as unknown }));
vi.mock('../host/browser-api', () => ({
  browser: {
    runtime: { sendMessage: async () => stored.state },
    storage: { local: { get: async () => ({ resolvedPolicyState: stored.state }) }, onChanged: { addListener() {} } },
  },
}));
vi.mock('../../core/messages/vi', async () => ({ vi: {} }));
vi.mock('../../core/messages/en', async () => ({ en: {} }));

const { PolicyClient } = await import('./policy-client');
const { catalog } = await import('../../core/messages');

describe('PolicyClient with the words on demand', () => {
  it('holds no catalog after loading the policy, and installs it when asked', async () => {
    stored.state = { policy: { ...PRESETS.danang, language: 'vi' }, errors: [], warnings: [], sources: {}, usingCachedManaged: false, messages: { 'banner.send-stopped': 'Thư chưa được gửi.' } };
    const client = new PolicyClient(() => undefined, { messagesOnDemand: true });
    await client.load();
    await new Promise((r) => setTimeout(r, 10));
    expect(client.state?.policy.language).toBe('vi');
    expect(client.state?.messages).toBeUndefined();
    expect(catalog('vi')['banner.send-stopped']).toBeUndefined();
    await client.installMessages();
    expect(catalog('vi')['banner.send-stopped']).toBe('Thư chưa được gửi.');
  });

  it('keeps them at once by default (official webmail, account pages)', async () => {
    stored.state = { policy: { ...PRESETS.danang, language: 'en' }, errors: [], warnings: [], sources: {}, usingCachedManaged: false, messages: { 'banner.close': 'Close' } };
    const client = new PolicyClient(() => undefined);
    await client.load();
    expect(catalog('en')['banner.close']).toBe('Close');
  });
});
