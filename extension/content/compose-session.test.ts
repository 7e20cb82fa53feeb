// @vitest-environment happy-dom
// A Send attempt while an attached file is still being read is held with a calm note, and a
// file that could not be read is named, never taken as clean (issue 9, item 5); nor is a file
// read only in part: an attachment inside it not read, or no text at all (issue 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../core/extract';
import { resolvePolicy } from '../../core/policy';
import type { ExtractedDocument } from '../../core/types';
import { gmailAdapter } from '../sites/gmail/adapter';
import { flush, loadFixture, startWatching, type Recorder } from '../sites/test-helpers';
import { ComposeSession } from './compose-session';
import { ReadFailure } from './read-failure';
import { mailWith } from '../../test/fixtures/mail';

// The banner lives in a closed shadow root; the test keeps the roots the page itself never gets.
const roots: ShadowRoot[] = [];
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  roots.push(root);
  return root;
};

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

function open(read: (file: File) => Promise<ExtractedDocument>, lang: 'vi' | 'en' = 'vi') {
  loadFixture('gmail/compose-dialog-vi.html');
  rec = startWatching(gmailAdapter);
  // Work mail is not what this test is about: that rule is off, so only the files decide.
  const policy = resolvePolicy({ managed: { authority: 'danang', rules: { 'public-webmail-work': 'off', 'attachment-size': 'off' } } }).policy;
  session = new ComposeSession(rec.opened[0]!, { policy: () => policy, lang: () => lang, extract: read, record: () => undefined, onFindings: () => undefined });
  return session;
}

const bannerText = () =>
  roots
    .filter((r) => r.host.isConnected)
    .map((r) => r.textContent ?? '')
    .join('\n');
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

// Under happy-dom import.meta.url is no file URL; the tests run from the repository root.
const third = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), 'test/fixtures/third-party', name)));
const realRead = (f: File) => f.arrayBuffer().then((b) => extractDocument(f.name, new Uint8Array(b)));

describe('a file read only in part is never taken as clean', () => {
  it('a mail whose attached docx is password-protected: the mail and the docx are named, with the reason, and Send waits', async () => {
    const eml = mailWith('Kinh gui anh chi, xin gui kem hop dong.', [['hop-dong-mat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', third('testWORD_protected_passtika.docx')]]);
    const s = open(realRead);
    s.addFile(new File([eml], 'thu-chuyen-tiep.eml', { type: 'message/rfc822' }));
    // Read for real: wait for the reader, not for a fixed time.
    await vi.waitFor(() => expect(bannerText()).toContain('chưa được kiểm tra hết'), { timeout: 15_000 });
    const text = bannerText();
    expect(text).toContain('Tệp “thu-chuyen-tiep.eml” chưa được kiểm tra hết');
    expect(text).toContain('Tệp đính kèm “hop-dong-mat.docx” chưa được đọc: tệp được bảo vệ bằng mật khẩu.');
    expect(text).toContain('Tôi đã hiểu');
    expect(s.shouldStopSend()).toBe(true);
    expect(bannerText()).toContain('bấm “Tôi đã hiểu” trước khi gửi');
  });

  it('a scanned PDF with no text says nothing in it was checked, in English too', async () => {
    const s = open(realRead, 'en');
    s.addFile(new File([third('testOCR.pdf')], 'ban-scan.pdf', { type: 'application/pdf' }));
    await vi.waitFor(() => expect(bannerText()).toContain('was not checked in full'), { timeout: 15_000 });
    const text = bannerText();
    expect(text).toContain('“ban-scan.pdf” was not checked in full');
    expect(text).toContain('No text to check (scanned image?)');
    expect(s.shouldStopSend()).toBe(true);
  });
});

// unsigned-document (issue 14): the signature state shows beside the file, and never holds Send.
describe('the signature state of an attached file', () => {
  const signed = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/signatures', name));
  it('names the signer, says the file was edited after signing, and lets Send go on', async () => {
    const s = open((file) => file.arrayBuffer().then((b) => extractDocument(file.name, new Uint8Array(b))));
    s.addFile(new File([signed('cong-van-ky-so-sua-sau.pdf')], 'cong-van-ky-so-sua-sau.pdf', { type: 'application/pdf' }));
    await vi.waitFor(() => expect(bannerText()).toContain('Chữ ký số: cong-van-ky-so-sua-sau.pdf'), { timeout: 20_000 });
    expect(bannerText()).toContain('Nguyễn Văn Ánh (UBND thành phố Đà Nẵng, anh.nv@danang.gov.vn): chữ ký hợp lệ; tệp đã được sửa thêm sau khi ký');
    expect(s.shouldStopSend()).toBe(false);
  });
});
