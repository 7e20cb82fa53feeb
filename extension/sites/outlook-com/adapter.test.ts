// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { outlookComAdapter } from './adapter.js';
import { clickTarget, flush, loadFixture, startWatching, type Recorder } from '../test-helpers.js';

let rec: Recorder | undefined;
afterEach(() => rec?.controller.abort());

describe('outlook.com adapter', () => {
  it('serves outlook.live.com mail, not Microsoft 365', () => {
    expect(outlookComAdapter.matches(new URL('https://outlook.live.com/mail/0/'))).toBe(true);
    expect(outlookComAdapter.matches(new URL('https://outlook.office.com/mail/'))).toBe(false);
  });

  it('finds the compose in the reading pane and reads to, cc, bcc, subject, body and attachment', () => {
    loadFixture('outlook-com/compose-vi.html');
    rec = startWatching(outlookComAdapter);
    expect(rec.opened).toHaveLength(1);
    const c = rec.opened[0]!;
    expect(c.root.querySelector('#docking_InitVisiblePart_0')).not.toBeNull();
    expect(c.root.contains(document.querySelector('[role=listbox]'))).toBe(false); // message list is outside
    const d = c.readDraft();
    expect(d.to).toEqual(['binh.tv@yahoo.com', 'stc@example.gov.vn']);
    expect(d.cc).toEqual(['chau.lm@sotp.example.gov.vn']);
    expect(d.bcc).toEqual(['luutru.vanphong@outlook.com']);
    expect(d.unknownRecipients).toEqual([]);
    expect(d.subject).toBe('RE: Công văn 125');
    expect(d.bodyText).toContain('Gửi anh dự thảo công văn số 125/STP-VP.');
    expect(d.bodyText).toContain('Nhờ chị gửi lại bản mới nhất.');
    expect(d.bodyLinks).toEqual(['https://1drv.ms/w/s!AbC123']);
    expect(d.attachments).toEqual([{ name: 'bao-cao-quy-iv.pdf', size: Math.round(1.5 * 1024 * 1024) }]);
  });

  it('treats display-name-only pills as unknown and reads an address kept in a title', () => {
    loadFixture('outlook-com/name-only-recipient-vi.html');
    rec = startWatching(outlookComAdapter);
    expect(rec.opened).toHaveLength(1);
    const c = rec.opened[0]!;
    expect(c.root.getAttribute('data-app-section')).toBe('Form_Content');
    const d = c.readDraft();
    expect(d.to).toEqual(['ha.nt@hanoi.example.gov.vn']);
    expect(d.cc).toEqual([]);
    expect(d.unknownRecipients).toEqual(['Phạm Quốc Dũng', 'Văn thư Sở']);
    expect(d.bodyLinks).toEqual(['mailto:tccb@sotp.example.gov.vn']);
  });

  it('recognises Send (and its label span), not Discard ("Hủy"), the send-options arrow or formatting', () => {
    loadFixture('outlook-com/compose-vi.html');
    rec = startWatching(outlookComAdapter);
    const c = rec.opened[0]!;
    const send = c.root.querySelector('#splitButton-ro__primaryActionButton')!;
    expect(c.isSendControl(clickTarget(send))).toBe(true);
    expect(c.isSendControl(clickTarget(send.querySelector('.ms-Button-label')!))).toBe(true);
    expect(c.isSendControl(clickTarget(c.root.querySelector('[aria-label="Hủy"] .ms-Button-label')!))).toBe(false);
    expect(c.isSendControl(clickTarget(c.root.querySelector('#splitButton-ro__menuButton')!))).toBe(false);
    expect(c.isSendControl(clickTarget(c.root.querySelector('[aria-label="Định dạng văn bản"]')!))).toBe(false);
    expect(c.isSendControl(clickTarget(document.querySelector('#innerRibbonContainer .ms-Button-label')!))).toBe(false);
  });

  it('places a stable banner host above the body, inside the compose', () => {
    loadFixture('outlook-com/compose-vi.html');
    rec = startWatching(outlookComAdapter);
    const c = rec.opened[0]!;
    const host = c.bannerHost();
    const body = c.root.querySelector('[aria-multiline=true]')!;
    expect(c.root.contains(host)).toBe(true);
    expect(body.contains(host)).toBe(false);
    expect(host.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(c.bannerHost()).toBe(host);
  });

  it('reports a compose opened after start and its removal', async () => {
    loadFixture('outlook-com/name-only-recipient-vi.html');
    const form = document.querySelector('[data-app-section="Form_Content"]')!;
    const parent = form.parentElement!;
    form.remove();
    rec = startWatching(outlookComAdapter);
    expect(rec.opened).toHaveLength(0);
    parent.append(form);
    await flush();
    expect(rec.opened).toHaveLength(1);
    form.remove();
    await flush();
    expect(rec.closed).toEqual(rec.opened);
  });
});
