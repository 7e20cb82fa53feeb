// Crafted documents that used to hold the reading thread for minutes (issue 9, item 5): each one
// now ends within its budget, with a coded error when it cannot be read.
import { deflateSync } from 'node:zlib';
import { memoryUsage } from 'node:process';
import { describe, expect, it } from 'vitest';
import { outcome } from './outcome.test-util';
import { htmlToText } from './html';
import { extractDocument } from './index';
import { Budget, DEFAULT_LIMITS, resolveLimits, TextSink } from './limits';
import { flateBomb, pdfWith, styleFlood } from '../../test/fixtures/docs/crafted';

const MB = 1024 * 1024;

/** A budget whose deadline has already passed: any reader that reads the clock stops at once. */
const expired = () => new Budget(resolveLimits({ timeoutMs: 0 }), 0, 0);

describe('the HTML reader', () => {
  it('reads the clock inside its loop: 200 000 style tags stop at an expired deadline', () => {
    const html = styleFlood();
    expect(html.length).toBeGreaterThan(3_000_000);
    expect(() => htmlToText(html, new TextSink(DEFAULT_LIMITS.maxTextChars), expired())).toThrow(expect.objectContaining({ code: 'timeout' }));
  });

  it('reads the clock while parsing one endless tag too', () => {
    const html = `<a ${'x=1 '.repeat(500_000)}`;
    expect(() => htmlToText(html, new TextSink(DEFAULT_LIMITS.maxTextChars), expired())).toThrow(expect.objectContaining({ code: 'timeout' }));
  });

  it('a 3 MB page of 200 000 style tags is read within a 3-second budget, its text kept', async () => {
    const bytes = new TextEncoder().encode(styleFlood());
    const doc = await extractDocument('trang.html', bytes, { timeoutMs: 3_000 });
    expect(doc.text).toContain('nguyenvana@gmail.com');
    expect(doc.text).toContain('Hết');
    expect(doc.text).not.toContain('p{}');
  });
});

describe('the PDF reader', () => {
  it('a 1 MB flate bomb (1 GB of spaces in a page) is a zip-bomb, with memory bounded', async () => {
    const bomb = pdfWith({ dict: '/Filter /FlateDecode', data: flateBomb('BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET', 64) });
    expect(bomb.length).toBeLessThan(1.5 * MB);
    const rssBefore = memoryUsage().rss;
    expect(await outcome(() => extractDocument('bom.pdf', bomb, { timeoutMs: 5_000 }))).toBe('zip-bomb');
    expect(memoryUsage().rss - rssBefore).toBeLessThan(256 * MB);
  });

  it('a flate bomb whose dictionary ends a line with a name ending in "stream" is still a zip-bomb', async () => {
    // pdf-lib writes embedded files this way: "/Subtype /application#2Foctet-stream⏎".
    const bomb = pdfWith({ dict: '/Subtype /application#2Foctet-stream\n/Filter /FlateDecode', data: flateBomb('BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET', 64) });
    const rssBefore = memoryUsage().rss;
    expect(await outcome(() => extractDocument('bom.pdf', bomb, { timeoutMs: 5_000 }))).toBe('zip-bomb');
    expect(memoryUsage().rss - rssBefore).toBeLessThan(256 * MB);
  });

  it('a short page stream is held to the same caps as a long one: past the entry cap it is a zip-bomb, under it it is read', async () => {
    // 2 KB that inflate to 2 MB: short enough to be inflated in one call, not pushed through in pieces.
    const data = new Uint8Array(deflateSync(Buffer.concat([Buffer.from('BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET\n'), Buffer.alloc(2 * MB, 0x20)]), { level: 9 }));
    expect(data.length).toBeLessThan(16_000);
    const pdf = pdfWith({ dict: '/Filter /FlateDecode', data });
    expect(await outcome(() => extractDocument('trang.pdf', pdf, { maxEntryBytes: MB }))).toBe('zip-bomb');
    expect(await outcome(() => extractDocument('trang.pdf', pdf, { maxExpandedBytes: MB }))).toBe('zip-bomb');
    expect((await extractDocument('trang.pdf', pdf, { maxEntryBytes: 3 * MB })).text).toContain('Xin chao');
  });

  it('an "image" that inflates past the pixels it declares is a zip-bomb', async () => {
    const liar = { dict: '/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', data: flateBomb('', 1) };
    const pdf = pdfWith({ dict: '', data: new TextEncoder().encode('BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET') }, [liar]);
    expect(await outcome(() => extractDocument('anh.pdf', pdf))).toBe('zip-bomb');
  });

  it('a blank scanned page (a highly compressible image) and a flate text page are still read', async () => {
    const blank = { dict: '/Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', data: new Uint8Array(deflateSync(Buffer.alloc(2480 * 3508, 0xff))) };
    expect(blank.data.length * 1000).toBeLessThan(2480 * 3508 * 2);
    const text = { dict: '/Filter /FlateDecode', data: new Uint8Array(deflateSync(Buffer.from('BT /F1 12 Tf 72 720 Td (Lien he: nguyenvana@gmail.com) Tj ET'))) };
    const doc = await extractDocument('scan.pdf', pdfWith(text, [blank]));
    expect(doc.text).toContain('nguyenvana@gmail.com');
  });
});
