// @vitest-environment happy-dom
// A Send attempt while an attached file is still being read is held with a calm note, and a
// file that could not be read is named, never taken as clean (issue 9, item 5).
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../core/policy';
import type { ExtractedDocument } from '../../core/types';
import { gmailAdapter } from '../sites/gmail/adapter';
import { flush, loadFixture, startWatching, type Recorder } from '../sites/test-helpers';
import { ComposeSession } from './compose-session';
import { ReadFailure } from './read-failure';

let rec: Recorder | undefined;
let session: ComposeSession | undefined;
afterEach(() => {
  session?.dispose();
  rec?.controller.abort();
});

/** A file read the test finishes when it chooses, as the extension's reader would. */
function deferredRead() {
  let settle!: { resolve(d: ExtractedDocument): void; reject(e: Error): void };
  const promise = new Promise<ExtractedDocument>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

function open(read: () => Promise<ExtractedDocument>) {
  loadFixture('gmail/compose-dialog-vi.html');
  rec = startWatching(gmailAdapter);
  // Work mail is not what this test is about: that rule is off, so only the files decide.
  const policy = resolvePolicy({ managed: { authority: 'danang', rules: { 'public-webmail-work': 'off', 'attachment-size': 'off' } } }).policy;
  session = new ComposeSession(rec.opened[0]!, { policy: () => policy, lang: () => 'vi', extract: read, record: () => undefined, onFindings: () => undefined });
  return session;
}

const bannerText = () => [...document.querySelectorAll('[data-congvu-banner-host]')].map((h) => h.shadowRoot?.textContent ?? '').join('\n');
const clean: ExtractedDocument = { text: 'Báo cáo quý IV', links: [], legacy: [], parts: [] };

describe('Send while a file is being read', () => {
  it('is held with a “still checking” note, then goes through once the file is read clean', async () => {
    const read = deferredRead();
    const s = open(() => read.promise);
    s.addFile(new File(['x'], 'bao-cao.docx'));
    expect(s.shouldStopSend()).toBe(true);
    expect(bannerText()).toContain('Công Vụ Guard còn đang kiểm tra tệp “bao-cao.docx”');
    read.resolve(clean);
    await flush();
    expect(bannerText()).not.toContain('còn đang kiểm tra');
    expect(s.shouldStopSend()).toBe(false);
  });

  it('names a file the reader had to stop, and Send waits until the user has read that', async () => {
    const read = deferredRead();
    const s = open(() => read.promise);
    s.addFile(new File(['x'], 'trang-style.html'));
    read.reject(new ReadFailure('timeout', 'Reading took longer than 20 s and was stopped.'));
    await flush();
    const text = bannerText();
    expect(text).toContain('Chưa kiểm tra được tệp “trang-style.html”');
    expect(text).toContain('việc đọc tệp kéo dài quá 20 giây');
    expect(s.shouldStopSend()).toBe(true);
  });
});
