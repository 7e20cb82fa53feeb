// Official webmail (issue 12), in a real browser with the built extension: each product's
// compose and read view served at its official origin, under a policy IT delivers through
// managed storage that lists those origins in officialWebmailUrls.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../core/encoding';
import { FIXTURE_PARTS } from '../fixtures/official/parts';
import { OFFICIAL_SITES, officialFixtureFile, officialUrl, type OfficialProduct } from '../fixtures/official/routes';
import { ROOT, type BrowserSession, type PageDriver } from './harness';

const SHOTS = join(ROOT, 'dist/screenshots');
const MB = 1024 * 1024;
const DOCS = join(ROOT, 'test/fixtures/docs');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const doc = (name: string) => ({ name, mimeType: DOCX, buffer: readFileSync(join(DOCS, name)) });

/** The policy IT delivers: Đà Nẵng's rules, every product's origin as an official webmail. */
export function officialPolicy(products: readonly OfficialProduct[]): Record<string, unknown> {
  return { authority: 'danang', officialWebmailUrls: products.map((p) => OFFICIAL_SITES[p].origin) };
}

const UNICODE_BODY = 'Kính gửi các đồng chí lãnh đạo Sở Nội vụ thành phố Đà Nẵng';
const UNICODE_SUBJECT = 'Báo cáo tình hình thực hiện nhiệm vụ';

