// The bomb guard inflated a stream only when its first filter was spelled FlateDecode or Fl;
// pdfjs inflates whole every Flate of a chain, after ASCII armour, and reads #xx escapes in
// names. A 2.4 KB PDF whose page is Flate within Flate grew the CLI's worker to 3.3 GB, and a
// 520 KB one in ASCIIHex armour to 900 MB, both reported read. Every such chain is now held to
// the caps at each stage.
import { deflateSync } from 'node:zlib';
import { memoryUsage } from 'node:process';
import { describe, expect, it } from 'vitest';
import { encryptedPdfWith, flateBomb, pdfWith } from '../../test/fixtures/docs/crafted';
import { ExtractError, extractDocument } from './index';

const MB = 1024 * 1024;
const PAGE = 'BT /F1 12 Tf 72 720 Td (Lien he: nguyenvana@gmail.com) Tj ET';

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return (err as ExtractError).code;
  }
}

/** ASCII85 as PDF writes it: groups of five, 'z' for four zero bytes, '~>' at the end. */
function ascii85(bytes: Uint8Array): string {
  let out = '';
  for (let k = 0; k < bytes.length; k += 4) {
    const n = Math.min(4, bytes.length - k);
    let v = 0;
    for (let i = 0; i < 4; i++) v = v * 256 + (bytes[k + i] ?? 0);
    if (v === 0 && n === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let i = 0; i < 5; i++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += digits.join('').slice(0, n + 1);
  }
  return `${out}~>`;
}

const hex = (bytes: Uint8Array) => new TextEncoder().encode(`${Buffer.from(bytes).toString('hex')}>`);
const chains: [string, string, (zlib: Uint8Array) => Uint8Array][] = [
  ['Flate within Flate', '/Filter [/FlateDecode /FlateDecode]', (z) => new Uint8Array(deflateSync(z, { level: 9 }))],
  ['ASCIIHex then Flate', '/Filter [/ASCIIHexDecode /FlateDecode]', hex],
  ['ASCII85 then Flate, abbreviated', '/Filter [/A85 /Fl]', (z) => new TextEncoder().encode(ascii85(z))],
  ['Flate spelled with an escape', '/Filter /Flat#65Decode', (z) => z],
];

describe.each(chains)('a page stream filtered %s', (_, dict, wrap) => {
  it('is read when it holds a page', async () => {
    const pdf = pdfWith({ dict, data: wrap(new Uint8Array(deflateSync(PAGE))) });
    expect((await extractDocument('trang.pdf', pdf)).text).toContain('nguyenvana@gmail.com');
  });

  it('is a zip-bomb, with memory bounded, when it holds a flate bomb (256 MB of spaces)', async () => {
    const pdf = pdfWith({ dict, data: wrap(flateBomb(PAGE, 16)) });
    expect(pdf.length).toBeLessThan(MB);
    const rssBefore = memoryUsage().rss;
    expect(await outcome(() => extractDocument('bom.pdf', pdf, { timeoutMs: 5_000 }))).toBe('zip-bomb');
    expect(memoryUsage().rss - rssBefore).toBeLessThan(256 * MB);
  });
});

describe('an encrypted PDF whose page is Flate within Flate', () => {
  it('is held to the same caps once decrypted', async () => {
    const pdf = encryptedPdfWith({ dict: '/Filter [/FlateDecode /FlateDecode]', data: new Uint8Array(deflateSync(flateBomb(PAGE, 16), { level: 9 })) }, 'aes128');
    expect(await outcome(() => extractDocument('bom.pdf', pdf, { timeoutMs: 5_000 }))).toBe('zip-bomb');
    const page = encryptedPdfWith({ dict: '/Filter [/FlateDecode /FlateDecode]', data: new Uint8Array(deflateSync(deflateSync(PAGE))) }, 'aes128');
    expect((await extractDocument('trang.pdf', page)).text).toContain('nguyenvana@gmail.com');
  });
});
