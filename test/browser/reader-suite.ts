// Issue 9, item 5, in a real browser with the built extension: crafted attachments cannot stall
// the checks Send depends on, and files that arrive before anything is ready are still checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flateBomb, lzwEncode, pdfWith, styleFlood } from '../fixtures/docs/crafted';
import { ROOT, type BrowserSession } from './harness';
import { fixture, SITES, withSiteBehaviour } from './sites';

const gmail = SITES[0]!;
const BLOCK_WORK_MAIL = { authority: 'danang', rules: { 'public-webmail-work': 'block' } };

/** A drop on the compose's editor, dispatched as the page would receive it from the user. */
function dropScript(name: string, type: string, bytes: Buffer): string {
  return `(() => {
    const bin = atob(${JSON.stringify(bytes.toString('base64'))});
    const data = new Uint8Array(bin.length);
    for (let k = 0; k < bin.length; k++) data[k] = bin.charCodeAt(k);
    const dt = new DataTransfer();
    dt.items.add(new File([data], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    document.querySelector('[role=dialog] [g_editable=true]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`;
}

export function defineReaderSuite(launch: () => Promise<BrowserSession>): void {
  let session: BrowserSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  describe('crafted attachments and early files', () => {
    it('a stalling HTML page and PDF flate and LZW bombs in one tab do not let Send through in another', async () => {
      session = await launch();
      // Firefox takes a policy only at start-up (policies.json): there it is in force from the start.
      const policyAtStart = session.name === 'firefox';
      if (policyAtStart) await session.setUserPolicy(BLOCK_WORK_MAIL);
      const first = await session.open({ url: gmail.url, html: withSiteBehaviour(fixture(gmail.fixture), gmail.send) });
      await first.waitForBanner('Thư này có vẻ là thư công vụ');
      const html = Buffer.from(styleFlood());
      const bomb = Buffer.from(pdfWith({ dict: '/Filter /FlateDecode', data: flateBomb('BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET', 64) }));
      expect(html.length).toBeGreaterThan(3 * 1024 * 1024);
      expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
      // A 156 KB page in LZW that pdfjs would decode to ~400 MB.
      const page = Buffer.from('BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET\n' + ' '.repeat(8_000_000), 'latin1');
      const lzwBomb = Buffer.from(pdfWith({ dict: '/Filter /LZWDecode', data: lzwEncode(new Uint8Array(page), { bomb: 100_000 }) }));
      await first.chooseFiles('#cvg-test-file', [
        { name: 'trang-style.html', mimeType: 'text/html', buffer: html },
        { name: 'bom-nen.pdf', mimeType: 'application/pdf', buffer: bomb },
        { name: 'bom-lzw.pdf', mimeType: 'application/pdf', buffer: lzwBomb },
      ]);

      // While those are being read, IT's policy arrives and a second tab opens a work mail.
      const started = Date.now();
      if (!policyAtStart) await session.setUserPolicy(BLOCK_WORK_MAIL);
      const second = await session.open({ url: gmail.url, html: withSiteBehaviour(fixture(gmail.fixture), gmail.send) });
      await second.waitForBanner('Thư này có vẻ là thư công vụ', 5_000);
      await second.click(gmail.send);
      expect(await second.evaluate<number>('window.__sent')).toBe(0);
      // The held Send's notice: a wait, not the bound; the bound is the 20 s below. The second
      // tab's checks now arrive on its first compose, from a background busy with the first tab.
      await second.waitForBanner('Thư chưa được gửi', 20_000);
      // A bound for a loaded test machine, far below the minutes the background used to stall.
      expect(Date.now() - started).toBeLessThan(20_000);

      // Each crafted file gets a verdict: the page is read (its Gmail contact found), each bomb is named as unread.
      await first.waitForBanner('nguyenvana@gmail.com', 25_000);
      await first.waitForBanner('Chưa kiểm tra được tệp “bom-nen.pdf”', 25_000);
      await first.waitForBanner('Chưa kiểm tra được tệp “bom-lzw.pdf”', 25_000);
      expect(await first.bannerText()).toContain('bom nén');
      await first.screenshot(join(ROOT, `dist/screenshots/${session.name}-gmail-crafted-files.png`));
    }, 120_000);

    it('a MẬT-stamped docx dropped right after the first page load of a fresh browser is named and blocked', async () => {
      session = await launch();
      // The drop reaches the compose as the page finishes loading, before anything else has run.
      const docx = readFileSync(join(ROOT, 'test/fixtures/docs/cong-van-mat.docx'));
      const drop = dropScript('cong-van-mat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx);
      const html = withSiteBehaviour(fixture(gmail.fixture), gmail.send).replace(/<\/body>/i, `<script>${drop}</script></body>`);
      const page = await session.open({ url: gmail.url, html });
      expect(await page.evaluate<string[]>('window.__dropped')).toEqual(['cong-van-mat.docx']);
      await page.waitForBanner('cong-van-mat.docx', 20_000);
      expect(await page.bannerText()).toContain('Văn bản mật không được gửi qua thư điện tử');
      // The work-mail warning can be acknowledged; the secret document still stops Send.
      await page.click(gmail.send);
      expect(await page.evaluate<number>('window.__sent')).toBe(0);
      await page.screenshot(join(ROOT, `dist/screenshots/${session.name}-gmail-early-secret-docx.png`));
    }, 60_000);

    // postal-mime's decoders join a part's lines with PartsBlob in this build (scripts/postal-mime-blob.ts):
    // a body of tens of thousands of 8-bit lines, and a docx in base64, read in the browser's own reader.
    it('a forwarded mail of 40,000 lines with a MẬT docx attached: the contact on its last lines and the secret document are named', async () => {
      session = await launch();
      const page = await session.open({ url: gmail.url, html: withSiteBehaviour(fixture(gmail.fixture), gmail.send) });
      await page.waitForBanner();
      const lines = Array.from({ length: 40_000 }, (_, k) => `Dòng ${k + 1}: Ủy ban nhân dân thành phố tổng hợp ý kiến góp ý về dự thảo kế hoạch chuyển đổi số năm 2027.`);
      lines.push('Mọi góp ý xin gửi về hopthu.gopy@gmail.com trước ngày 15/12.');
      const docx = readFileSync(join(ROOT, 'test/fixtures/docs/cong-van-mat.docx')).toString('base64').replace(/.{76}/g, '$&\r\n');
      const mail = [
        'From: Van phong <vanthu@danang.gov.vn>',
        'To: canbo@danang.gov.vn',
        'Subject: Fwd: Tong hop gop y',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="ranh-gioi"',
        '',
        '--ranh-gioi',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        ...lines,
        '--ranh-gioi',
        'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="cong-van-mat.docx"',
        'Content-Disposition: attachment; filename="cong-van-mat.docx"',
        'Content-Transfer-Encoding: base64',
        '',
        docx,
        '--ranh-gioi--',
        '',
      ].join('\r\n');
      expect(await page.chooseFiles('#cvg-test-file', [{ name: 'tong-hop-gop-y.eml', mimeType: 'message/rfc822', buffer: Buffer.from(mail) }])).toBe(true);
      await page.waitForBanner('hopthu.gopy@gmail.com', 30_000);
      await page.waitForBanner('cong-van-mat.docx', 30_000);
      expect(await page.bannerText()).toContain('tong-hop-gop-y.eml');
      await page.click(gmail.send);
      expect(await page.evaluate<number>('window.__sent')).toBe(0);
      await page.screenshot(join(ROOT, `dist/screenshots/${session.name}-gmail-long-forwarded-mail.png`));
    }, 90_000);
  });
}
