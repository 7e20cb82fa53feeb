// The built task panes (dist/outlook-addin/compose.html, read.html) in Debian's Chromium on the
// simulated Office host, at a pane's width: what a civil servant sees and clicks.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../core/encoding';
import { mailWith } from '../fixtures/mail';
import { launchChromium, openHostedPage, ROOT } from './serve';

const SHOTS = join(ROOT, 'dist/screenshots');
const b64 = (f: string) => readFileSync(join(ROOT, 'test/fixtures/docs', f)).toString('base64');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const third = (f: string) => readFileSync(join(ROOT, 'test/fixtures/third-party', f));

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const pane = (file: string, config: object): Promise<Page> => openHostedPage(browser, { file, config, viewport: { width: 340, height: 900 } });

describe('Outlook task panes in Chromium on the simulated host', () => {
  it('"Kiểm tra thư" lists what the draft and its files break, and converts legacy text in one click', async () => {
    const legacyBody = encodeLegacy('Kính gửi các đồng chí lãnh đạo Sở Nội vụ thành phố Đà Nẵng', 'tcvn3');
    const page = await pane('compose.html', {
      mode: 'compose',
      supportedSets: { Mailbox: '1.14' },
      item: {
        subject: 'V/v báo cáo',
        to: ['vanphong@danang.gov.vn'],
        body: legacyBody,
        attachments: [
          { id: 'a1', name: 'cong-van-lien-he-gmail.docx', contentType: DOCX, content: b64('cong-van-lien-he-gmail.docx') },
          { id: 'a2', name: 'cong-van-lien-he-gmail.pdf', contentType: 'application/pdf', content: b64('cong-van-lien-he-gmail.pdf') },
          { id: 'a3', name: 'cong-van-mat.docx', contentType: DOCX, content: b64('cong-van-mat.docx') },
        ],
      },
    });
    await page.waitForFunction(`document.body.textContent.includes('nguyenvana@gmail.com') && document.body.textContent.includes('cong-van-mat.docx')`, undefined, { timeout: 20_000 });
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('Chưa thể gửi');
    expect(text).toContain('cong-van-lien-he-gmail.pdf');
    expect(text).toContain('Căn cứ:');
    expect(text).toBe(text.normalize('NFC'));
    await page.screenshot({ path: join(SHOTS, 'outlook-compose-pane.png'), fullPage: true });
    await page.getByRole('button', { name: 'Chuyển sang Unicode' }).click();
    await page.waitForFunction(`window.__officeSim.state.calls.some((c) => c.name === 'body.setAsync')`);
    const written = await page.evaluate<string>(`window.__officeSim.state.calls.filter((c) => c.name === 'body.setAsync').pop().args[0]`);
    expect(written).toContain('Kính gửi các đồng chí lãnh đạo Sở Nội vụ thành phố Đà Nẵng');
    await page.close();
  });

  it('"Kiểm tra thư" never calls a draft clean when a file was read only in part: a scan with no text, a mail with a protected docx', async () => {
    const eml = Buffer.from(mailWith('Kinh gui anh chi, gui kem hop dong.', [['hop-dong-mat.docx', DOCX, third('testWORD_protected_passtika.docx')]])).toString('base64');
    const page = await pane('compose.html', {
      mode: 'compose',
      supportedSets: { Mailbox: '1.14' },
      item: {
        subject: 'V/v báo cáo',
        to: ['vanphong@danang.gov.vn'],
        body: 'Kính gửi Văn phòng, xin gửi báo cáo.',
        attachments: [
          { id: 'n1', name: 'ban-scan.pdf', contentType: 'application/pdf', content: third('testOCR.pdf').toString('base64') },
          { id: 'n2', name: 'thu-chuyen-tiep.eml', contentType: 'message/rfc822', content: eml },
        ],
      },
    });
    await page.waitForFunction(`document.body.textContent.includes('ban-scan.pdf') && document.body.textContent.includes('hop-dong-mat.docx')`, undefined, { timeout: 20_000 });
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('“ban-scan.pdf”: Không có chữ để kiểm tra (bản quét dạng ảnh?)');
    expect(text).toContain('Tệp đính kèm “thu-chuyen-tiep.eml › hop-dong-mat.docx” chưa được đọc: tệp được bảo vệ bằng mật khẩu.');
    expect(text).not.toContain('Không phát hiện vấn đề nào');
    await page.screenshot({ path: join(SHOTS, 'outlook-compose-pane-notices.png'), fullPage: true });
    await page.close();
  });

  it('the read pane flags an incoming document that uses a Gmail contact, and leaves a bar on the message', async () => {
    const page = await pane('read.html', {
      mode: 'read',
      supportedSets: { Mailbox: '1.8' },
      item: { itemId: 'AAMk-den-1', subject: 'Công văn đến', from: 'vanthu@sotp.example.gov.vn', to: ['canbo@danang.gov.vn'], body: 'Kính gửi anh chị.', attachments: [{ id: 'r1', name: 'cong-van-den.docx', contentType: DOCX, content: b64('cong-van-lien-he-gmail.docx') }] },
    });
    await page.waitForFunction(`document.body.textContent.includes('nguyenvana@gmail.com')`, undefined, { timeout: 20_000 });
    expect((await page.textContent('body')) ?? '').toContain('cong-van-den.docx');
    const bars = await page.evaluate<string>('JSON.stringify(window.__officeSim.state.notifications)');
    expect(bars).toContain('cvg-incoming');
    expect(bars).toContain('Chỉ thị 06/CT-UBND');
    await page.screenshot({ path: join(SHOTS, 'outlook-read-pane.png'), fullPage: true });
    await page.close();
  });
});
