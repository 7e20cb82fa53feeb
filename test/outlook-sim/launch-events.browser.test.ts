// The built launch-event file (dist/outlook-addin/launchevent.js, the one classic Outlook and
// Outlook on the web load) in Debian's Chromium, on the simulated Office host instead of
// office.js, served from the add-in's own origin with its hosted policy.json. Flows as a user
// meets them: Send with a 25 MB file, with a docx citing a Gmail contact, a clean message, an
// Office call that never answers, and the legacy on-send event of on-premises Outlook on the web.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLERS } from '../../outlook-addin/handler-names';
import { mailWith } from '../fixtures/mail';
import { launchChromium, openHostedPage, ROOT } from './serve';

const MB = 1024 * 1024;
const docx = readFileSync(join(ROOT, 'test/fixtures/docs/cong-van-lien-he-gmail.docx')).toString('base64');
const third = (name: string) => readFileSync(join(ROOT, 'test/fixtures/third-party', name));
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let browser: Browser;
const stray: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(config: object): Promise<Page> {
  const page = await openHostedPage(browser, { file: 'commands.html', config, stray });
  await page.waitForFunction(`typeof window.${HANDLERS.messageSend} === 'function'`);
  return page;
}

interface Completion {
  calls: unknown[][];
  threw?: string;
}

async function invoke(page: Page, name: string, waitMs = 15_000): Promise<{ record: Completion; ms: number }> {
  return page.evaluate(
    async ([n, w]) => {
      const t0 = performance.now();
      const sim = (window as unknown as { __officeSim: { invoke(name: string, extra?: object, waitMs?: number): Promise<Completion> } }).__officeSim;
      const record = await sim.invoke(n as string, {}, w as number);
      // Anything completing late would land in the same record: give it the time to show up.
      await new Promise((r) => setTimeout(r, 300));
      return { record, ms: performance.now() - t0 };
    },
    [name, waitMs] as const,
  );
}

const compose = (item: object, sets = '1.14', faults: object = {}) => ({ mode: 'compose', supportedSets: { Mailbox: sets }, latencyMs: 5, item, faults });
const work = { subject: 'V/v báo cáo quý IV', to: ['vanphong@danang.gov.vn'], body: 'Kính gửi Văn phòng UBND thành phố,\nXin gửi báo cáo.' };

