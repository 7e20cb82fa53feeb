// @vitest-environment happy-dom
// The read pane against the fake Outlook in read mode: an incoming document giving a Gmail
// contact is listed and gets the 'cvg-incoming' info bar; a clean message says so; older hosts
// and failing calls end in calm words.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../core';
import { mailWith } from '../../test/fixtures/mail';
import { uninstallFakeOffice } from '../office/fake-office.test-util';
import type { HostedPolicy } from '../policy/hosted-policy';
import type { PaneDeps } from './compose-check';
import { installReadPaneFake, waitFor, type ReadFakeOptions } from './pane-fake.test-util';
import { ReadPane } from './read';
import { INCOMING_BAR } from './read-check';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/docs', name)).toString('base64');
const GMAIL_DOC = { id: 'r-1', name: 'cong-van-lien-he-gmail.docx', size: 20_000, content: fixture('cong-van-lien-he-gmail.docx') };
const CLEAN_DOC = { id: 'r-2', name: 'cong-van-sach.docx', size: 20_000, content: fixture('cong-van-sach.docx') };
const RECEIVED = { from: 'vanthu@quangnam.gov.vn', subject: 'V/v phối hợp tổ chức hội nghị', body: 'Kính gửi Văn phòng UBND thành phố, xin gửi công văn kèm theo.' };

const danang = async (): Promise<HostedPolicy> => resolvePolicy({ preset: 'danang' });
const FAST: PaneDeps = { loadPolicy: danang, bounds: { callMs: 1000, scanMs: 8000 } };

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  uninstallFakeOffice();
});

async function open(opts: ReadFakeOptions, deps: PaneDeps = FAST) {
  const fake = installReadPaneFake(opts);
  await act(async () => {
    render(<ReadPane deps={deps} />, container);
  });
  await waitFor(() => !container.querySelector('[data-testid="status"]'));
  return fake;
}

const text = () => container.textContent ?? '';

