// The bomb guard inflated a stream only when its first filter was spelled FlateDecode or Fl;
// pdfjs inflates whole every Flate of a chain, after ASCII armour, and reads #xx escapes in
// names. A 2.4 KB PDF whose page is Flate within Flate grew the CLI's worker to 3.3 GB, and a
// 520 KB one in ASCIIHex armour to 900 MB, both reported read. Every such chain is now held to
// the caps at each stage (a 264 KB one in RunLength grew it to 900 MB).
import { deflateSync } from 'node:zlib';
import { memoryUsage } from 'node:process';
import { describe, expect, it } from 'vitest';
import { outcome } from './outcome.test-util';
import { encryptedPdfWith, flateBomb, pdfWith } from '../../test/fixtures/docs/crafted';
import { extractDocument } from './index';

const MB = 1024 * 1024;
const PAGE = 'BT /F1 12 Tf 72 720 Td (Lien he: nguyenvana@gmail.com) Tj ET';

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

/** RunLength: a byte repeated 3 to 128 times as one repeat, the rest as literal runs of up to 128 bytes, then the end mark. */
function runLength(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  let literal: number[] = [];
  const flush = () => {
    if (literal.length) out.push(literal.length - 1, ...literal);
    literal = [];
  };
  for (let k = 0; k < bytes.length; ) {
    let same = 1;
    while (same < 128 && bytes[k + same] === bytes[k]) same++;
    if (same >= 3) {
      flush();
      out.push(257 - same, bytes[k]!);
      k += same;
    } else {
      literal.push(bytes[k++]!);
      if (literal.length === 128) flush();
    }
  }
  flush();
  out.push(128);
  return new Uint8Array(out);
}

const hex = (bytes: Uint8Array) => new TextEncoder().encode(`${Buffer.from(bytes).toString('hex')}>`);
const chains: [string, string, (zlib: Uint8Array) => Uint8Array][] = [
  ['Flate within Flate', '/Filter [/FlateDecode /FlateDecode]', (z) => new Uint8Array(deflateSync(z, { level: 9 }))],
  ['ASCIIHex then Flate', '/Filter [/ASCIIHexDecode /FlateDecode]', hex],
  ['ASCII85 then Flate, abbreviated', '/Filter [/A85 /Fl]', (z) => new TextEncoder().encode(ascii85(z))],
  ['Flate spelled with an escape', '/Filter /Flat#65Decode', (z) => z],
  ['RunLength then Flate', '/Filter [/RunLengthDecode /FlateDecode]', runLength],
];

describe.each(chains)('a page stream filtered %s', (_, dict, wrap) => {
  it('is read when it holds a page', async () => {
    // Stored, not compressed: the page's run of spaces stays a run (a repeat, in RunLength).
    const pdf = pdfWith({ dict, data: wrap(new Uint8Array(deflateSync(`${PAGE}${' '.repeat(300)}`, { level: 0 }))) });
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

/** A PDF of the given pieces in this order, each object's offset in the xref taken from where "N 0 obj" starts. */
function pdfOf(pieces: (string | Uint8Array)[], size: number): Uint8Array {
  const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), ...pieces.map((p) => Buffer.from(p))]);
  const text = body.toString('latin1');
  const offsets = Array.from({ length: size - 1 }, (_, k) => new RegExp(`(?<![0-9])${k + 1} 0 obj`).exec(text)!.index);
  const xref = [`xref\n0 ${size}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  return new Uint8Array(Buffer.concat([body, Buffer.from(`${xref}trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${body.length}\n%%EOF\n`)]));
}

describe('a flate bomb the guard could not see where it stood', () => {
  const head = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n',
  ];
  const font = '5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n';
  const page = (dict: string, data: Uint8Array) => [`4 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`, data, '\nendstream\nendobj\n'];

  it('a dictionary longer than the window the guard read back: a zip-bomb', async () => {
    const pdf = pdfOf([...head, ...page(`/Filter /FlateDecode /Pad [${'0 '.repeat(3000)}]`, flateBomb(PAGE, 16)), font], 6);
    expect(await outcome(() => extractDocument('bom.pdf', pdf, { timeoutMs: 5_000 }))).toBe('zip-bomb');
  });

  it('a string in the dictionary holding " obj": a zip-bomb', async () => {
    const pdf = pdfOf([...head, ...page('/Filter /FlateDecode /Note (see 7 0 obj)', flateBomb(PAGE, 16)), font], 6);
    expect(await outcome(() => extractDocument('bom.pdf', pdf, { timeoutMs: 5_000 }))).toBe('zip-bomb');
  });

  it('inside the "data" of a stream that never ends where it says: a zip-bomb', async () => {
    // Object 6 claims 5 bytes and has no endstream: the bomb, object 4, lies in what follows.
    const fake = '6 0 obj\n<< /Length 5 >>\nstream\nXXXXX\n';
    const pdf = pdfOf([...head, fake, ...page('/Filter /FlateDecode', flateBomb(PAGE, 16)), font], 7);
    expect(await outcome(() => extractDocument('bom.pdf', pdf, { timeoutMs: 5_000 }))).toBe('zip-bomb');
    // The same file with a page that is no bomb is read.
    const fine = pdfOf([...head, fake, ...page('/Filter /FlateDecode', new Uint8Array(deflateSync(PAGE))), font], 7);
    expect((await extractDocument('trang.pdf', fine)).text).toContain('nguyenvana@gmail.com');
  });
});
