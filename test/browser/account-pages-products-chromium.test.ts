// The checklist and the forwarding note on each official webmail product's own pages, in
// Chromium with the built extension, driven with real clicks and key presses. Pages and URLs:
// the official-fixtures set (test/fixtures/official/<product>/, sources in its SOURCES.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, ROOT, type BrowserSession, type PageDriver } from './harness';
import { defineFilterEditorSuite, FILTER_EDITORS } from './account-pages-filters-suite';

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

// Mail-filter and inbox-rule editors that send mail on (account-pages-filters-suite.ts).
defineFilterEditorSuite('chromium', launchChromium, FILTER_EDITORS);

// Zimbra Classic is one page: the user goes from Preferences › Mail (forwarding) to Bộ lọc and opens a new filter, no reload.
describe('chromium, zimbra-classic: forwarding setting, then the filters, in one page', () => {
  const origin = 'https://mail.example-zimbra.gov.vn';
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchChromium();
    await session.setUserPolicy({ authority: 'danang', officialWebmailUrl: origin });
  }, 120_000);
  afterAll(async () => session?.close(), 60_000);

  it('guards the filter dialog opened after the forwarding page, and each save only for its own targets', async () => {
    const forwardField = '#Prefs_Input_MAIL_FORWARDING_ADDRESS input';
    const page = await untilShown(session, `${origin}/?app=options`, fixture('zimbra-classic', 'forwarding-vi.html'), (p) => p.type(forwardField, 'canbo.dn@gmail.com'), 'canbo.dn@gmail.com');
    // The user settles on an official forward and saves it: no note, the save goes through.
    await page.evaluate(`document.querySelector(${JSON.stringify(forwardField)}).select()`);
    await page.type(forwardField, 'vanthu@danang.gov.vn');
    await expect.poll(() => page.bannerText(), { timeout: 20_000 }).toBe('');
    await page.click('#zb__PREF__SAVE');
    await page.waitFor(`!!window.__forwardSaved && window.__forwardSaved.target === 'vanthu@danang.gov.vn'`, 20_000);
    // A mark the page keeps only while it is the same document (a reload would drop it).
    await page.evaluate('void (window.__sameDocument = true)');
    // To the filters, a new rule, the redirect action: all built in this document as the user clicks.
    await page.click('#zti__main_Options__PREF_PAGE_FILTERS');
    await page.click('#zb__FRV__ADD_FILTER_RULE');
    await page.click('#FilterRuleDialog_SELECT_5');
    await page.click('#FilterRuleDialog_SELECT_5_option_3');
    await page.type('#FilterRuleDialog_INPUT_7', 'hopthu.rieng@yahoo.com');
    await page.waitForBanner('hopthu.rieng@yahoo.com', 20_000);
    expect(await page.bannerText()).toContain('Căn cứ: Khoản 3 Điều 9');
    await page.click('#ZmFilterRuleDialog_button2');
    await page.waitForBanner('Thiết lập chuyển thư chưa được lưu.', 20_000);
    expect(await page.evaluate<boolean>('window.__filterSaved === undefined')).toBe(true);
    await page.screenshot(join(ROOT, 'test-results/account-pages/chromium-zimbra-classic-filters-after-forwarding.png'));
    // Still the same document: no reload brought the guard.
    expect(await page.evaluate<boolean>('window.__sameDocument === true')).toBe(true);
    // An official redirect saves.
    await page.evaluate(`document.querySelector('#FilterRuleDialog_INPUT_7').select()`);
    await page.type('#FilterRuleDialog_INPUT_7', 'vanthu@danang.gov.vn');
    await page.click('#ZmFilterRuleDialog_button2');
    await page.waitFor(`!!window.__filterSaved && window.__filterSaved.redirect === 'vanthu@danang.gov.vn'`, 20_000);
    await page.close();
  }, 240_000);
});