describe('Outlook launch events in Chromium on the simulated host', () => {
  it('stops Send for a 25 MB attachment, once, with the Vietnamese explanation', async () => {
    const page = await open(compose({ ...work, attachments: [{ id: 'a1', name: 'video-hoi-nghi.mp4', contentType: 'video/mp4', size: 25 * MB, content: 'AAAA' }] }));
    const { record } = await invoke(page, HANDLERS.messageSend);
    expect(record.calls).toHaveLength(1);
    const options = record.calls[0]![0] as { allowEvent: boolean; errorMessage: string };
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('video-hoi-nghi.mp4');
    expect(options.errorMessage).toContain('20 MB');
    expect(options.errorMessage).toBe(options.errorMessage.normalize('NFC'));
    await page.close();
  });

  it('asks before sending a docx that gives a Gmail contact, naming the file and the address', async () => {
    const page = await open(compose({ ...work, attachments: [{ id: 'a2', name: 'cong-van.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: docx }] }));
    const changed = await invoke(page, HANDLERS.attachmentsChanged);
    expect(changed.record.calls).toHaveLength(1);
    const bars = await page.evaluate('JSON.stringify(window.__officeSim.state.notifications)');
    expect(bars).toContain('nguyenvana@gmail.com');
    const { record } = await invoke(page, HANDLERS.messageSend);
    expect(record.calls).toHaveLength(1);
    const options = record.calls[0]![0] as { allowEvent: boolean; errorMessage: string; sendModeOverride?: string };
    expect(options.allowEvent).toBe(false);
    expect(options.sendModeOverride).toBe('promptUser');
    expect(options.errorMessage).toContain('cong-van.docx');
    expect(options.errorMessage).toContain('nguyenvana@gmail.com');
    await page.close();
  });

  it('a forwarded mail whose docx is password-protected, and that docx itself: Send asks first, naming each with the reason', async () => {
    const protectedDocx = third('testWORD_protected_passtika.docx');
    const eml = Buffer.from(mailWith('Kinh gui anh chi, gui kem hop dong.', [['hop-dong-mat.docx', DOCX_TYPE, protectedDocx]])).toString('base64');
    const page = await open(
      compose({
        ...work,
        attachments: [
          { id: 'e1', name: 'thu-chuyen-tiep.eml', contentType: 'message/rfc822', content: eml },
          { id: 'd1', name: 'hop-dong-goc.docx', contentType: DOCX_TYPE, content: protectedDocx.toString('base64') },
        ],
      }),
    );
    await invoke(page, HANDLERS.attachmentsChanged);
    const bars = await page.evaluate<string>('JSON.stringify(window.__officeSim.state.notifications)');
    expect(bars).toContain('Chưa kiểm tra hết được nội dung tệp “hop-dong-goc.docx”, “thu-chuyen-tiep.eml”');
    const { record, ms } = await invoke(page, HANDLERS.messageSend);
    expect(record.calls).toHaveLength(1);
    expect(ms).toBeLessThan(5000);
    const options = record.calls[0]![0] as { allowEvent: boolean; errorMessage: string; sendModeOverride?: string };
    expect(options.allowEvent).toBe(false);
    expect(options.sendModeOverride).toBe('promptUser');
    expect(options.errorMessage).toContain('Chưa kiểm tra được nội dung tệp “hop-dong-goc.docx” tại đây.');
    expect(options.errorMessage).toContain('Tệp đính kèm “thu-chuyen-tiep.eml › hop-dong-mat.docx” chưa được đọc: tệp được bảo vệ bằng mật khẩu.');
    expect(options.errorMessage.length).toBeLessThanOrEqual(500);
    await page.close();
  });

  it('a scanned PDF, which the launch file cannot read, is said to be unchecked and points to the pane', async () => {
    const page = await open(compose({ ...work, attachments: [{ id: 'p1', name: 'ban-scan.pdf', contentType: 'application/pdf', content: third('testOCR.pdf').toString('base64') }] }));
    await invoke(page, HANDLERS.attachmentsChanged);
    const { record } = await invoke(page, HANDLERS.messageSend);
    expect(record.calls).toHaveLength(1);
    const options = record.calls[0]![0] as { allowEvent: boolean; errorMessage: string };
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toBe('Chưa kiểm tra được nội dung tệp “ban-scan.pdf” tại đây. Anh/chị có thể mở ngăn “Kiểm tra thư” để kiểm tra.');
    await page.close();
  });

  it('lets a clean message go', async () => {
    const page = await open(compose({ subject: 'Lịch họp tuần', to: ['vanphong@danang.gov.vn'], body: 'Mời anh chị dự họp lúc 8 giờ.' }));
    const { record } = await invoke(page, HANDLERS.messageSend);
    expect(record.calls).toEqual([[{ allowEvent: true }]]);
    await page.close();
  });

  it('completes exactly once, within its bound, when Outlook never answers a call', async () => {
    const page = await open(compose({ ...work }, '1.14', { 'body.getAsync': 'hang', 'getAttachmentsAsync': 'hang' }));
    const { record, ms } = await invoke(page, HANDLERS.messageSend);
    expect(record.calls).toHaveLength(1);
    expect(ms).toBeLessThan(5000 + 300);
    await page.close();
  });

  it('stops an over-size file on the legacy on-send event (Mailbox 1.8, Outlook on the web on-premises)', async () => {
    const page = await open(compose({ ...work, attachments: [{ id: 'a3', name: 'ho-so.zip', contentType: 'application/zip', size: 30 * MB, content: 'AAAA' }] }, '1.8'));
    const { record } = await invoke(page, HANDLERS.itemSend);
    expect(record.calls).toHaveLength(1);
    expect((record.calls[0]![0] as { allowEvent: boolean }).allowEvent).toBe(false);
    const bars = await page.evaluate<string>('JSON.stringify(window.__officeSim.state.notifications)');
    expect(bars).toContain('ho-so.zip');
    await page.close();
  });

  it('asks for nothing outside the add-in’s own host', () => {
    expect(stray).toEqual([]);
  });
});
