// auto-forward-public (QĐ 3712 Art. 9.3 covers rules as well as the forwarding setting) on the official webmails'
// mail-filter and inbox-rule editors, in a real browser with the built extension, driven as a user does: real clicks
// to open the editor and choose the forwarding action, the address typed with real key events, the editor's own
// save button. Pages: the official-fixtures set (test/fixtures/official/<product>/filters-vi.html, SOURCES.md there).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type BrowserSession, type PageDriver } from './harness';

/** One user step before the address can be typed: a click, or keys typed into an element (a select's type-ahead). */
export type EditorStep = { click: string } | { keys: [selector: string, text: string] };

export interface FilterEditor {
  product: string;
  origin: string;
  path: string;
  /** From the page as served to the address field of a forwarding action. */
  open: EditorStep[];
  field: string;
  save: string;
  /** Typed after the public address where the editor resolves an address on Enter (a recipient pill). */
  resolve?: string;
  /** A page expression: the target the fixture recorded as saved, or null. */
  saved: string;
}

export const FILTER_EDITORS: Record<string, FilterEditor> = {
  'zimbra-classic filter rule': {
    product: 'zimbra-classic',
    origin: 'https://mail.example-zimbra.gov.vn',
    path: '/?app=options&section=FILTERS',
    open: [],
    field: '#ZmFilterRuleDialog_actions input#FilterRuleDialog_INPUT_7',
    save: '#ZmFilterRuleDialog_button2',
    saved: 'window.__forwardSaved ? window.__forwardSaved.redirect : null',
  },
  'owa inbox rule redirect': {
    product: 'owa',
    origin: 'https://mail.danang.gov.vn',
    path: '/owa/?path=/options/inboxrules',
    open: [{ click: 'button[autoid=_ir_add]' }, { click: '[autoid=_ir_action]' }, { click: '._ir_menu [data-group="2"]' }, { click: '._ir_menu [data-kind=RedirectTo]' }],
    field: '[autoid=_ir_actions] input[autoid=_ir_to]',
    save: 'button[autoid=_ir_ok]',
    saved: "window.__forwardSaved ? window.__forwardSaved.to.join(',') : null",
  },
  'owa inbox rule forward as attachment': {
    product: 'owa',
    origin: 'https://mail.danang.gov.vn',
    path: '/owa/?path=/options/inboxrules',
    open: [{ click: 'button[autoid=_ir_add]' }, { click: '[autoid=_ir_action]' }, { click: '._ir_menu [data-group="2"]' }, { click: '._ir_menu [data-kind=ForwardAsAttachmentTo]' }],
    field: '[autoid=_ir_actions] input[autoid=_ir_to]',
    save: 'button[autoid=_ir_ok]',
    // Enter turns the typed address into a recipient, as OWA's picker does: the note must still name it.
    resolve: '\n',
    saved: "window.__forwardSaved ? window.__forwardSaved.to.join(',') : null",
  },
  'obm webmail managesieve redirect': {
    product: 'obm',
    origin: 'https://thudientu.danang.gov.vn',
    path: '/webmail/?_task=settings&_action=plugin.managesieve-action&_framed=1',
    // "G" picks "Gửi lại tin nhắn tới" (redirect) by the select's type-ahead.
    open: [{ keys: ['select#action_type0', 'G'] }],
    field: 'input#action_target0',
    save: 'input.button.mainaction',
    saved: 'window.__forwardSaved ? window.__forwardSaved.redirect : null',
  },
  'zimbra-modern filter redirect': {
    product: 'zimbra-modern',
    origin: 'https://webmail.example-zimbra.gov.vn',
    path: '/modern/email/Inbox?settings=filters',
    // "C" picks "Chuyển hướng tới địa chỉ" by the select's type-ahead.
    open: [{ click: '[data-command=add-filter]' }, { keys: ['.zimbra-client_filter-modal_actionBody select', 'C'] }],
    field: '.zimbra-client_filter-modal_actionBody input[type=text]',
    save: '.zimbra-client_inline-modal-dialog_footer .blocks_button_primary',
    saved: 'window.__forwardSaved ? window.__forwardSaved.redirect : null',
  },
};

const SHOTS = join(ROOT, 'test-results/account-pages');
const fixture = (product: string) => readFileSync(join(ROOT, 'test/fixtures/official', product, 'filters-vi.html'), 'utf8');

async function run(page: PageDriver, steps: EditorStep[]): Promise<void> {
  for (const step of steps) {
    if ('click' in step) await page.click(step.click);
    else await page.type(...step.keys);
  }
}

/** Opens the editor and types `address` until the extension's note shows; registration follows the policy change by a moment. */
async function editorWithNote(session: BrowserSession, editor: FilterEditor, address: string, resolve = ''): Promise<PageDriver> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const page = await session.open({ url: editor.origin + editor.path, html: fixture(editor.product) });
    await run(page, editor.open);
    await page.type(editor.field, address + resolve);
    try {
      await page.waitForBanner(address, 8_000);
      return page;
    } catch (e) {
      await page.close();
      if (Date.now() > deadline) throw e;
    }
  }
}

export function defineFilterEditorSuite(browserName: string, launch: () => Promise<BrowserSession>, editors: Record<string, FilterEditor>): void {
  describe.each(Object.entries(editors))(`${browserName}, %s: forwarding action of a mail rule`, (name, editor) => {
    let session: BrowserSession;
    const slug = name.replace(/\s+/g, '-');
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      session = await launch();
      // Đà Nẵng's preset: auto-forward-public is block.
      await session.setUserPolicy({ authority: 'danang', officialWebmailUrl: editor.origin });
    }, 120_000);
    afterAll(async () => session?.close(), 60_000);

    it('notes a public target beside the field citing Art. 9.3, in Vietnamese, and stops the save (Đà Nẵng: block)', async () => {
      const page = await editorWithNote(session, editor, 'canbo.dn@gmail.com', editor.resolve);
      const text = await page.bannerText();
      expect(text).toContain('hộp thư không do hệ thống thư công vụ cấp');
      expect(text).toContain('Căn cứ: Khoản 3 Điều 9, Quy chế ban hành kèm QĐ 3712/QĐ-UBND (Đà Nẵng)');
      expect(text).toBe(text.normalize('NFC'));
      await page.click(editor.save);
      await page.waitForBanner('Thiết lập chuyển thư chưa được lưu.', 20_000);
      expect(await page.evaluate<string | null>(editor.saved)).toBeNull();
      await page.screenshot(join(SHOTS, `${browserName}-${slug}.png`));
      await page.close();
    }, 180_000);

    it('lets a rule forwarding to an official address save, with no note', async () => {
      // The public target first proves the guard runs on this page; the official one then replaces it.
      const page = await editorWithNote(session, editor, 'canbo.dn@gmail.com');
      // Emptied as the user would select and delete it (Firefox's driver clicks before typing, which would drop a selection).
      await page.evaluate(`void (document.querySelector(${JSON.stringify(editor.field)}).value = '')`);
      await page.type(editor.field, 'vanthu@danang.gov.vn');
      await expect.poll(() => page.bannerText(), { timeout: 20_000 }).toBe('');
      await page.click(editor.save);
      await expect.poll(() => page.evaluate<string | null>(editor.saved), { timeout: 20_000 }).toBe('vanthu@danang.gov.vn');
      await page.close();
    }, 180_000);
  });
}
