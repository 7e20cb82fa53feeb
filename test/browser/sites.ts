// The three webmails as the tests drive them: which fixture, where it is served, and how a
// user's edits look in its markup. Edits are applied to the fixture before it is served, so
// the extension meets each draft as a user would have left it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { ROOT } from './harness';

export interface SiteCase {
  site: 'gmail' | 'yahoo' | 'outlook-com';
  url: string;
  fixture: string;
  root: string;
  send: string;
  subject: string;
  /** Makes the fixture's work draft a personal one: no official recipient, no document markers. */
  personal(doc: Document): void;
}

const PERSONAL_SUBJECT = 'Ảnh đám cưới cuối tuần';
const PERSONAL_BODY = 'Gửi cả nhà ảnh hôm qua nhé! Hẹn gặp lại.';

function clearBody(el: Element | null): void {
  if (el) el.textContent = PERSONAL_BODY;
}

export const SITES: SiteCase[] = [
  {
    site: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
    fixture: 'gmail/compose-dialog-vi.html',
    root: '[role=dialog]',
    send: '[role=dialog] .IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])',
    subject: '[role=dialog] input[name=subjectbox]',
    personal(doc) {
      const root = doc.querySelector('[role=dialog]')!;
      for (const chip of root.querySelectorAll('[data-hovercard-id]')) {
        if (!/@(gmail|yahoo)\.com$/i.test(chip.getAttribute('data-hovercard-id') ?? '')) chip.remove();
      }
      for (const hidden of root.querySelectorAll('input[type=hidden]')) if (/gov\.vn/i.test(hidden.getAttribute('value') ?? '')) hidden.remove();
      for (const chip of root.querySelectorAll('div.dL')) chip.remove();
      root.querySelector('input[name=subjectbox]')!.setAttribute('value', PERSONAL_SUBJECT);
      clearBody(root.querySelector('[g_editable=true]'));
    },
  },
  {
    site: 'yahoo',
    url: 'https://mail.yahoo.com/d/compose/3412',
    fixture: 'yahoo/compose-vi.html',
    root: '[data-test-id=compose]',
    send: '[data-test-id=compose-send-button]',
    subject: '[data-test-id=compose-subject]',
    personal(doc) {
      for (const pill of doc.querySelectorAll('[data-test-id=pill]')) pill.remove();
      doc.querySelector('[data-test-id=attachment-container]')?.remove();
      doc.querySelector('[data-test-id=compose-subject]')!.setAttribute('value', PERSONAL_SUBJECT);
      clearBody(doc.querySelector('[data-test-id=rte]'));
    },
  },
  {
    site: 'outlook-com',
    url: 'https://outlook.live.com/mail/0/inbox/id/AQMkAD',
    fixture: 'outlook-com/compose-vi.html',
    root: '[data-app-section=Form_Content], body',
    send: 'button.ms-Button--primary',
    subject: 'input[type=text][autocomplete=off]',
    personal(doc) {
      for (const well of doc.querySelectorAll('[contenteditable=true]:not([aria-multiline=true])')) {
        for (const pill of [...well.children]) pill.remove();
      }
      for (const item of doc.querySelectorAll('[role=listitem][title]')) item.remove();
      const subjects = doc.querySelectorAll('input[type=text][autocomplete=off]');
      subjects[subjects.length - 1]?.setAttribute('value', PERSONAL_SUBJECT);
      clearBody(doc.querySelector('[role=textbox][aria-multiline=true][contenteditable=true]'));
      for (const quote of doc.querySelectorAll('#divRplyFwdMsg, [id^=divRplyFwdMsg], blockquote, hr')) quote.remove();
    },
  },
];

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test/fixtures/webmail', name), 'utf8');
}

/** Applies `edit` to a fixture with a DOM in Node, and serialises it back to a page. */
export function editFixture(html: string, edit: (doc: Document) => void): string {
  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.write(html);
  edit(doc);
  return `<!DOCTYPE html>${new window.XMLSerializer().serializeToString(window.document.documentElement)}`;
}

/** A script the page runs as the real site would: it counts sends and uploads. */
export function withSiteBehaviour(html: string, sendSelector: string): string {
  const script = `<script>
window.__sent = 0; window.__uploaded = [];
document.addEventListener('click', function (e) { if (e.target.closest && e.target.closest(${JSON.stringify(sendSelector)})) window.__sent++; });
document.addEventListener('keydown', function (e) { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) window.__sent++; });
document.addEventListener('change', function (e) { if (e.target.type === 'file') for (const f of e.target.files) window.__uploaded.push(f.name); });
window.__dropped = [];
document.addEventListener('drop', function (e) { e.preventDefault(); for (const f of e.dataTransfer.files) window.__dropped.push(f.name); });
document.addEventListener('paste', function (e) { for (const f of e.clipboardData.files) window.__dropped.push(f.name); });
</script>`;
  return html.replace(/<\/body>/i, `<input type="file" id="cvg-test-file" multiple>${script}</body>`);
}
