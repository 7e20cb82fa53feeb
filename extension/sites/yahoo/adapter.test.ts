// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { yahooAdapter } from './adapter.js';
import { clickTarget, flush, loadFixture, startWatching, type Recorder } from '../test-helpers.js';

let rec: Recorder | undefined;
afterEach(() => rec?.controller.abort());

describe('yahoo adapter', () => {
  it('serves mail.yahoo.com only', () => {
    expect(yahooAdapter.matches(new URL('https://mail.yahoo.com/d/compose/'))).toBe(true);
    expect(yahooAdapter.matches(new URL('https://mail.google.com/mail/u/0/'))).toBe(false);
  });

  it('finds the open compose and reads it; a name-only pill is unknown', () => {
    loadFixture('yahoo/compose-vi.html');
    rec = startWatching(yahooAdapter);
    expect(rec.opened).toHaveLength(1);
    const d = rec.opened[0]!.readDraft();
    expect(d.to).toEqual(['stc@example.gov.vn']);
    expect(d.cc).toEqual(['chau.lm@sotp.example.gov.vn']);
    expect(d.bcc).toEqual([]);
    expect(d.unknownRecipients).toEqual(['Anh Tuấn phòng KH']);
    expect(d.subject).toBe('Báo cáo tình hình thực hiện nhiệm vụ quý IV');
    expect(d.bodyText).toContain('Kính gửi Sở Tài chính,');
    expect(d.bodyLinks).toEqual(['https://drive.google.com/file/d/9XyZ/view']);
    expect(d.attachments).toEqual([{ name: 'bao-cao-quy-iv.docx', size: 245 * 1024 }]);
  });

  it('counts an address typed into the To box before it becomes a pill', () => {
    loadFixture('yahoo/compose-vi.html');
    rec = startWatching(yahooAdapter);
    document.querySelector<HTMLInputElement>('#message-to-field')!.value = 'KeToan.So@gmail.com';
    expect(rec.opened[0]!.readDraft().to).toEqual(['stc@example.gov.vn', 'ketoan.so@gmail.com']);
  });

  it('recognises Send and its inner spans, not Discard ("Hủy") or formatting', () => {
    loadFixture('yahoo/compose-vi.html');
    rec = startWatching(yahooAdapter);
    const c = rec.opened[0]!;
    const send = c.root.querySelector('[data-test-id="compose-send-button"]')!;
    expect(c.isSendControl(clickTarget(send))).toBe(true);
    expect(c.isSendControl(clickTarget(send.querySelector('span span')!))).toBe(true);
    expect(c.isSendControl(clickTarget(c.root.querySelector('[title="Hủy bản nháp"] span')!))).toBe(false);
    expect(c.isSendControl(clickTarget(c.root.querySelector('[title="Định dạng văn bản"]')!))).toBe(false);
  });

  it('places a stable banner host above the editor', () => {
    loadFixture('yahoo/compose-vi.html');
    rec = startWatching(yahooAdapter);
    const c = rec.opened[0]!;
    const host = c.bannerHost();
    expect(c.root.contains(host)).toBe(true);
    expect(host.compareDocumentPosition(c.root.querySelector('[data-test-id="rte"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(c.bannerHost()).toBe(host);
    host.remove();
    expect(c.root.contains(c.bannerHost())).toBe(true);
  });

  it('reports a compose added after start and its removal', async () => {
    loadFixture('yahoo/compose-vi.html');
    rec = startWatching(yahooAdapter);
    const styler = document.querySelector('[data-test-id="compose-styler"]')!;
    styler.remove();
    await flush();
    expect(rec.closed).toHaveLength(1);
    document.querySelector('#mail-app-component > div')!.append(styler);
    await flush();
    expect(rec.opened).toHaveLength(2);
    expect(rec.opened[1]!.root).toBe(rec.opened[0]!.root); // same element, reported again on return
  });
});
