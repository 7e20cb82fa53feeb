// Every launch handler path, against a fake Outlook (office-addin-mock): what the user sees
// (allowEvent, the Vietnamese explanation citing the rule, the info bars) and that each
// event completes exactly once.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../core';
import { ExtractError, extractDocument } from '../../core/extract';
import { mailWith } from '../../test/fixtures/mail';
import { HANDLERS } from '../handler-names';
import { fakeEvent, installFakeOffice, uninstallFakeOffice, type FakeOptions } from '../office/fake-office.test-util';
import type { HostedPolicy } from '../policy/hosted-policy';
import { clearAttachmentCache } from './attachments';
import type { LaunchBounds } from './context';
import { makeHandlers } from './handlers';
import { clearAcknowledged, type SmartAlertsCompletion } from './send-decision';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/docs/${name}`, import.meta.url)).toString('base64');
const GMAIL_DOC = { id: 'att-1', name: 'cong-van-lien-he-gmail.docx', size: 20_000, content: fixture('cong-van-lien-he-gmail.docx') };
const SECRET_DOC = { id: 'att-2', name: 'cong-van-mat.docx', size: 20_000, content: fixture('cong-van-mat.docx') };
const CLEAN_DOC = { id: 'att-3', name: 'cong-van-sach.docx', size: 20_000, content: fixture('cong-van-sach.docx') };
const BIG = { id: 'att-big', name: 'ban-ve.zip', size: 25 * 1024 * 1024, content: '' };
const third = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/third-party/${name}`, import.meta.url)));
/** A forwarded mail (an Outlook item attachment, given as EML) whose attached docx is password-protected. */
const FORWARD_PROTECTED = {
  id: 'att-eml',
  name: 'Hợp đồng chuyển tiếp',
  size: 80_000,
  format: 'eml' as const,
  attachmentType: 'item' as const,
  content: mailWith('Kinh gui anh chi, gui kem hop dong.', [['hop-dong-mat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', third('testWORD_protected_passtika.docx')]]),
};
const SCANNED_PDF = { id: 'att-pdf', name: 'ban-scan.pdf', size: 40_000, contentType: 'application/pdf', content: Buffer.from(third('testOCR.pdf')).toString('base64') };
/** The launch file's extractor: its PDF reader is a stub that fails as outlook-addin/build.ts makes it. */
const launchExtract = (name: string, bytes: Uint8Array, limits?: { timeoutMs?: number }) =>
  /\.pdf$/i.test(name) ? Promise.reject(new ExtractError('unsupported', 'PDF is checked in the task pane')) : extractDocument(name, bytes, limits);
const OFFICIAL = { to: ['vanthu@danang.gov.vn'], subject: 'Báo cáo tuần', body: 'Kính gửi anh chị, gửi báo cáo tuần.' };

const danang = async (): Promise<HostedPolicy> => resolvePolicy({ preset: 'danang' });
const FAST: Partial<LaunchBounds> = { sendMs: 4000, composeMs: 4000, scanMs: 8000, callMs: 1000, marginMs: 200 };

function handlers(bounds: Partial<LaunchBounds> = FAST, loadPolicy = danang, extract = launchExtract) {
  return makeHandlers({ bounds, loadPolicy, extract });
}

async function send(opts: FakeOptions, name: string = HANDLERS.messageSend, bounds?: Partial<LaunchBounds>) {
  const fake = installFakeOffice(opts);
  const event = fakeEvent<SmartAlertsCompletion>();
  await handlers(bounds)[name as keyof ReturnType<typeof handlers>](event);
  return { fake, event };
}

beforeEach(() => {
  clearAttachmentCache();
  clearAcknowledged();
});
afterEach(() => uninstallFakeOffice());

