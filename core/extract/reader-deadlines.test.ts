// Crafted documents that used to hold the reading thread for minutes (issue 9, item 5): each one
// now ends within its budget, with a coded error when it cannot be read.
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { memoryUsage } from 'node:process';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html';
import { ExtractError, extractDocument } from './index';
import { Budget, DEFAULT_LIMITS, resolveLimits, TextSink } from './limits';

const MB = 1024 * 1024;

/** Settles `run` and says how: 'ok' or the ExtractError's code (anything else fails the test). */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return (err as ExtractError).code;
  }
}

/** A budget whose deadline has already passed: any reader that reads the clock stops at once. */
const expired = () => new Budget(resolveLimits({ timeoutMs: 0 }), 0, 0);

/** A one-page PDF with a correct xref; `contents` is the page's content stream dictionary + data. */
export function pdfWith(contents: { dict: string; data: Uint8Array }, extra: { dict: string; data: Uint8Array }[] = []): Uint8Array {
  const objects: (string | { dict: string; data: Uint8Array })[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << ${extra.map((_, k) => `/Im${k} ${6 + k} 0 R`).join(' ')} >> >> >>`,
    contents,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...extra,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(offset);
    const body =
      typeof o === 'string'
        ? [Buffer.from(`${k + 1} 0 obj\n${o}\nendobj\n`)]
        : [Buffer.from(`${k + 1} 0 obj\n<< ${o.dict} /Length ${o.data.length} >>\nstream\n`), Buffer.from(o.data), Buffer.from('\nendstream\nendobj\n')];
    for (const b of body) {
      parts.push(b);
      offset += b.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A zlib stream of `head` then `copies` × 16 MB of spaces, built from one deflated 16 MB block
 * repeated (each ends byte-aligned by a sync flush), so a gigabyte costs about a megabyte.
 */
export function flateBomb(head: string, copies: number): Uint8Array {
  const flush = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
  const first = deflateRawSync(Buffer.from(head), flush);
  const block = deflateRawSync(Buffer.alloc(16 * MB, 0x20), flush);
  return new Uint8Array(Buffer.concat([Buffer.from([0x78, 0x9c]), first, ...Array<Buffer>(copies).fill(block), Buffer.from([0x03, 0x00])]));
}

/** 3 MB of HTML: 200 000 style tags around a line of real text. */
export function styleFlood(): string {
  return `<html><body><p>Liên hệ: nguyenvana@gmail.com</p>${'<style>p{}</style>'.repeat(200_000)}<p>Hết</p></body></html>`;
}

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

  it('a tag with half a million unparseable attributes settles within its budget', async () => {
    const bytes = new TextEncoder().encode(`<html><body><a ${'= '.repeat(1_500_000)}>x</a></body></html>`);
    expect(await outcome(() => extractDocument('a.html', bytes, { timeoutMs: 3_000 }))).toMatch(/^(ok|timeout)$/);
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
