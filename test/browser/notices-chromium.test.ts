// A file read only in part is never silently clean (issue 10), in real Chromium with the built
// extension: a scanned PDF (no text) and a forwarded mail whose attached docx is
// password-protected, each attached by a real click on the attach input and the browser's file chooser.
// Writes no policy file: runs without the global lock.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, ROOT, type BrowserSession, type PageDriver } from './harness';
import { mailWith } from '../fixtures/mail';
import { fixture, SITES, withSiteBehaviour } from './sites';

const SHOTS = join(ROOT, 'dist/screenshots');
const third = (name: string) => readFileSync(join(ROOT, 'test/fixtures/third-party', name));

let session: BrowserSession;

async function waitForEither(page: PageDriver, texts: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await page.bannerText();
    if (texts.some((t) => shown.includes(t))) return;
    if (Date.now() > deadline) throw new Error(`no banner naming the file after ${timeoutMs} ms; it shows: ${shown.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await launchChromium();
  // Work mail only nudges here, so what stops Send is the files alone.
  await session.setUserPolicy({ authority: 'danang', rules: { 'public-webmail-work': 'nudge' } });
}, 90_000);
afterAll(async () => {
  await session?.close();
});

it('Gmail: a scanned PDF and a mail with a protected docx are named with the reason, and Send waits until each is acknowledged', async () => {
  const gmail = SITES[0]!;
  const page = await session.open({ url: gmail.url, html: withSiteBehaviour(fixture(gmail.fixture), gmail.send) });
  await page.waitForBanner();

  expect(await page.chooseFiles('#cvg-test-file', [{ name: 'ban-scan.pdf', mimeType: 'application/pdf', buffer: third('testOCR.pdf') }])).toBe(true);
  // The scan is never clean. Which words it gets depends on the reading Worker: the core reads it
  // as "no text" (extension/content/compose-session.test.ts); this Chromium build's Worker
  // reports it unreadable (reported to the lead as a reader bug), and either way it is named.
  await waitForEither(page, ['Tệp “ban-scan.pdf” chưa được kiểm tra hết', 'Chưa kiểm tra được tệp “ban-scan.pdf”']);

  const docx = third('testWORD_protected_passtika.docx');
  const eml = Buffer.from(mailWith('Kinh gui anh chi, gui kem hop dong.', [['hop-dong-mat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx]]));
  expect(await page.chooseFiles('#cvg-test-file', [{ name: 'thu-chuyen-tiep.eml', mimeType: 'message/rfc822', buffer: eml }])).toBe(true);
  await page.waitForBanner('Tệp “thu-chuyen-tiep.eml” chưa được kiểm tra hết', 30_000);
  const text = await page.bannerText();
  expect(text).toContain('Tệp đính kèm “hop-dong-mat.docx” chưa được đọc: tệp được bảo vệ bằng mật khẩu.');
  expect(text).toContain('ban-scan.pdf');
  expect(text).toBe(text.normalize('NFC'));
  await page.screenshot(join(SHOTS, 'chromium-gmail-file-notices.png'));

  await page.click(gmail.send);
  expect(await page.evaluate<number>('window.__sent')).toBe(0);
  expect(await page.bannerText()).toContain('bấm “Tôi đã hiểu” trước khi gửi');
  // The user's own clicks let Send through: one per file (and one for the work-mail hint).
  for (let k = 0; k < 3 && (await page.bannerText()).includes('Tôi đã hiểu'); k++) await page.clickBannerAction('acknowledge');
  expect(await page.bannerText()).not.toContain('ban-scan.pdf');
  expect(await page.bannerText()).not.toContain('thu-chuyen-tiep.eml');
  await page.click(gmail.send);
  expect(await page.evaluate<number>('window.__sent')).toBe(1);
  await page.close();
}, 120_000);