describe('compose events', () => {
  it('new compose from an Outlook.com account to an official recipient shows a gentle info bar with its citation', async () => {
    const fake = installFakeOffice({ ...OFFICIAL, user: 'anh.nguyen@outlook.com' });
    const event = fakeEvent();
    await handlers()[HANDLERS.newMessageCompose](event);
    expect(event.completions).toHaveLength(1);
    const bar = fake.bars.get('cvg-public-webmail-work');
    expect(bar?.type).toBe('informationalMessage');
    expect(bar?.message).toMatch(/^Thư này có vẻ là thư công vụ/);
    expect(bar?.message).toContain('Căn cứ: Mục 1b và 2a, Chỉ thị 06/CT-UBND');
    expect(bar!.message.length).toBeLessThanOrEqual(150);
  });

  it('new compose from the official mailbox to official recipients shows nothing', async () => {
    const fake = installFakeOffice(OFFICIAL);
    const event = fakeEvent();
    await handlers()[HANDLERS.newMessageCompose](event);
    expect(event.completions).toHaveLength(1);
    expect([...fake.bars.keys()]).toEqual([]);
  });

  it('attachments changed: reads the docx, caches the finding by attachment id, names the file and the address', async () => {
    const fake = installFakeOffice({ ...OFFICIAL, attachments: [GMAIL_DOC] });
    const event = fakeEvent();
    await handlers()[HANDLERS.attachmentsChanged](event);
    expect(event.completions).toEqual([undefined]);
    const bar = fake.bars.get('cvg-public-contact-in-document')?.message ?? '';
    expect(bar).toContain('“cong-van-lien-he-gmail.docx”');
    expect(bar).toMatch(/@gmail\.com/);
    expect(bar).toContain('Căn cứ: Mục 1c, Chỉ thị 06/CT-UBND');
    expect(bar.length).toBeLessThanOrEqual(150);
    const cached = JSON.parse(fake.session.get('cvg:att:att-1') ?? '{}');
    expect(cached.state).toBe('read');
    expect(cached.findings[0].rule).toBe('public-contact-in-document');
    expect(fake.calls.filter((c) => c === 'getAttachmentContent')).toHaveLength(1);
  });

  it('recipients changed uses the cached read and reads no attachment content', async () => {
    installFakeOffice({ ...OFFICIAL, attachments: [GMAIL_DOC] });
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    const fake = installFakeOffice({ ...OFFICIAL, to: ['a@danang.gov.vn', 'b@danang.gov.vn'], attachments: [GMAIL_DOC] });
    const event = fakeEvent();
    await handlers()[HANDLERS.recipientsChanged](event);
    expect(event.completions).toHaveLength(1);
    expect(fake.calls).not.toContain('getAttachmentContent');
    expect(fake.bars.get('cvg-public-contact-in-document')?.message).toContain('cong-van-lien-he-gmail.docx');
  });

  it('a compose event whose Office call throws still completes once', async () => {
    const fake = installFakeOffice({ ...OFFICIAL, behaviour: { getAttachments: 'throw', body: 'fail' } });
    const event = fakeEvent();
    await handlers()[HANDLERS.attachmentsChanged](event);
    expect(event.completions).toHaveLength(1);
    expect(fake.bars.size).toBe(0);
  });

  it('a host without Mailbox 1.11 keeps the read in memory for send', async () => {
    installFakeOffice({ ...OFFICIAL, attachments: [SECRET_DOC], mailbox: 8 });
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    const { fake, event } = await send({ ...OFFICIAL, attachments: [SECRET_DOC], mailbox: 8 });
    expect(fake.calls).not.toContain('getAttachmentContent');
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(false);
  });
});

