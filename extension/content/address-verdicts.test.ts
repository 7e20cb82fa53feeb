// @vitest-environment happy-dom
// The content script carries no provider list: the background classifies each domain a page
// meets (content/remote-public-domains.ts). Until every verdict is back, Send is held with a
// calm note, as it is for a file still being read; it goes through once they are in (issue 11).
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../core/policy';
import { gmailAdapter } from '../sites/gmail/adapter';
import { loadFixture, startWatching, type Recorder } from '../sites/test-helpers';
import { ComposeSession } from './compose-session';

// The banner's root is closed to the page; the test keeps the roots it creates, as a user sees them.
const roots: ShadowRoot[] = [];
const attach = HTMLElement.prototype.attachShadow;
HTMLElement.prototype.attachShadow = function (init: ShadowRootInit) {
  const root = attach.call(this, init);
  roots.push(root);
  return root;
};
const bannerText = () => roots.map((r) => r.textContent ?? '').join('\n');

let rec: Recorder | undefined;
let session: ComposeSession | undefined;
afterEach(() => {
  session?.dispose();
  rec?.controller.abort();
  roots.length = 0;
});

function open(unanswered: () => number) {
  loadFixture('gmail/compose-dialog-vi.html');
  rec = startWatching(gmailAdapter);
  // No rule with findings of its own here: only the pending verdicts decide.
  const policy = resolvePolicy({ managed: { authority: 'danang', rules: { 'public-webmail-work': 'off', 'attachment-size': 'off' } } }).policy;
  session = new ComposeSession(rec.opened[0]!, {
    policy: () => policy,
    lang: () => 'vi',
    extract: () => Promise.reject(new Error('no files in this test')),
    record: () => undefined,
    onFindings: () => undefined,
    unansweredDomains: unanswered,
  });
  return session;
}

describe('Send while an address is being classified', () => {
  it('is held with a “still checking the addresses” note, then goes through once the verdicts are in', () => {
    let pending = 2;
    const s = open(() => pending);
    expect(s.shouldStopSend()).toBe(true);
    expect(bannerText()).toContain('Công Vụ Guard còn đang kiểm tra các địa chỉ thư');
    pending = 0;
    s.refresh();
    expect(bannerText()).not.toContain('còn đang kiểm tra');
    expect(s.shouldStopSend()).toBe(false);
  });
});
