// The account-hygiene scripts on the official webmail's own settings pages, in a real browser
// with the built extension: the change-password checklist as the user types with real key
// events (nothing requested meanwhile), and the forwarding note with the policy's mode.
// Pages: Roundcube 1.6 elastic fixtures (test/fixtures/official/roundcube/, sources there).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession, PageDriver } from './harness';
import { ROOT } from './harness';

const ORIGIN = 'https://mail.example-roundcube.gov.vn';
const PASSWORD_URL = `${ORIGIN}/?_task=settings&_action=plugin.password`;
const FORWARDING_URL = `${ORIGIN}/?_task=settings&_action=plugin.managesieve-forward`;
const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/official/roundcube', name), 'utf8');
export const SHOTS = join(ROOT, 'test-results/account-pages');

/** Đà Nẵng's preset (password-policy warn, auto-forward-public block) with its webmail on a Roundcube host. */
const POLICY = { authority: 'danang', officialWebmailUrl: ORIGIN };

/** Opens the page until the registered script has run there: registration follows the policy change by a moment. */
async function openWhenReady(session: BrowserSession, url: string, html: string, ready: string): Promise<PageDriver> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = await session.open({ url, html });
    try {
      await page.waitFor(ready, 8_000);
      return page;
    } catch (e) {
      await page.close();
      if (Date.now() > deadline) throw e;
    }
  }
}

export function defineAccountPagesSuite(name: string, launch: () => Promise<BrowserSession>, only: { forwarding: boolean } = { forwarding: true }): void {
  describe(`${name}: account pages of the official webmail`, () => {
    let session: BrowserSession;
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      session = await launch();
      await session.setUserPolicy(POLICY);
    }, 120_000);
    afterAll(async () => session?.close(), 60_000);

    it('shows the checklist as a new password is typed, names what is guessable, and sends nothing while typing', async () => {
      const page = await openWhenReady(session, PASSWORD_URL, fixture('password-vi.html'), `!!document.querySelector('[data-congvu-password]')`);
      const before = session.strayRequests.length;
      await page.type('#newpasswd', 'Danang@1985');
      await page.waitForBanner('có tên cơ quan, địa phương', 20_000);
      const weak = await page.bannerText();
      expect(weak).toContain('Ít nhất 12 ký tự (hiện có 11)');
      expect(weak).toContain('có dạng ngày tháng hoặc năm sinh');
      expect(weak).toContain('Căn cứ: Khoản 1 và điểm a khoản 2 Điều 8');
      expect(weak).not.toContain('Danang@1985');
      // The authority's name is one of zxcvbn's user inputs: the estimate does not call this strong.
      expect(weak).toMatch(/Độ mạnh: (rất yếu|yếu|trung bình)/);
      expect(weak).not.toContain('phổ biến');
      await page.screenshot(join(SHOTS, `${name}-password-weak.png`));
      // Nothing left the browser while the user typed, and no request anywhere carries the password.
      expect(session.strayRequests.slice(before)).toEqual([]);
      expect(session.strayRequests.filter((u) => u.includes('1985') || u.toLowerCase().includes('danang%40'))).toEqual([]);
      await page.close();
    }, 120_000);

    it('ticks every line for a strong password that says nothing about the user', async () => {
      const page = await openWhenReady(session, PASSWORD_URL, fixture('password-vi.html'), `!!document.querySelector('[data-congvu-password]')`);
      await page.type('#newpasswd', 'Xuong!rong-Bien7Qx');
      await page.waitForBanner('Độ mạnh: rất mạnh', 20_000);
      const text = await page.bannerText();
      expect(text).toContain('Ít nhất 12 ký tự (hiện có 18)');
      expect(text).not.toMatch(/có tên|có dạng|phổ biến|dãy phím/);
      await page.screenshot(join(SHOTS, `${name}-password-strong.png`));
      await page.close();
    }, 120_000);

    it('holds the save of a password that misses a requirement until “I understand” (warn), then lets it through', async () => {
      const page = await openWhenReady(session, PASSWORD_URL, fixture('password-vi.html'), `!!document.querySelector('[data-congvu-password]')`);
      await page.type('#newpasswd', 'matkhau123');
      await page.type('#confpasswd', 'matkhau123');
      await page.click('button.mainaction');
      await page.waitForBanner('chưa đáp ứng đủ các yêu cầu', 20_000);
      expect(await page.evaluate<boolean>('window.__passwordSaved === true')).toBe(false);
      await page.clickBannerAction('acknowledge');
      await page.click('button.mainaction');
      await page.waitFor('window.__passwordSaved === true', 20_000);
      await page.close();
    }, 120_000);

    if (only.forwarding) {
      it('notes a public forwarding target beside the field, citing Art. 9.3, stops the save (block), and saves an official one', async () => {
        // The note is the only sign the script runs here: open again until it shows (registration follows the policy).
        let page: PageDriver | undefined;
        const deadline = Date.now() + 90_000;
        while (!page) {
          const candidate = await session.open({ url: FORWARDING_URL, html: fixture('forwarding-vi.html') });
          await candidate.type('#forward_status', 'B');
          await candidate.waitFor(`document.getElementById('forward_status').value === 'on'`);
          await candidate.type('#action_target', 'canbo.dn@gmail.com');
          try {
            await candidate.waitForBanner('canbo.dn@gmail.com', 8_000);
            page = candidate;
          } catch (e) {
            await candidate.close();
            if (Date.now() > deadline) throw e;
          }
        }
        const text = await page.bannerText();
        expect(text).toContain('hộp thư không do hệ thống thư công vụ cấp');
        expect(text).toContain('Căn cứ: Khoản 3 Điều 9, Quy chế ban hành kèm QĐ 3712/QĐ-UBND (Đà Nẵng)');
        await page.click('.formbuttons button.submit');
        await page.waitForBanner('Thiết lập chuyển thư chưa được lưu.', 20_000);
        expect(await page.evaluate<boolean>('window.__forwardSaved === undefined')).toBe(true);
        await page.screenshot(join(SHOTS, `${name}-forwarding-blocked.png`));
        // The user corrects the target to an official mailbox (of the merged province): the note goes, the save goes through.
        await page.evaluate(`document.getElementById('action_target').value = ''`);
        await page.type('#action_target', 'vanthu@quangnam.gov.vn');
        await page.waitFor(`document.getElementById('action_target').value === 'vanthu@quangnam.gov.vn'`);
        expect(await page.bannerText()).toBe('');
        await page.click('.formbuttons button.submit');
        await page.waitFor(`!!window.__forwardSaved && window.__forwardSaved.target === 'vanthu@quangnam.gov.vn'`, 20_000);
        await page.close();
      }, 240_000);
    }
  });
}