describe('OnMessageSend (Smart Alerts)', () => {
  it('blocks a 25 MB attachment with the Vietnamese explanation and its citation', async () => {
    const { event } = await send({ ...OFFICIAL, attachments: [BIG] });
    expect(event.completions).toHaveLength(1);
    const done = event.completions[0]!;
    expect(done.allowEvent).toBe(false);
    expect(done.errorMessage).toContain('Tệp “ban-ve.zip” (25 MB) vượt giới hạn 20 MB cho mỗi tệp đính kèm');
    expect(done.errorMessage).toContain('Căn cứ: Khoản 1 Điều 7, Quy chế ban hành kèm QĐ 3712/QĐ-UBND (Đà Nẵng)');
    expect(done.errorMessage!.length).toBeLessThanOrEqual(500);
    expect(done.sendModeOverride).toBeUndefined();
  });

  it('blocks a secret-stamped docx read on attachments changed', async () => {
    installFakeOffice({ ...OFFICIAL, attachments: [SECRET_DOC] });
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    const { fake, event } = await send({ ...OFFICIAL, attachments: [SECRET_DOC] });
    expect(fake.calls).not.toContain('getAttachmentContent');
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]).toMatchObject({ allowEvent: false, cancelLabel: 'Xem lại thư' });
    expect(event.completions[0]!.errorMessage).toMatch(/Tệp “cong-van-mat\.docx” có dấu độ mật “(TUYỆT |TỐI )?MẬT”/);
    expect(event.completions[0]!.errorMessage).toContain('Khoản 3 Điều 16');
  });

  it('prompts for a public contact in a document (PromptUser on Mailbox 1.14)', async () => {
    installFakeOffice({ ...OFFICIAL, attachments: [GMAIL_DOC] });
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    const { event } = await send({ ...OFFICIAL, attachments: [GMAIL_DOC] });
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
    expect(event.completions[0]!.errorMessage).toContain('ghi địa chỉ thư công cộng');
  });

  it('on an older host, prompts once and lets the second Send through', async () => {
    const opts = { ...OFFICIAL, attachments: [GMAIL_DOC], mailbox: 12 };
    installFakeOffice(opts);
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    const first = await send(opts);
    expect(first.event.completions[0]?.allowEvent).toBe(false);
    expect(first.event.completions[0]?.sendModeOverride).toBeUndefined();
    expect(first.event.completions[0]?.errorMessage).toContain('bấm Gửi lần nữa');
    const second = await send(opts);
    expect(second.event.completions).toEqual([{ allowEvent: true }]);
  });

  it('a forwarded mail whose attached docx is password-protected is not let through as clean: the prompt names both and the reason', async () => {
    const opts = { ...OFFICIAL, attachments: [FORWARD_PROTECTED] };
    const compose = installFakeOffice(opts);
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    expect(compose.bars.get('cvg-unchecked')?.message).toContain('Chưa kiểm tra hết được nội dung tệp “Hợp đồng chuyển tiếp”');
    const { event } = await send(opts);
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser', cancelLabel: 'Xem lại thư' });
    expect(event.completions[0]!.errorMessage).toBe('Tệp đính kèm “Hợp đồng chuyển tiếp › hop-dong-mat.docx” chưa được đọc: tệp được bảo vệ bằng mật khẩu.');
  });

  it('a PDF (which the launch file cannot read) is said to be unchecked, pointing to the pane; the second Send goes on an older host', async () => {
    const opts = { ...OFFICIAL, attachments: [SCANNED_PDF], mailbox: 12 };
    installFakeOffice(opts);
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    const first = await send(opts);
    expect(first.event.completions[0]?.allowEvent).toBe(false);
    expect(first.event.completions[0]?.errorMessage).toContain('Chưa kiểm tra được nội dung tệp “ban-scan.pdf” tại đây. Anh/chị có thể mở ngăn “Kiểm tra thư” để kiểm tra.');
    expect(first.event.completions[0]?.errorMessage).toContain('bấm Gửi lần nữa');
    const second = await send(opts);
    expect(second.event.completions).toEqual([{ allowEvent: true }]);
  });

  it('many unchecked files beside a finding stay within Smart Alerts’ 500 characters and count the rest', async () => {
    const pdfs = Array.from({ length: 12 }, (_, k) => ({ ...SCANNED_PDF, id: `pdf-${k}`, name: `ban-scan-so-${k + 1}-cua-so-noi-vu-thanh-pho.pdf` }));
    const opts = { ...OFFICIAL, attachments: [GMAIL_DOC, ...pdfs] };
    installFakeOffice(opts);
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    const { event } = await send(opts);
    const message = event.completions[0]!.errorMessage!;
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message).toContain('ghi địa chỉ thư công cộng');
    expect(message).toContain('Chưa kiểm tra được nội dung tệp “ban-scan-so-1-cua-so-noi-vu-thanh-pho.pdf”, “ban-scan-so-2-cua-so-noi-vu-thanh-pho.pdf”, “ban-scan-so-3-cua-so-noi-vu-thanh-pho.pdf” tại đây.');
    expect(message).toMatch(/\(và 9 tệp khác cũng chưa được kiểm tra tại đây\)$/);
  });

  it('allows a clean message', async () => {
    installFakeOffice({ ...OFFICIAL, attachments: [CLEAN_DOC] });
    await handlers()[HANDLERS.attachmentsChanged](fakeEvent());
    const { event } = await send({ ...OFFICIAL, attachments: [CLEAN_DOC] });
    expect(event.completions).toEqual([{ allowEvent: true }]);
  });

  it('allows legacy-encoded text with an info bar (nudge)', async () => {
    const { fake, event } = await send({ ...OFFICIAL, body: 'Kýnh göi: Së Th«ng tin vµ TruyÒn th«ng thµnh phè §µ N½ng' });
    expect(event.completions).toEqual([{ allowEvent: true }]);
    expect(fake.bars.get('cvg-unicode-text')?.message).toMatch(/bảng mã cũ/);
  });

  it('a failed Office call (attachment list) completes once per policy: blocks while the files are unknown', async () => {
    const { event } = await send({ ...OFFICIAL, attachments: [CLEAN_DOC], behaviour: { getAttachments: 'fail' } });
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(false);
    expect(event.completions[0]?.errorMessage).toContain('chưa kiểm tra xong');
  });

  it('a failed Office call completes once and allows when the policy blocks nothing about attachments', async () => {
    const lenient = async (): Promise<HostedPolicy> => resolvePolicy({ preset: 'danang', managed: { rules: { 'attachment-size': 'warn', 'secret-document': 'warn' } } });
    installFakeOffice({ ...OFFICIAL, behaviour: { getAttachments: 'fail' } });
    const event = fakeEvent<SmartAlertsCompletion>();
    await makeHandlers({ bounds: FAST, loadPolicy: lenient })[HANDLERS.messageSend](event);
    expect(event.completions).toEqual([{ allowEvent: true }]);
  });

  it('a call that never answers completes once within the bound', async () => {
    const started = Date.now();
    const { event } = await send({ ...OFFICIAL, behaviour: { getAttachments: 'hang' } }, HANDLERS.messageSend, { ...FAST, sendMs: 300, callMs: 5000 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(false);
  });

  it('a late callback after the bound causes no second completed()', async () => {
    const { fake, event } = await send({ ...OFFICIAL, behaviour: { subject: 'hang' } }, HANDLERS.messageSend, { ...FAST, sendMs: 200, callMs: 5000 });
    expect(event.completions).toHaveLength(1);
    for (const late of fake.held) late();
    await new Promise((r) => setTimeout(r, 100));
    expect(event.completions).toHaveLength(1);
  });

  it('an exception inside (policy loader throws) completes once', async () => {
    installFakeOffice(OFFICIAL);
    const event = fakeEvent<SmartAlertsCompletion>();
    await makeHandlers({ bounds: FAST, loadPolicy: () => Promise.reject(new Error('boom')) })[HANDLERS.messageSend](event);
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(false);
  });
});

