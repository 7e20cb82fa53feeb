// @vitest-environment happy-dom
// The compose pane "Kiểm tra thư" against the fake Outlook: real documents from test/fixtures,
// the one-click Unicode conversion, and every Office failure ending in a calm message.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../core';
import { encodeLegacy } from '../../core/encoding';
import { clearAttachmentCache, policyKey } from '../launch/attachments';
import { uninstallFakeOffice } from '../office/fake-office.test-util';
import type { HostedPolicy } from '../policy/hosted-policy';
import { ComposePane } from './compose';
import type { PaneDeps } from './compose-check';
import { installComposePaneFake, waitFor, type PaneFakeOptions } from './pane-fake.test-util';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/docs', name)).toString('base64');
const GMAIL_DOC = { id: 'att-1', name: 'cong-van-lien-he-gmail.docx', size: 20_000, content: fixture('cong-van-lien-he-gmail.docx') };
const SECRET_DOC = { id: 'att-2', name: 'cong-van-mat.docx', size: 20_000, content: fixture('cong-van-mat.docx') };
const CLEAN_DOC = { id: 'att-3', name: 'cong-van-sach.docx', size: 20_000, content: fixture('cong-van-sach.docx') };
const GMAIL_PDF = { id: 'att-4', name: 'cong-van-lien-he-gmail.pdf', size: 20_000, content: fixture('cong-van-lien-he-gmail.pdf') };
const third = (name: string) => readFileSync(resolve('test/fixtures/third-party', name));
const SCANNED_PDF = { id: 'att-5', name: 'ban-scan.pdf', size: 40_000, contentType: 'application/pdf', content: third('testOCR.pdf').toString('base64') };
const PROTECTED_DOCX = { id: 'att-6', name: 'hop-dong-mat.docx', size: 30_000, content: third('testWORD_protected_passtika.docx').toString('base64') };
const OFFICIAL = { to: ['vanthu@danang.gov.vn'], subject: 'Báo cáo tuần', body: 'Kính gửi anh chị, gửi báo cáo tuần.' };

const danang = async (): Promise<HostedPolicy> => resolvePolicy({ preset: 'danang' });
const FAST: PaneDeps = { loadPolicy: danang, bounds: { callMs: 1000, scanMs: 8000 } };

let container: HTMLElement;

beforeEach(() => {
  clearAttachmentCache();
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  uninstallFakeOffice();
});

async function open(opts: PaneFakeOptions, deps: PaneDeps = FAST) {
  const fake = installComposePaneFake(opts);
  await act(async () => {
    render(<ComposePane deps={deps} />, container);
  });
  await waitFor(() => !container.querySelector('[data-testid="status"]'));
  return fake;
}

const text = () => container.textContent ?? '';
const group = (severity: string) => container.querySelector<HTMLElement>(`section.group[data-severity="${severity}"]`);

