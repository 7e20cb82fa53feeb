// An encrypted PDF's streams are ciphertext to the bomb guard; pdfjs decrypts them and inflates
// each one whole, with no cap. A 1 MB PDF locked with an empty user password, its page a flate
// bomb, grew the CLI's worker past 1.5 GB until the deadline stopped it (and the add-in's pane
// reads on its own thread, with no deadline that can stop a call). The guard now opens such a
// file itself (pdf-decrypt.ts) and holds each decrypted stream to the caps of a plain one.
import { deflateSync } from 'node:zlib';
import { memoryUsage } from 'node:process';
import { describe, expect, it } from 'vitest';
import { outcome } from './outcome.test-util';
import { encryptedPdfWith, flateBomb, pdfWith } from '../../test/fixtures/docs/crafted';
import { extractDocument } from './index';
import { md5, rc4 } from './pdf-crypt';
import { createHash } from 'node:crypto';

const MB = 1024 * 1024;
const PAGE = 'BT /F1 12 Tf 72 720 Td (Lien he: nguyenvana@gmail.com) Tj ET';

describe.each(['rc4', 'aes128', 'aes256'] as const)('a PDF locked with an empty user password (%s)', (method) => {
  it('is read: the guard opens it as pdfjs does', async () => {
    const pdf = encryptedPdfWith({ dict: '/Filter /FlateDecode', data: new Uint8Array(deflateSync(PAGE)) }, method);
    expect((await extractDocument('cong-van.pdf', pdf)).text).toContain('nguyenvana@gmail.com');
  });

  it('whose page is a flate bomb (1 GB in 1 MB) is a zip-bomb, with memory bounded, as it is unencrypted', async () => {
    const bomb = encryptedPdfWith({ dict: '/Filter /FlateDecode', data: flateBomb(PAGE, 64) }, method);
    expect(bomb.length).toBeLessThan(1.5 * MB);
    const rssBefore = memoryUsage().rss;
    expect(await outcome(() => extractDocument('bom.pdf', bomb, { timeoutMs: 5_000 }))).toBe('zip-bomb');
    expect(memoryUsage().rss - rssBefore).toBeLessThan(256 * MB);
  });

  it('whose page inflates past the entry cap is a zip-bomb, and under it is read, as an unencrypted one', async () => {
    const data = new Uint8Array(deflateSync(Buffer.concat([Buffer.from(`${PAGE}\n`), Buffer.alloc(2 * MB, 0x20)]), { level: 9 }));
    const pdf = encryptedPdfWith({ dict: '/Filter /FlateDecode', data }, method);
    const plain = pdfWith({ dict: '/Filter /FlateDecode', data });
    for (const limits of [{ maxEntryBytes: MB }, { maxExpandedBytes: MB }]) {
      expect(await outcome(() => extractDocument('trang.pdf', pdf, limits))).toBe(await outcome(() => extractDocument('trang.pdf', plain, limits)));
      expect(await outcome(() => extractDocument('trang.pdf', pdf, limits))).toBe('zip-bomb');
    }
    expect((await extractDocument('trang.pdf', pdf, { maxEntryBytes: 3 * MB })).text).toContain('nguyenvana@gmail.com');
  });
});

describe('a PDF whose encryption the guard cannot open', () => {
  it('is not handed to pdfjs: an unknown security handler is "encrypted", never read unbounded', async () => {
    const pdf = encryptedPdfWith({ dict: '/Filter /FlateDecode', data: flateBomb(PAGE, 64) }, 'rc4');
    const text = Buffer.from(pdf).toString('latin1').replace('/Filter /Standard /V 2', '/Filter /FooSec /V 2');
    expect(await outcome(() => extractDocument('bom.pdf', new Uint8Array(Buffer.from(text, 'latin1')), { timeoutMs: 5_000 }))).toBe('encrypted');
  });
});

describe('md5', () => {
  it('is MD5 at every length around its block edges', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = new Uint8Array(n).map((_, k) => (k * 31 + 7) & 255);
      expect(Buffer.from(md5(bytes.subarray(0, n >> 1), bytes.subarray(n >> 1))).toString('hex')).toBe(createHash('md5').update(bytes).digest('hex'));
    }
  });
});

describe('rc4', () => {
  // Published test vectors (the first from RFC 6229's 40-bit key, its first 16 bytes of keystream).
  it.each([
    ['Key', 'Plaintext', 'bbf316e8d940af0ad3'],
    ['Wiki', 'pedia', '1021bf0420'],
    ['Secret', 'Attack at dawn', '45a01f645fc35b383552544b9bf5'],
  ])('encrypts %j / %j as the published ciphertext', (key, text, hex) => {
    expect(Buffer.from(rc4(Buffer.from(key), Buffer.from(text))).toString('hex')).toBe(hex);
    expect(Buffer.from(rc4(Buffer.from(key), Buffer.from(hex, 'hex'))).toString()).toBe(text);
  });
  it('gives RFC 6229 keystream for the key 0102030405', () => {
    expect(Buffer.from(rc4(new Uint8Array([1, 2, 3, 4, 5]), new Uint8Array(16))).toString('hex')).toBe('b2396305f03dc027ccc3524a0a1118a8');
  });
});