describe('read pane', () => {
  it('lists an incoming docx that gives a Gmail contact and puts the cvg-incoming info bar on the message', async () => {
    const fake = await open({ ...RECEIVED, attachments: [GMAIL_DOC, CLEAN_DOC] });
    const items = container.querySelectorAll('li.finding[data-rule="public-contact-in-document"]');
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.querySelector('.text')?.textContent).toMatch(/^Văn bản “cong-van-lien-he-gmail\.docx” dùng địa chỉ thư công cộng \([^)]*nguyenvana@gmail\.com[^)]*\) làm đầu mối liên hệ\. Theo quy định, văn bản như vậy không được tiếp nhận xử lý/);
    expect(item.querySelector('.file')?.textContent).toBe('Tệp: cong-van-lien-he-gmail.docx');
    expect(item.querySelector('.addresses')?.textContent).toContain('nguyenvana@gmail.com');
    expect(item.querySelector('.cite')?.textContent).toMatch(/^Căn cứ: Mục 1c, Chỉ thị 06\/CT-UBND/);
    expect(text()).toContain('Đã kiểm tra 2 tệp đính kèm.');

    const bar = fake.bars.get(INCOMING_BAR);
    expect(bar?.type).toBe('informationalMessage');
    expect(fake.calls.filter((c) => c === 'notify')).toHaveLength(1);
    expect(bar?.message).toBe('Văn bản kèm thư dùng địa chỉ thư công cộng làm đầu mối liên hệ; theo Mục 1c, Chỉ thị 06/CT-UBND, văn bản như vậy không được tiếp nhận xử lý.');
    expect(bar!.message.length).toBeLessThanOrEqual(150);
  });

  it('a clean message says nothing was found, and takes down an old bar', async () => {
    const fake = installReadPaneFake({ ...RECEIVED, attachments: [CLEAN_DOC] });
    fake.bars.set(INCOMING_BAR, { type: 'informationalMessage', message: 'old' });
    await act(async () => {
      render(<ReadPane deps={FAST} />, container);
    });
    await waitFor(() => !container.querySelector('[data-testid="status"]'));
    expect(container.querySelector('[data-testid="clean"]')?.textContent).toBe(
      'Không phát hiện vấn đề nào: thư và các văn bản đính kèm không ghi địa chỉ thư công cộng làm đầu mối liên hệ.',
    );
    expect(container.querySelectorAll('li.finding')).toHaveLength(0);
    expect(fake.bars.has(INCOMING_BAR)).toBe(false);
  });

  it('an attached mail whose own attachment is password-protected, and a scanned PDF: each is named, and the message is not called clean', async () => {
    const third = (name: string) => readFileSync(resolve('test/fixtures/third-party', name));
    const forwarded = mailWith('Xin gui kem hop dong.', [['hop-dong-mat.docx', 'application/octet-stream', third('testWORD_protected_passtika.docx')]]);
    const EML = { id: 'r-3', name: 'thu-chuyen-tiep.eml', size: forwarded.length, content: Buffer.from(forwarded).toString('base64') };
    const SCAN = { id: 'r-4', name: 'ban-scan.pdf', size: 41_936, content: third('testOCR.pdf').toString('base64') };
    await open({ ...RECEIVED, attachments: [EML, SCAN] }, { ...FAST, bounds: { callMs: 1000, scanMs: 20_000 } });
    expect(text()).toContain('Tệp đính kèm “thu-chuyen-tiep.eml › hop-dong-mat.docx” chưa được đọc: tệp được bảo vệ bằng mật khẩu.');
    expect(text()).toContain('“ban-scan.pdf”: Không có chữ để kiểm tra (bản quét dạng ảnh?)');
    expect(container.querySelector('[data-testid="clean"]')).toBeNull();
  });

  it('a message with no attachments says so', async () => {
    await open(RECEIVED);
    expect(text()).toContain('Không phát hiện vấn đề nào');
    expect(text()).toContain('Thư không có tệp đính kèm.');
  });

  it('a body giving a public contact is listed with the body wording and bar', async () => {
    const fake = await open({ ...RECEIVED, body: 'Mọi thông tin xin liên hệ: phongkt.quangnam@gmail.com' });
    expect(container.querySelector('li.finding .text')?.textContent).toMatch(/^Thư này dùng địa chỉ thư công cộng \(phongkt\.quangnam@gmail\.com\)/);
    expect(fake.bars.get(INCOMING_BAR)?.message).toMatch(/^Thư này dùng địa chỉ thư công cộng làm đầu mối liên hệ; theo Mục 1c, Chỉ thị 06\/CT-UBND/);
  });

  it('a message from a public mailbox is flagged like the scanner flags it; a public recipient is not', async () => {
    const fromGmail = await open({ ...RECEIVED, from: 'hoidongthi.quangnam@gmail.com' });
    expect(container.querySelector('li.finding .text')?.textContent).toMatch(/^Thư này dùng địa chỉ thư công cộng \(hoidongthi\.quangnam@gmail\.com\)/);
    expect(fromGmail.bars.has(INCOMING_BAR)).toBe(true);
    render(null, container);
    uninstallFakeOffice();
    const toGmail = await open({ ...RECEIVED, to: ['canbo.danang@gmail.com'], cc: ['truongphong@yahoo.com.vn'] });
    expect(container.querySelectorAll('li.finding')).toHaveLength(0);
    expect(toGmail.bars.has(INCOMING_BAR)).toBe(false);
  });

  it('a message sent on an official From by a delegate at a public mailbox is flagged', async () => {
    await open({ ...RECEIVED, from: 'vanthu@quangnam.gov.vn', sender: 'thuky.quangnam@gmail.com' });
    expect(container.querySelector('li.finding .text')?.textContent).toMatch(/\(thuky\.quangnam@gmail\.com\)/);
  });

  it('Mailbox 1.5: says attachments cannot be read here and still checks the body', async () => {
    const fake = await open({ ...RECEIVED, attachments: [GMAIL_DOC], mailbox: 5 });
    expect(text()).toContain('Outlook này chưa cho phép đọc tệp đính kèm tại đây');
    expect(fake.calls).not.toContain('getAttachmentContent');
    expect(fake.calls).toContain('body');
  });

  it('calls that fail or hang end in calm words, not a blank pane', async () => {
    const fake = await open({ ...RECEIVED, attachments: [GMAIL_DOC], behaviour: { body: 'fail', getAttachmentContent: 'hang', notify: 'fail' } }, { ...FAST, bounds: { callMs: 200, scanMs: 300 } });
    expect(text()).toContain('Outlook chưa cho đọc nội dung thư nên phần đó chưa được kiểm tra.');
    expect(text()).toContain('Chưa kiểm tra được nội dung tệp “cong-van-lien-he-gmail.docx” (Outlook chưa phản hồi kịp).');
    expect(fake.bars.size).toBe(0);
  });

  it('the info bar refused by the host: the findings are still listed, with a note', async () => {
    await open({ ...RECEIVED, attachments: [GMAIL_DOC], behaviour: { notify: 'fail' } });
    expect(container.querySelector('li.finding[data-rule="public-contact-in-document"]')).not.toBeNull();
    expect(text()).toContain('Chưa hiện được thông báo trên thư; các phát hiện vẫn được liệt kê dưới đây.');
  });

  it('outside read mode (a compose item) says there is no message to check', async () => {
    installReadPaneFake(RECEIVED);
    (globalThis as unknown as { Office: { context: { mailbox: { item: { subject: unknown } } } } }).Office.context.mailbox.item.subject = { getAsync: () => undefined };
    await act(async () => {
      render(<ReadPane deps={FAST} />, container);
    });
    await waitFor(() => !container.querySelector('[data-testid="status"]'));
    expect(container.querySelector('[data-testid="error"]')?.textContent).toContain('Chưa có thư nào để kiểm tra');
  });
});