/** Download URLs the read view's links lead to, as the product builds them (the bare link, and its download form), first link of each file first. */
function attachmentUrls(product: OfficialProduct, html: string): Array<{ name: string; urls: string[] }> {
  const page = officialUrl(product, 'read');
  const out: Array<{ name: string; urls: string[] }> = [];
  const seen = new Set<string>();
  for (const m of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
    const attrs = m[1]!;
    const href = /\bhref="([^"]+)"/.exec(attrs)?.[1];
    if (!href) continue;
    const url = new URL(href.replace(/&amp;/g, '&'), page);
    if (!OFFICIAL_SITES[product].attachmentUrl.test(url.href)) continue;
    const download = new URL(url.href);
    if (product === 'roundcube' || product === 'obm') download.searchParams.set('_download', '1');
    else if (product.startsWith('zimbra')) download.searchParams.set('disp', 'a');
    if (seen.has(download.href)) continue;
    seen.add(download.href);
    const named = /\bdownload="([^"]+)"/.exec(attrs)?.[1] ?? /\btitle="([^"]+\.\w{2,5})"/.exec(attrs)?.[1];
    const name = named ?? m[2]!.replace(/<span class="attachment-size">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    out.push({ name, urls: [...new Set([url.href, download.href])] });
  }
  return out;
}

/** Waits until pages at `origin` get the page-world hook, which is registered with official.js. */
export async function untilRegistered(session: BrowserSession, origin: string): Promise<void> {
  const probe = `Function.prototype.toString.call(HTMLInputElement.prototype.click).includes('[native code]')`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const page = await session.open({ url: `${origin}/congvu-probe`, html: '<!DOCTYPE html><html><body></body></html>' });
    const native = await page.evaluate<boolean>(probe);
    await page.close();
    if (!native) return;
    if (Date.now() > deadline) throw new Error(`the official scripts were never registered for ${origin}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function defineOfficialSuite(products: readonly OfficialProduct[], launch: () => Promise<BrowserSession>, deliverPolicy: (session: BrowserSession | undefined, policy: Record<string, unknown>) => Promise<BrowserSession | void>): void {
  let session: BrowserSession;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const fresh = await deliverPolicy(undefined, officialPolicy(products));
    session = fresh ?? (await launch());
    if (!fresh) await deliverPolicy(session, officialPolicy(products));
    // A fresh profile gets the official scripts once the background has read the policy and
    // registered them; a page loaded before that is unguarded, as on the first start after install.
    for (const product of products) await untilRegistered(session, OFFICIAL_SITES[product].origin);
  }, 420_000);
  afterAll(async () => {
    await session?.close();
  });

  const openCompose = async (product: OfficialProduct): Promise<PageDriver> => {
    const page = await session.open({ url: officialUrl(product, 'compose'), html: readFileSync(officialFixtureFile(product, 'compose'), 'utf8') });
    const parts = FIXTURE_PARTS[product].compose!;
    await page.waitFor(`!!document.querySelector(${JSON.stringify(parts.send)})`, 30_000);
    return page;
  };
  const attach = async (page: PageDriver, product: OfficialProduct, files: Parameters<PageDriver['chooseFiles']>[1]) => {
    const parts = FIXTURE_PARTS[product].compose!;
    if (parts.attachMenu) await page.click(parts.attachMenu);
    expect(await page.chooseFiles(parts.attach, files)).toBe(true);
    // OBM's Roundcube 1.1 uploads from its dialog's button, after the chooser.
    if (parts.uploadConfirm) await page.click(parts.uploadConfirm);
  };

  describe.each(products)('%s', (product) => {
    const parts = FIXTURE_PARTS[product].compose!;
    const editor = parts.htmlEditorFrame ? `document.querySelector(${JSON.stringify(parts.htmlEditorFrame)}).contentDocument.body` : `document.querySelector(${JSON.stringify(parts.plainEditor)})`;

    it('a MẬT-stamped docx attached through the file chooser stops Send, naming the file', async () => {
      const page = await openCompose(product);
      await attach(page, product, [doc('cong-van-mat.docx')]);
      await page.waitForBanner('cong-van-mat.docx', 40_000);
      expect(await page.bannerText()).toContain('dấu độ mật');
      await page.click(parts.send);
      await new Promise((r) => setTimeout(r, 500));
      expect(await page.evaluate<boolean>('window.__sent')).toBe(false);
      expect(await page.bannerText()).toContain('Thư chưa được gửi');
      await page.screenshot(join(SHOTS, `${session.name}-official-${product}-compose.png`));
      await page.close();
    }, 120_000);

    it('a 25 MB file chosen through the real file chooser never reaches the page, twice in a row', async () => {
      const page = await openCompose(product);
      for (const name of ['ho-so-quet.pdf', 'ban-ve.pdf']) {
        await attach(page, product, [{ name, mimeType: 'application/pdf', buffer: Buffer.alloc(25 * MB, 0x20) }]);
        await page.waitForBanner(name, 30_000);
        // OBM's upload dialog stays open with nothing to upload; the user closes it (the dialog's own toggle).
        if (parts.uploadConfirm) await page.evaluate(`document.querySelector('.ui-widget-overlay') && UI.show_uploadform()`);
      }
      expect(await page.bannerText()).toContain('Tệp này chưa được đính kèm');
      await new Promise((r) => setTimeout(r, 500));
      expect(await page.evaluate<unknown[]>('window.__uploads')).toEqual([]);
      // A file within the limit still goes through the same chooser.
      await attach(page, product, [doc('cong-van-sach.docx')]);
      await page.waitFor(`window.__uploads.length === 1`, 30_000);
      expect(await page.evaluate<Array<{ name: string }>>('window.__uploads')).toEqual([{ name: 'cong-van-sach.docx', size: readFileSync(join(DOCS, 'cong-van-sach.docx')).length }]);
      await page.close();
    }, 120_000);

    it('TCVN3 text in the editor and the subject is converted in one click; both then hold NFC Unicode', async () => {
      const page = await openCompose(product);
      const sw = parts.htmlEditorSwitch;
      if (sw) {
        // As the user switches to the HTML editor, where the product starts in plain text.
        if (sw.toggle) await page.click(sw.toggle);
        await page.evaluate(`(() => { const s = document.querySelector(${JSON.stringify(sw.select)}); s.value = ${JSON.stringify(sw.value)}; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
      }
      await page.waitFor(`!!(${editor})`, 30_000);
      const legacyBody = encodeLegacy(UNICODE_BODY, 'tcvn3');
      // Pasted legacy text, as it arrives from an old document.
      await page.evaluate(`(() => { const ed = ${editor}; if ('value' in ed && ed.tagName !== 'DIV' && ed.tagName !== 'BODY') ed.value = ${JSON.stringify(legacyBody)}; else ed.textContent = ${JSON.stringify(legacyBody)}; ed.dispatchEvent(new Event('input', { bubbles: true })); })()`);
      await page.evaluate(`(() => { const s = document.querySelector(${JSON.stringify(parts.subject)}); s.value = ''; })()`);
      await page.type(parts.subject, encodeLegacy(UNICODE_SUBJECT, 'tcvn3'));
      await page.waitForBanner('bảng mã cũ', 30_000);
      await page.clickBannerAction('convert-to-unicode');
      const read = `(() => { const ed = ${editor}; return ed.tagName === 'TEXTAREA' ? ed.value : ed.textContent; })()`;
      await page.waitFor(`${read}.includes(${JSON.stringify(UNICODE_BODY)})`, 20_000);
      const body = await page.evaluate<string>(read);
      expect(body.trim()).toBe(UNICODE_BODY);
      expect(body).toBe(body.normalize('NFC'));
      const subject = await page.evaluate<string>(`document.querySelector(${JSON.stringify(parts.subject)}).value`);
      expect(subject).toBe(UNICODE_SUBJECT);
      expect(subject).toBe(subject.normalize('NFC'));
      await page.close();
    }, 120_000);

    it.runIf(product === 'owa')('no second banner where Công Vụ Guard’s Outlook add-in runs in Outlook on the web: its frame is there, the add-in gives the finding', async () => {
      const addin = `<iframe style="display:none" src="${OFFICIAL_SITES.owa.origin}/congvu-guard/commands.html?_host_Info=Outlook$Web$16.01$vi-VN$$$$0"></iframe>`;
      const html = readFileSync(officialFixtureFile(product, 'compose'), 'utf8').replace('</body>', `${addin}</body>`);
      const page = await session.open({ url: officialUrl(product, 'compose'), html });
      await page.waitFor(`!!document.querySelector(${JSON.stringify(parts.send)})`, 30_000);
      await attach(page, product, [doc('cong-van-mat.docx')]);
      await page.waitFor(`window.__uploads.length === 1`, 30_000);
      await new Promise((r) => setTimeout(r, 3000));
      expect(await page.bannerText()).toBe('');
      await page.click(parts.send);
      expect(await page.evaluate<boolean>('window.__sent')).toBe(true);
      await page.close();
    }, 120_000);

    it.runIf(OFFICIAL_SITES[product].attachmentHrefInDom === false)('tiles without links (Zimbra Modern): the message is read whole from its own REST URL, and its docx citing Gmail is flagged', async () => {
      const url = officialUrl(product, 'read');
      const id = /\/message\/(\d+)/.exec(url)![1];
      session.serveBytes(`${OFFICIAL_SITES[product].origin}/service/home/~/?auth=co&id=${id}`, readFileSync(join(DOCS, 'thu-dinh-kem-cong-van.eml')), 'message/rfc822');
      const page = await session.open({ url, html: readFileSync(officialFixtureFile(product, 'read'), 'utf8') });
      await page.waitForBanner('gmail.com', 40_000);
      expect(await page.bannerText()).toContain('cong-van-12.docx');
      await page.screenshot(join(SHOTS, `${session.name}-official-${product}-read.png`));
      await page.close();
    }, 120_000);

    it.skipIf(OFFICIAL_SITES[product].attachmentHrefInDom === false)('an incoming docx citing a Gmail contact is flagged in the read view, read from the product’s own download link', async () => {
      const html = readFileSync(officialFixtureFile(product, 'read'), 'utf8');
      const links = attachmentUrls(product, html);
      expect(links.length).toBeGreaterThan(0);
      const gmail = readFileSync(join(DOCS, 'cong-van-lien-he-gmail.docx'));
      const clean = readFileSync(join(DOCS, 'cong-van-sach.docx'));
      // The first document carries the Gmail contact; the others are clean documents.
      links.forEach((l, k) => l.urls.forEach((u) => session.serveBytes(u, k === 0 ? gmail : clean, DOCX)));
      const page = await session.open({ url: officialUrl(product, 'read'), html });
      await page.waitForBanner('gmail.com', 40_000);
      const text = await page.bannerText();
      expect(text).toContain(links[0]!.name);
      expect(text).toContain('Mục 1c');
      await page.screenshot(join(SHOTS, `${session.name}-official-${product}-read.png`));
      expect(session.strayRequests.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
      await page.close();
    }, 120_000);
  });
}
