// The deployment kit applied to a real browser: the generated files go where IT puts them,
// a fresh browser starts, and the extension runs under that policy.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKit } from '../../deploy/kit';
import { FIREFOX_POLICIES, type BrowserSession, type LaunchOptions } from './harness';
import { fixture, SITES, withSiteBehaviour } from './sites';

const OVERRIDES = { attachmentMaxFileMB: 15, rules: { 'public-webmail-work': 'block' } };
const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

function kitFile(path: string): string {
  const f = buildKit({ preset: 'danang', overrides: OVERRIDES, source: { firefoxInstallUrl: 'https://intranet.danang.gov.vn/congvu-guard.xpi' } }).find((k) => k.path === path);
  return f!.content as string;
}

export function defineKitSuite(name: 'chromium' | 'firefox', launch: (opts?: LaunchOptions) => Promise<BrowserSession>): void {
  describe(`deployment kit applied to ${name}`, () => {
    let session: BrowserSession;
    const installed = name === 'chromium' ? join(CHROMIUM_POLICY_DIR, 'congvu-guard.json') : FIREFOX_POLICIES;

    beforeAll(async () => {
      if (name === 'chromium') {
        mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
        // The force-install entry points at the Chrome Web Store, which this closed machine
        // cannot reach, and a policy install would replace the unpacked build under test (same
        // pinned id); so the test keeps the generated file's 3rdparty part only.
        const generated = JSON.parse(kitFile('linux/chromium/congvu-guard.json')) as Record<string, unknown>;
        delete generated.ExtensionInstallForcelist;
        writeFileSync(installed, JSON.stringify(generated, null, 2));
      } else {
        writeFileSync(installed, kitFile('firefox/policies.json'));
      }
      session = await launch({ keepPolicies: true });
    }, 90_000);

    afterAll(async () => {
      await session?.close();
      rmSync(installed, { force: true });
    });

    it('applies IT’s policy: Đà Nẵng’s rules cited, and Send stopped as the override says', async () => {
      const gmail = SITES[0]!;
      const page = await session.open({ url: gmail.url, html: withSiteBehaviour(fixture(gmail.fixture), gmail.send) });
      await page.waitForBanner('Chỉ thị 06/CT-UBND');
      await page.click(gmail.send);
      expect(await page.evaluate<number>('window.__sent')).toBe(0);
      expect(await page.bannerText()).toContain('Thư chưa được gửi');
      await page.close();
    });

    it('runs the page-world hook on IT’s official webmail host only: a .gov.vn e-service portal keeps its native functions and its file picker', async () => {
      const probe = `(() => { const native = (f) => typeof f === 'function' && Function.prototype.toString.call(f).includes('[native code]');
        return { click: native(HTMLInputElement.prototype.click), showPicker: native(HTMLInputElement.prototype.showPicker), createElement: native(Document.prototype.createElement) }; })()`;
      const portalHtml = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng Dịch vụ công Quốc gia</title></head><body>
<h1>Nộp hồ sơ trực tuyến</h1><button id="chon-tep" type="button">Chọn tệp đính kèm</button>
<script>window.__received = [];
document.getElementById('chon-tep').addEventListener('click', function () {
  var input = document.createElement('input'); input.type = 'file';
  input.addEventListener('change', function () { for (var k = 0; k < input.files.length; k++) window.__received.push(input.files[k].name); });
  input.click();
});</script></body></html>`;
      const portal = await session.open({ url: 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', html: portalHtml });
      expect(await portal.evaluate(probe)).toEqual({ click: true, showPicker: true, createElement: true });
      for (const file of ['to-khai.pdf', 'giay-to-tuy-than.pdf']) {
        expect(await portal.chooseFiles('#chon-tep', [{ name: file, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 hồ sơ') }])).toBe(true);
      }
      await portal.waitFor(`window.__received.length === 2`);
      expect(await portal.evaluate<string[]>('window.__received')).toEqual(['to-khai.pdf', 'giay-to-tuy-than.pdf']);
      await portal.close();
      // The policy's official webmail (mail.danang.gov.vn in the Đà Nẵng preset) gets the hook.
      const webmail = await session.open({ url: 'https://mail.danang.gov.vn/owa/', html: '<!DOCTYPE html><html><body><p>Hộp thư công vụ</p></body></html>' });
      expect(await webmail.evaluate<{ click: boolean }>(probe)).toMatchObject({ click: false });
      await webmail.close();
    }, 60_000);

    if (name === 'chromium') {
      it('shows IT’s values locked in the options page', async () => {
        const options = await session.extensionPage('options.html');
        await options.waitFor(`[...document.querySelectorAll('input')].some((i) => i.value === '15' && i.disabled)`);
        expect(await options.evaluate<string>('document.body.textContent')).toContain('Do bộ phận CNTT đặt, không thể thay đổi');
        await options.screenshot(join(new URL('../..', import.meta.url).pathname, 'dist/screenshots/chromium-options-managed.png'));
        await options.close();
      });
    }
  });
}
