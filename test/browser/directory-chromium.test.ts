// The official directory in Gmail, in real Chromium with the built extension: typing a
// colleague's gmail address in To offers the colleague's official address, and one click on the
// banner writes it into the field. The directory is the only thing fetched, by a plain GET.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactDirectory, serializeDirectory } from '../../core/directory';
import { sampleDirectory } from '../../core/directory/sample-directory.test-util';
import { launchChromium, ROOT, type BrowserSession, type ServedRequest } from './harness';
import { editFixture, fixture, SITES, withSiteBehaviour } from './sites';

const SHOTS = join(ROOT, 'dist/screenshots');
const DIRECTORY_URL = 'https://mail.danang.gov.vn/congvu-guard/directory.json';
const gmail = SITES[0]!;
const TO_INPUT = `${gmail.root} div[name=to] input:not([type=hidden])`;

const ANH = { name: 'Nguyễn Văn Ánh', unit: 'Sở Nội vụ', official: 'anhnv@danang.gov.vn', personal: ['anh.nguyenvan@gmail.com'] };
const file = serializeDirectory(compactDirectory([...sampleDirectory(20_000), ANH]));
const ETAG = '"dir-1"';

let session: BrowserSession;
let requests: ServedRequest[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await launchChromium();
  requests = session.serveFile!(DIRECTORY_URL, (req) =>
    req.headers['if-none-match'] === ETAG ? { status: 304, body: '' } : { status: 200, headers: { 'content-type': 'application/json', etag: ETAG }, body: file },
  );
  await session.setUserPolicy({ authority: 'danang', officialDirectoryUrl: DIRECTORY_URL });
}, 90_000);

afterAll(async () => {
  await session?.close();
});

describe('official directory in Gmail (Chromium)', () => {
  it('typing a colleague’s gmail address in To offers the official one; one click puts it in the field', async () => {
    // Only the typed recipient: the fixture's chips name people a 20,000-name directory may also hold.
    const html = editFixture(fixture(gmail.fixture), (doc) => {
      gmail.personal(doc);
      for (const chip of doc.querySelectorAll('[role=dialog] [role=option][data-hovercard-id]')) chip.remove();
    });
    const page = await session.open({ url: gmail.url, html: withSiteBehaviour(html, gmail.send) });
    await page.waitFor(`document.querySelector(${JSON.stringify(gmail.root)}) !== null`);
    await page.type(TO_INPUT, 'anh.nguyenvan@gmail.com');
    await page.waitForBanner('anhnv@danang.gov.vn', 30_000);
    const text = await page.bannerText();
    expect(text).toContain('anh.nguyenvan@gmail.com là địa chỉ của Nguyễn Văn Ánh (Sở Nội vụ)');
    expect(text).toContain('Dùng địa chỉ công vụ');
    expect(text).toContain('Điều 3, Quy chế ban hành kèm QĐ 3712/QĐ-UBND (Đà Nẵng)');
    await page.screenshot(join(SHOTS, 'chromium-gmail-directory-suggestion.png'));

    await page.clickBannerAction('use-official-address');
    await page.waitFor(`document.querySelector(${JSON.stringify(TO_INPUT)}).value === 'anhnv@danang.gov.vn'`);
    await page.waitForBanner('Đã thay người nhận anh.nguyenvan@gmail.com bằng anhnv@danang.gov.vn');
    // The suggestion itself is gone: the recipient is now the official address.
    const deadline = Date.now() + 15_000;
    while ((await page.bannerText()).includes('là địa chỉ của Nguyễn Văn Ánh') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await page.bannerText()).not.toContain('là địa chỉ của Nguyễn Văn Ánh');
    await page.screenshot(join(SHOTS, 'chromium-gmail-directory-replaced.png'));
    await page.close();

    // Only the directory was fetched, by GET with no body; nothing else left the browser.
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect([r.method, r.url, r.postData]).toEqual(['GET', DIRECTORY_URL, null]);
    expect(session.strayRequests).toEqual([]);
  }, 120_000);
});