describe('ItemSend (legacy on-send, Mailbox 1.8)', () => {
  it('blocks a 25 MB attachment and explains in the notification bar', async () => {
    const { fake, event } = await send({ ...OFFICIAL, attachments: [BIG], mailbox: 8 }, HANDLERS.itemSend);
    expect(event.completions).toEqual([{ allowEvent: false }]);
    const bar = fake.bars.get('cvg-send');
    expect(bar?.type).toBe('errorMessage');
    expect(bar?.message).toContain('ban-ve.zip');
    expect(bar!.message.length).toBeLessThanOrEqual(150);
  });

  it('reads attachments itself (no attachments-changed event there) and blocks a secret document', async () => {
    const { fake, event } = await send({ ...OFFICIAL, attachments: [SECRET_DOC], mailbox: 8 }, HANDLERS.itemSend);
    expect(fake.calls).toContain('getAttachmentContent');
    expect(event.completions).toEqual([{ allowEvent: false }]);
    expect(fake.bars.get('cvg-send')?.message).toContain('cong-van-mat.docx');
  });

  it('allows a clean message', async () => {
    const { event } = await send({ ...OFFICIAL, mailbox: 8 }, HANDLERS.itemSend);
    expect(event.completions).toEqual([{ allowEvent: true }]);
  });

  it('warns once for a public contact, then lets the second send through', async () => {
    const opts = { ...OFFICIAL, attachments: [GMAIL_DOC], mailbox: 8 };
    const first = await send(opts, HANDLERS.itemSend);
    expect(first.event.completions).toEqual([{ allowEvent: false }]);
    expect(first.fake.bars.get('cvg-send-again')?.message).toContain('bấm Gửi lần nữa');
    const second = await send(opts, HANDLERS.itemSend);
    expect(second.event.completions).toEqual([{ allowEvent: true }]);
  });

  it('a hang completes once within the bound and explains', async () => {
    const { fake, event } = await send({ ...OFFICIAL, mailbox: 8, behaviour: { getAttachments: 'hang' } }, HANDLERS.itemSend, { ...FAST, sendMs: 200, callMs: 5000 });
    expect(event.completions).toEqual([{ allowEvent: false }]);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.bars.get('cvg-send')?.message).toContain('chưa kiểm tra xong');
  });

  it('a throwing Office call completes once', async () => {
    const { event } = await send({ ...OFFICIAL, mailbox: 8, behaviour: { to: 'throw', subject: 'throw', body: 'throw' } }, HANDLERS.itemSend);
    expect(event.completions).toEqual([{ allowEvent: true }]);
  });
});