describe('compose pane: findings', () => {
  it('lists the attached docx that gives a Gmail contact, naming the file and the address, with the citation', async () => {
    await open({ ...OFFICIAL, attachments: [GMAIL_DOC] });
    const warn = group('warn');
    expect(warn?.querySelector('h2')?.textContent).toContain('Lưu ý');
    const item = warn?.querySelector('li.finding[data-rule="public-contact-in-document"]');
    expect(item?.querySelector('.title')?.textContent).toBe('Văn bản ghi địa chỉ thư công cộng');
    expect(item?.querySelector('.text')?.textContent).toContain('“cong-van-lien-he-gmail.docx”');
    expect(item?.querySelector('.file')?.textContent).toBe('Tệp: cong-van-lien-he-gmail.docx');
    expect(item?.querySelector('.addresses')?.textContent).toContain('nguyenvana@gmail.com');
    expect(item?.querySelector('.cite')?.textContent).toMatch(/^Căn cứ: Mục 1c, Chỉ thị 06\/CT-UBND/);
    expect(container.querySelector('[data-testid="clean"]')).toBeNull();
  });

  it('lists a secret-marked docx under “Chưa thể gửi”', async () => {
    await open({ ...OFFICIAL, attachments: [SECRET_DOC, CLEAN_DOC] });
    const block = group('block');
    expect(block?.querySelector('h2 .label')?.textContent).toBe('Chưa thể gửi');
    const item = block?.querySelector('li.finding[data-rule="secret-document"]');
    expect(item?.querySelector('.file')?.textContent).toBe('Tệp: cong-van-mat.docx');
    expect(item?.querySelector('.title')?.textContent).toBe('Văn bản mật');
    // The most severe group comes first.
    expect(container.querySelector('section.group')?.getAttribute('data-severity')).toBe('block');
  });

  it('reads a PDF in the pane (the launch file cannot) and lists its public contact', async () => {
    await open({ ...OFFICIAL, attachments: [GMAIL_PDF] });
    const item = container.querySelector('li.finding[data-rule="public-contact-in-document"]');
    expect(item?.querySelector('.file')?.textContent).toBe('Tệp: cong-van-lien-he-gmail.pdf');
    expect(item?.querySelector('.addresses')?.textContent).toMatch(/@gmail\.com/);
  });

  it('reads again a file the launch runtime left unreadable in sessionData', async () => {
    const policy = (await danang()).policy;
    const fake = installComposePaneFake({ ...OFFICIAL, attachments: [GMAIL_PDF] });
    const stale = { id: 'att-4', name: GMAIL_PDF.name, size: GMAIL_PDF.size, state: 'unreadable', findings: [], error: 'unsupported: PDF is checked in the task pane', policyKey: policyKey(policy) };
    fake.session.set('cvg:att:att-4', JSON.stringify(stale));
    await act(async () => {
      render(<ComposePane deps={FAST} />, container);
    });
    await waitFor(() => !container.querySelector('[data-testid="status"]'));
    expect(container.querySelector('li.finding[data-rule="public-contact-in-document"] .file')?.textContent).toBe('Tệp: cong-van-lien-he-gmail.pdf');
    expect(text()).not.toContain('Chưa kiểm tra được nội dung tệp');
  });

  it('a scanned PDF is not called clean: it says there was no text to check', async () => {
    await open({ ...OFFICIAL, attachments: [SCANNED_PDF] });
    expect(text()).toContain('“ban-scan.pdf”: Không có chữ để kiểm tra (bản quét dạng ảnh?)');
    expect(container.querySelector('[data-testid="clean"]')).toBeNull();
  });

  it('a password-protected docx is named with its reason and the draft is not called clean', async () => {
    await open({ ...OFFICIAL, attachments: [PROTECTED_DOCX] });
    expect(text()).toContain('Chưa kiểm tra được nội dung tệp “hop-dong-mat.docx” (tệp được bảo vệ bằng mật khẩu).');
    expect(container.querySelector('[data-testid="clean"]')).toBeNull();
  });

  it('a clean draft says so', async () => {
    // A unit that does not sign its documents (unsigned-document has its own tests below).
    const unsigned = async (): Promise<HostedPolicy> => {
      const hosted = resolvePolicy({ preset: 'danang' });
      return { ...hosted, policy: { ...hosted.policy, unitSignsDocuments: false } };
    };
    await open({ ...OFFICIAL, attachments: [CLEAN_DOC] }, { ...FAST, loadPolicy: unsigned });
    expect(container.querySelector('[data-testid="clean"]')?.textContent).toBe('Không phát hiện vấn đề nào trong thư và tệp đính kèm.');
    expect(container.querySelectorAll('li.finding')).toHaveLength(0);
  });

  it('an official letter without a digital signature gets a quiet note where the unit signs (Đà Nẵng)', async () => {
    await open({ ...OFFICIAL, attachments: [CLEAN_DOC] });
    expect(container.querySelector('[data-testid="clean"]')).toBeNull();
    expect(text()).toContain('“cong-van-sach.docx” là văn bản hành chính nhưng chưa có chữ ký số');
  });

  it('shows policy problems for IT', async () => {
    const broken = async (): Promise<HostedPolicy> => ({ ...resolvePolicy({ preset: 'danang' }), loadError: 'HTTP 404 for https://mail.example/policy.json' });
    await open(OFFICIAL, { ...FAST, loadPolicy: broken });
    const it = container.querySelector('[data-testid="policy-problems"]');
    expect(it?.querySelector('h2')?.textContent).toBe('Chính sách có lỗi (dành cho bộ phận CNTT)');
    expect(it?.textContent).toContain('HTTP 404');
  });

  it('“Kiểm tra lại” checks again and picks up a changed draft', async () => {
    const fake = await open(OFFICIAL);
    expect(container.querySelector('[data-testid="clean"]')).not.toBeNull();
    const before = fake.calls.filter((c) => c === 'body').length;
    (globalThis as unknown as { Office: { context: { mailbox: { item: { getAttachmentsAsync: (cb: (r: unknown) => void) => void } } } } }).Office.context.mailbox.item.getAttachmentsAsync = (cb) =>
      setTimeout(() => cb({ status: 'succeeded', value: [{ id: SECRET_DOC.id, name: SECRET_DOC.name, size: SECRET_DOC.size, attachmentType: 'file', isInline: false }] }), 0);
    (globalThis as unknown as { Office: { context: { mailbox: { item: { getAttachmentContentAsync: (id: string, cb: (r: unknown) => void) => void } } } } }).Office.context.mailbox.item.getAttachmentContentAsync = (_id, cb) =>
      setTimeout(() => cb({ status: 'succeeded', value: { format: 'base64', content: SECRET_DOC.content } }), 0);
    await act(async () => {
      container.querySelector<HTMLButtonElement>('[data-testid="recheck"]')!.click();
    });
    await waitFor(() => !container.querySelector('[data-testid="status"]'));
    expect(fake.calls.filter((c) => c === 'body').length).toBeGreaterThan(before);
    expect(group('block')?.textContent).toContain('cong-van-mat.docx');
  });
});

