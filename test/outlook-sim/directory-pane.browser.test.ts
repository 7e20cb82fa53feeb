// The official directory in Outlook: the built compose pane (dist/outlook-addin/compose.html) on
// the simulated Office host suggests a colleague's official address for a public one, and one
// click replaces the recipient through Recipients.getAsync/setAsync (Mailbox 1.1).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactDirectory, serializeDirectory } from '../../core/directory';
import { sampleDirectory } from '../../core/directory/sample-directory.test-util';
import { ADDIN_ORIGIN, launchChromium, openHostedPage, ROOT } from './serve';

const SHOTS = join(ROOT, 'dist/screenshots');
const ANH = { name: 'Nguyễn Văn Ánh', unit: 'Sở Nội vụ', official: 'anhnv@danang.gov.vn', personal: ['anh.nguyenvan@gmail.com'] };
const QUYEN = { name: 'Trương Thị Ngọc Quyên', unit: 'Sở Tư pháp', official: 'quyenttn@danang.gov.vn', personal: [] };
// The generated people never share her name, so the name singles her out.
const others = sampleDirectory(20_000).filter((p) => !/Quyên/.test(p.name) || !/Trương/.test(p.name));
const directory = serializeDirectory(compactDirectory([...others, ANH, QUYEN]));
const policy = JSON.stringify({ authority: 'danang', officialDirectoryUrl: `${ADDIN_ORIGIN}directory.json` });

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('official directory in the Outlook compose pane', () => {
  it('suggests the colleague’s official address and replaces the recipient with one click', async () => {
    const requests: Array<{ path: string; method: string; headers: Record<string, string>; postData: string | null }> = [];
    const stray: string[] = [];
    const page = await openHostedPage(browser, {
      file: 'compose.html',
      viewport: { width: 340, height: 900 },
      stray,
      requests,
      hosted: { 'policy.json': { body: policy }, 'directory.json': { body: directory, headers: { etag: '"v1"' } } },
      config: {
        mode: 'compose',
        supportedSets: { Mailbox: '1.14' },
        item: {
          subject: 'Góp ý dự thảo kế hoạch',
          to: [{ displayName: 'Sở Tài chính', emailAddress: 'stc@danang.gov.vn' }, { displayName: 'Ánh', emailAddress: 'anh.nguyenvan@gmail.com' }],
          cc: [{ displayName: 'Quyên Trương Thị Ngọc', emailAddress: 'quyen.ttn@gmail.com' }],
          body: 'Kính gửi anh Ánh, em gửi anh bản góp ý.',
        },
      },
    });
    await page.waitForFunction(`document.body.textContent.includes('anhnv@danang.gov.vn')`, undefined, { timeout: 30_000 });
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('anh.nguyenvan@gmail.com là địa chỉ của Nguyễn Văn Ánh (Sở Nội vụ)');
    expect(text).toContain('Điều 3, Quy chế ban hành kèm QĐ 3712/QĐ-UBND (Đà Nẵng)');
    // Known by the name Outlook shows, written given name first.
    expect(text).toContain('Người nhận quyen.ttn@gmail.com trùng tên với Trương Thị Ngọc Quyên (Sở Tư pháp)');
    await page.screenshot({ path: join(SHOTS, 'outlook-compose-pane-directory.png'), fullPage: true });

    await page.getByRole('button', { name: 'Dùng địa chỉ công vụ' }).first().click();
    await page.waitForFunction(`window.__officeSim.state.calls.some((c) => c.name === 'to.setAsync')`);
    const written = await page.evaluate<Array<{ displayName: string; emailAddress: string }>>(`window.__officeSim.state.calls.filter((c) => c.name === 'to.setAsync').pop().args[0]`);
    expect(written).toEqual([
      { displayName: 'Sở Tài chính', emailAddress: 'stc@danang.gov.vn' },
      { displayName: 'Nguyễn Văn Ánh', emailAddress: 'anhnv@danang.gov.vn' },
    ]);
    await page.waitForFunction(`document.body.textContent.includes('Đã thay người nhận anh.nguyenvan@gmail.com bằng anhnv@danang.gov.vn')`);
    // Checked again after the change: the suggestion is gone.
    await page.waitForFunction(`!document.body.textContent.includes('là địa chỉ của Nguyễn Văn Ánh')`, undefined, { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'outlook-compose-pane-directory-replaced.png'), fullPage: true });

    // The directory was fetched by plain GETs (no body), once per check at most, and nothing went elsewhere.
    const dir = requests.filter((r) => r.path === 'directory.json');
    expect(dir.length).toBeGreaterThan(0);
    for (const r of dir) expect([r.method, r.postData]).toEqual(['GET', null]);
    expect(stray).toEqual([]);
    await page.close();
  }, 120_000);
});
