// pdfjs decodes an LZW stream whole, as it does Flate, and the bomb guard did not look at LZW:
// one 12-bit code can stand for ~3,800 bytes, so a 156 KB PDF whose page is LZW grew the reader
// to 1.1 GB over 10 s and was reported read. The guard now decodes LZW (alone or before Flate)
// under the same caps; what pdfjs reads of an honest LZW stream is unchanged.
import { deflateSync } from 'node:zlib';
import { memoryUsage } from 'node:process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcome } from './outcome.test-util';
import { encryptedPdfWith, lzwEncode, pdfWith } from '../../test/fixtures/docs/crafted';
import { extractDocument } from './index';

const PAGE = 'BT /F1 12 Tf 72 720 Td (Lien he: nguyenvana@gmail.com) Tj ET\n';
const page = (tail: string) => new Uint8Array(Buffer.from(PAGE + tail, 'latin1'));

describe('a PDF page in LZW', () => {
  it('is read, with the table cleared many times over and either code-width rule', async () => {
    // ~600 KB of varied operators: the 4,096-entry table fills and is cleared again and again.
    const tail = Array.from({ length: 20_000 }, (_, k) => `${k % 97} ${k % 89} m ${(k * 7) % 101} ${k % 13} l S\n`).join('');
    for (const earlyChange of [1, 0] as const) {
      const dict = earlyChange ? '/Filter /LZWDecode' : '/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>';
      const pdf = pdfWith({ dict, data: lzwEncode(page(tail), { earlyChange }) });
      expect((await extractDocument('cong-van.pdf', pdf)).text).toContain('nguyenvana@gmail.com');
    }
  });

  it('is read when random text is behind it (pdfjs decodes what the guard passes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...' aab\nc()'), maxLength: 30_000 }), async (noise) => {
        const body = noise.replace(/[()\\]/g, ' ');
        const pdf = pdfWith({ dict: '/Filter /LZW', data: lzwEncode(page(`% ${body.replace(/\n/g, '\n% ')}\n`)) });
        expect((await extractDocument('cong-van.pdf', pdf)).text).toContain('nguyenvana@gmail.com');
      }),
      { numRuns: 15 },
    );
  });

  it('is a bomb when it decodes past the caps, alone or before Flate, found quickly and in little memory', async () => {
    const before = memoryUsage().rss;
    const alone = pdfWith({ dict: '/Filter /LZWDecode', data: lzwEncode(page(' '.repeat(8_000_000)), { bomb: 100_000 }) });
    expect(alone.length).toBeLessThan(200_000);
    expect(await outcome(() => extractDocument('bom.pdf', alone, { timeoutMs: 20_000 }))).toBe('zip-bomb');
    // LZW around a Flate bomb: the Flate stage inside is held to the caps as well.
    const inner = new Uint8Array(deflateSync(Buffer.alloc(300 * 1024 * 1024, 0x20), { level: 9 }));
    for (const earlyChange of [1, 0] as const) {
      const dict = `/Filter [/LZWDecode /FlateDecode]${earlyChange ? '' : ' /DecodeParms [<< /EarlyChange 0 >> null]'}`;
      const chained = pdfWith({ dict, data: lzwEncode(inner, { earlyChange }) });
      expect(await outcome(() => extractDocument('bom.pdf', chained, { timeoutMs: 20_000 }))).toBe('zip-bomb');
    }
    expect(memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
  });

  it('is a bomb in an encrypted PDF too', async () => {
    const pdf = encryptedPdfWith({ dict: '/Filter /LZWDecode', data: lzwEncode(page(' '.repeat(8_000_000)), { bomb: 100_000 }) }, 'aes128');
    expect(await outcome(() => extractDocument('bom.pdf', pdf, { timeoutMs: 20_000 }))).toBe('zip-bomb');
  });
});