describe('compose pane: one-click Unicode conversion', () => {
  const UNICODE = 'Kính gửi các đồng chí trong ủy ban nhân dân thành phố về việc triển khai công văn mới';
  const LEGACY = encodeLegacy(UNICODE, 'tcvn3');

  it('converts the TCVN3 body (HTML text only) and subject, says what changed, and the finding disappears', async () => {
    const subjectUnicode = 'Về việc tổng hợp báo cáo tuần';
    const html = `<html><head><style>p { font-family: ".VnTime"; }</style></head><body><p class="x" title="giữ nguyên">${LEGACY}</p><p>Trân trọng &amp; cảm ơn.</p></body></html>`;
    const fake = await open({ ...OFFICIAL, subject: encodeLegacy(subjectUnicode, 'tcvn3'), html });
    const finding = container.querySelector('li.finding[data-rule="unicode-text"]');
    expect(finding?.closest('section')?.getAttribute('data-severity')).toBe('nudge');
    const button = finding?.querySelector<HTMLButtonElement>('button[data-action="convert-to-unicode"]');
    expect(button?.textContent).toBe('Chuyển sang Unicode');

    await act(async () => {
      button!.click();
    });
    await waitFor(() => container.querySelector('[data-testid="conversion"]') !== null && !container.querySelector('[data-testid="status"]'));

    const bodyWrite = fake.writes.find((w) => w.call === 'body');
    expect(bodyWrite?.coercionType).toBe('html');
    expect(bodyWrite?.data).toContain(`<p class="x" title="giữ nguyên">${UNICODE}</p>`);
    // Markup, styles and the untouched paragraph are kept byte for byte.
    expect(bodyWrite?.data).toContain('<style>p { font-family: ".VnTime"; }</style>');
    expect(bodyWrite?.data).toContain('<p>Trân trọng &amp; cảm ơn.</p>');
    expect(fake.writes.find((w) => w.call === 'subject')?.data).toBe(subjectUnicode);

    expect(container.querySelector('li.finding[data-rule="unicode-text"]')).toBeNull();
    expect(container.querySelector('[data-testid="conversion"]')?.textContent).toBe('Đã chuyển sang Unicode: nội dung thư (1 đoạn) và tiêu đề thư.');
    expect(container.querySelector('[data-testid="clean"]')).not.toBeNull();
  });

  it('falls back to plain text where the host cannot give HTML, and says formatting may be lost', async () => {
    const fake = await open({ ...OFFICIAL, body: LEGACY, htmlFails: true });
    await act(async () => {
      container.querySelector<HTMLButtonElement>('button[data-action="convert-to-unicode"]')!.click();
    });
    await waitFor(() => container.querySelector('[data-testid="conversion"]') !== null && !container.querySelector('[data-testid="status"]'));
    expect(fake.writes).toEqual([{ call: 'body', data: UNICODE, coercionType: 'text' }]);
    expect(text()).toContain('dạng văn bản thường');
    expect(container.querySelector('li.finding[data-rule="unicode-text"]')).toBeNull();
  });

  it('a failed write leaves the draft as it was and says so calmly', async () => {
    const fake = await open({ ...OFFICIAL, body: LEGACY, write: 'fail' });
    await act(async () => {
      container.querySelector<HTMLButtonElement>('button[data-action="convert-to-unicode"]')!.click();
    });
    await waitFor(() => container.querySelector('[data-testid="conversion"]') !== null);
    expect(container.querySelector('[data-testid="conversion"]')?.textContent).toBe('Chưa chuyển được sang Unicode (Outlook báo lỗi); thư vẫn giữ nguyên. Anh/chị có thể thử lại.');
    expect(fake.writes).toEqual([]);
    // The finding and its button are still there to try again.
    expect(container.querySelector('button[data-action="convert-to-unicode"]')).not.toBeNull();
  });
});

