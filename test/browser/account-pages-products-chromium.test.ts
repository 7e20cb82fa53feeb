// The checklist and the forwarding note on each official webmail product's own pages, in
// Chromium with the built extension, driven with real clicks and key presses. Pages and URLs:
// the official-fixtures set (test/fixtures/official/<product>/, sources in its SOURCES.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, ROOT, type BrowserSession, type PageDriver } from './harness';

interface Product {
  origin: string;
  password: { path: string; field: string };
  forwarding: { path: string; switchOn?: string; field: string; save: string };
}

const PRODUCTS: Record<string, Product> = {
  owa: {
    origin: 'https://mail.danang.gov.vn',
    password: { path: '/owa/auth/expiredpassword.aspx?url=/owa/auth.owa', field: '#newPwd1' },
    forwarding: { path: '/owa/?path=/options/forwarding', switchOn: 'input[name="forwarding"][value="start"]', field: 'input[autoid="_o_fwd"]', save: 'button[autoid="_o_save"]' },
  },
  'zimbra-classic': {
    origin: 'https://mail.example-zimbra.gov.vn',
    password: { path: '/h/changepass?skin=harmony', field: '#newPassword' },
    forwarding: { path: '/?app=options', field: '#Prefs_Input_MAIL_FORWARDING_ADDRESS input', save: '#zb__PREF__SAVE' },
  },
  'zimbra-modern': {
    origin: 'https://webmail.example-zimbra.gov.vn',
    password: { path: '/modern/?loginOp=login', field: '#loginNewPassword' },
    forwarding: { path: '/modern/email/Inbox', switchOn: '#mail-forwarding-active', field: 'input.zimbra-client_settings_textInput', save: '.zimbra-client_modal-dialog_footer .blocks_button_primary' },
  },
  obm: {
    origin: 'https://thudientu.danang.gov.vn',
    password: { path: '/password/password_index.php', field: 'input[name="tf_new_password"]' },
    forwarding: { path: '/mailforward/mailforward_index.php?action=detailupdate', switchOn: 'input[name="cb_nomade_enable"]', field: 'input[name="tf_email_nomade[]"]', save: 'form[name="form_forward"] input[type="submit"]' },
  },
};

const fixture = (product: string, name: string) => readFileSync(join(ROOT, 'test/fixtures/official', product, name), 'utf8');

/** Opens the page and acts until the extension's note shows; registration follows the policy change by a moment. */
async function untilShown(session: BrowserSession, url: string, html: string, act: (p: PageDriver) => Promise<void>, text: string): Promise<PageDriver> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const page = await session.open({ url, html });
    await act(page);
    try {
      await page.waitForBanner(text, 8_000);
      return page;
    } catch (e) {
      await page.close();
      if (Date.now() > deadline) throw e;
    }
  }
}

describe.each(Object.entries(PRODUCTS))('chromium, %s: account pages of the official webmail', (product, site) => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchChromium();
    await session.setUserPolicy({ authority: 'danang', officialWebmailUrl: site.origin });
  }, 120_000);
  afterAll(async () => session?.close(), 60_000);

  it('shows the checklist as the new password is typed, and nothing leaves meanwhile', async () => {
    const before = session.strayRequests.length;
    const page = await untilShown(session, site.origin + site.password.path, fixture(product, 'password-vi.html'), (p) => p.type(site.password.field, 'Danang@1985'), 'có tên cơ quan, địa phương');
    const text = await page.bannerText();
    expect(text).toContain('Ít nhất 12 ký tự (hiện có 11)');
    expect(text).toContain('có dạng ngày tháng hoặc năm sinh');
    expect(session.strayRequests.slice(before).filter((u) => u.includes('1985'))).toEqual([]);
    await page.screenshot(join(ROOT, `test-results/account-pages/chromium-${product}-password.png`));
    await page.close();
  }, 180_000);

  it('notes a public forwarding target and stops the save (Đà Nẵng: block)', async () => {
    const { path, switchOn, field, save } = site.forwarding;
    const page = await untilShown(
      session,
      site.origin + path,
      fixture(product, 'forwarding-vi.html'),
      async (p) => {
        if (switchOn) await p.click(switchOn);
        await p.type(field, 'canbo.dn@gmail.com');
      },
      'canbo.dn@gmail.com',
    );
    expect(await page.bannerText()).toContain('Căn cứ: Khoản 3 Điều 9');
    await page.click(save);
    await page.waitForBanner('Thiết lập chuyển thư chưa được lưu.', 20_000);
    expect(await page.evaluate<boolean>('window.__forwardSaved === undefined')).toBe(true);
    await page.screenshot(join(ROOT, `test-results/account-pages/chromium-${product}-forwarding.png`));
    await page.close();
  }, 180_000);
});

// Mail-filter editors that redirect mail (004 Art. 9.3 covers rules as well as the forwarding setting).
const FILTER_EDITORS: Record<string, { product: string; origin: string; path: string; field: string; save: string }> = {
  'zimbra-classic filter rule': { product: 'zimbra-classic', origin: 'https://mail.example-zimbra.gov.vn', path: '/?app=options&section=FILTERS', field: '#ZmFilterRuleDialog_actions input#FilterRuleDialog_INPUT_7', save: '#ZmFilterRuleDialog_button2' },
};

describe.each(Object.entries(FILTER_EDITORS))('chromium, %s: redirect action of a mail filter', (name, editor) => {
  let session: BrowserSession;
  const slug = name.replace(/\s+/g, '-');
  beforeAll(async () => {
    session = await launchChromium();
    await session.setUserPolicy({ authority: 'danang', officialWebmailUrl: editor.origin });
  }, 120_000);
  afterAll(async () => session?.close(), 60_000);

  it('notes a public redirect target citing Art. 9.3 and stops the save (Đà Nẵng: block)', async () => {
    const page = await untilShown(session, editor.origin + editor.path, fixture(editor.product, 'filters-vi.html'), (p) => p.type(editor.field, 'canbo.dn@gmail.com'), 'canbo.dn@gmail.com');
    expect(await page.bannerText()).toContain('Căn cứ: Khoản 3 Điều 9');
    await page.click(editor.save);
    await page.waitForBanner('Thiết lập chuyển thư chưa được lưu.', 20_000);
    expect(await page.evaluate<boolean>('window.__forwardSaved === undefined')).toBe(true);
    await page.screenshot(join(ROOT, `test-results/account-pages/chromium-${slug}.png`));
    await page.close();
  }, 180_000);

  it('lets a rule redirecting to an official address save', async () => {
    // The public target first proves the guard is running on this page; the official one then replaces it.
    const page = await untilShown(session, editor.origin + editor.path, fixture(editor.product, 'filters-vi.html'), (p) => p.type(editor.field, 'canbo.dn@gmail.com'), 'canbo.dn@gmail.com');
    await page.evaluate(`document.querySelector(${JSON.stringify(editor.field)}).select()`);
    await page.type(editor.field, 'vanthu@danang.gov.vn');
    await page.click(editor.save);
    await expect.poll(() => page.evaluate<string | null>('window.__forwardSaved ? window.__forwardSaved.redirect : null'), { timeout: 20_000 }).toBe('vanthu@danang.gov.vn');
    await page.close();
  }, 180_000);
});