describe('compose pane: Office failures are calm messages, never a blank pane', () => {
  it('reads that fail are named; what could be read is still checked', async () => {
    await open({ ...OFFICIAL, attachments: [GMAIL_DOC], behaviour: { body: 'fail', subject: 'throw' } });
    expect(text()).toContain('Outlook chưa cho đọc tiêu đề thư và nội dung thư nên phần đó chưa được kiểm tra.');
    expect(container.querySelector('li.finding[data-rule="public-contact-in-document"]')).not.toBeNull();
  });

  it('every call failing still gives a pane with words in it', async () => {
    await open({ behaviour: { to: 'fail', cc: 'fail', bcc: 'fail', subject: 'fail', body: 'fail', getAttachments: 'fail' } });
    expect(text()).toContain('Outlook chưa cho đọc danh sách người nhận, tiêu đề thư, nội dung thư và danh sách tệp đính kèm');
    expect(container.querySelector('h1')?.textContent).toBe('Kiểm tra thư');
  });

  it('a host that never answers: the pane stops waiting and says so', async () => {
    await open({ ...OFFICIAL, attachments: [GMAIL_DOC], behaviour: { getAttachmentContent: 'hang' } }, { ...FAST, bounds: { callMs: 200, scanMs: 300 } });
    expect(text()).toContain('Đang đọc tệp “cong-van-lien-he-gmail.docx”');
  });

  it('Mailbox 1.5 (Exchange on-premises): attachments cannot be read here; the rest is checked', async () => {
    await open({ ...OFFICIAL, body: encodeLegacy('Kính gửi các đồng chí trong Ủy ban nhân dân thành phố', 'tcvn3'), attachments: [GMAIL_DOC], mailbox: 5 });
    expect(text()).toContain('Outlook này chưa cho phép đọc tệp đính kèm tại đây');
    expect(text()).not.toContain('Outlook chưa cho đọc');
    expect(container.querySelector('li.finding[data-rule="unicode-text"]')).not.toBeNull();
  });

  it('a check that throws shows the calm error with “Kiểm tra lại”', async () => {
    await open(OFFICIAL, { ...FAST, loadPolicy: async () => Promise.reject(new Error('boom')) });
    expect(container.querySelector('[data-testid="error"]')?.textContent).toBe('Chưa kiểm tra được thư lúc này (lỗi không mong đợi). Anh/chị vui lòng bấm “Kiểm tra lại” sau giây lát.');
    expect(container.querySelector('[data-testid="recheck"]')).not.toBeNull();
  });

  it('no item (Office without a compose item) says so', async () => {
    installComposePaneFake(OFFICIAL);
    (globalThis as unknown as { Office: { context: { mailbox: { item?: unknown } } } }).Office.context.mailbox.item = undefined;
    await act(async () => {
      render(<ComposePane deps={FAST} />, container);
    });
    await waitFor(() => !container.querySelector('[data-testid="status"]'));
    expect(container.querySelector('[data-testid="error"]')?.textContent).toContain('Chưa có thư nào để kiểm tra');
  });
});
