// Hostile and broken input: every case ends in an ExtractError with the right code, quickly,
// without allocating what the input claims.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
 
import { readFileSync } from 'node:fs';
 
import { memoryUsage } from 'node:process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, ExtractError, extractDocument } from './index';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/docs/${name}`, import.meta.url)));
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return (err as ExtractError).code;
  }
};

/** Raw deflate (fixed Huffman) of `prefix` then `copies` × 258 more bytes of its last byte: ~13 bits per 258 bytes. */
function bombDeflate(prefix: string, copies: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + prefix.length * 8 + copies * 13 + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, n: number) => {
    // Huffman codes go most-significant bit first.
    for (let k = n - 1; k >= 0; k--, bit++) if ((value >> k) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  put(1, 1); // BFINAL
  put(0b10, 2); // BTYPE=01 (fixed), written LSB first
  for (const ch of prefix) put(0x30 + ch.charCodeAt(0), 8); // literals 0-143
  for (let k = 0; k < copies; k++) put(0b1100010100000, 13); // length 258 (code 285) + distance 1 (code 0)
  put(0, 7); // end of block
  return out.subarray(0, (bit + 7) >> 3);
}

/** A stored-by-hand zip with one deflated entry whose declared size lies. */
function zipWithEntry(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const files: [string, Uint8Array, number, number][] = [
    ['[Content_Types].xml', strToU8(CONTENT_TYPES), 0, CONTENT_TYPES.length],
    [name, deflated, 8, declaredSize],
  ];
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [fname, data, method, size] of files) {
    const n = strToU8(fname);
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const cd = new Uint8Array(46 + n.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    cd.set(n, 46);
    chunks.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, eocd];
  const result = new Uint8Array(all.reduce((s, c) => s + c.length, 0));
  let p = 0;
  for (const c of all) {
    result.set(c, p);
    p += c.length;
  }
  return result;
}

const docxOf = (documentXml: string) => zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': strToU8(documentXml) });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('limits', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxInputBytes: 100 * 2 ** 20, maxExpandedBytes: 200 * 2 ** 20, maxTextChars: 20_000_000, timeoutMs: 20_000, maxDepth: 8, maxEntries: 10_000 });
  });

  it('a file over maxInputBytes is refused before parsing', async () => {
    const bytes = new Uint8Array(2048).fill(0x41);
    await expect(extractDocument('a.txt', bytes, { maxInputBytes: 1024 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('a docx inflating past a small expanded-bytes cap is a zip bomb', async () => {
    const bomb = docxOf(`<w:document ${W}><w:body><w:p><w:r><w:t>${'a'.repeat(4_000_000)}</w:t></w:r></w:p></w:body></w:document>`);
    expect(bomb.length).toBeLessThan(50_000);
    await expect(extractDocument('bomb.docx', bomb, { maxExpandedBytes: 1_000_000 })).rejects.toMatchObject({ code: 'zip-bomb' });
    // The same file within a generous cap is read (and cut at the text budget).
    const doc = await extractDocument('bomb.docx', bomb, { maxTextChars: 1000 });
    expect(doc.truncated).toBe(true);
    expect(doc.text.length).toBe(1000);
    expect(doc.notices).toEqual([{ code: 'text-cut', count: 1000 }]);
  });

  it('a 1 GB bomb with lying declared sizes is rejected and memory stays bounded', async () => {
    const prefix = `<w:document ${W}><w:body><w:p><w:r><w:t>a`;
    const copies = Math.ceil(2 ** 30 / 258);
    const bomb = zipWithEntry('word/document.xml', bombDeflate(prefix, copies), 1234);
    expect(bomb.length).toBeLessThan(8 * 2 ** 20);
    const rssBefore = memoryUsage().rss;
    await expect(extractDocument('bomb.docx', bomb)).rejects.toMatchObject({ code: 'zip-bomb' });
    // Bound, not timing (speed belongs in bench/): the 1 GB never materialises.
    expect(memoryUsage().rss - rssBefore).toBeLessThan(256 * 2 ** 20);
  }, 120_000);

  it('too many zip entries is refused', async () => {
    const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(CONTENT_TYPES) };
    for (let k = 0; k < 60; k++) files[`x/${k}.xml`] = new Uint8Array(0);
    await expect(extractDocument('many.docx', zipSync(files), { maxEntries: 50 })).rejects.toMatchObject({ code: 'zip-bomb' });
  });

  it('plain text longer than maxTextChars is still read whole: the budget guards inflation, not real text', async () => {
    const big = new TextEncoder().encode(`${'Liên hệ: a@gmail.com\n'.repeat(100_000)}Cuối cùng: cuoi.cung@yahoo.com\n`);
    const doc = await extractDocument('big.txt', big, { maxTextChars: 50_000 });
    expect(doc.truncated).toBeUndefined();
    expect(doc.notices).toBeUndefined();
    expect(doc.text.endsWith('Cuối cùng: cuoi.cung@yahoo.com\n')).toBe(true);
  });

  it('the deadline is checked between steps → timeout', async () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1_000));
    await expect(extractDocument('a.docx', fixture('cong-van-lien-he-gmail.docx'), { timeoutMs: 3_000 })).rejects.toMatchObject({ code: 'timeout' });
  });
});

describe('broken and unsupported input', () => {
  it('a truncated docx is corrupt', async () => {
    const docx = fixture('cong-van-lien-he-gmail.docx');
    expect(await code(extractDocument('t.docx', docx.subarray(0, docx.length >> 1)))).toBe('corrupt');
  });

  it('broken XML keeps what was read before the break', async () => {
    const doc = await extractDocument('b.docx', docxOf(`<w:document ${W}><w:body><w:p><w:r><w:t>Liên hệ: x@gmail.com</w:t></w:r></w:p><w:p><w:r><w:t>oops</w:r>`));
    expect(doc.text).toContain('Liên hệ: x@gmail.com');
    expect(doc.truncated).toBe(true);
    expect(await code(extractDocument('b.docx', docxOf('<w:document <<<')))).toBe('corrupt');
  });

  it('random bytes are unsupported or corrupt, never anything else', async () => {
    const bytes = new Uint8Array(4096);
    for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 2654435761) >>> 24;
    expect(await code(extractDocument('r.bin', bytes))).toBe('unsupported');
  });

  it('an encrypted OOXML file (OLE with EncryptionInfo) is encrypted; a legacy .doc is unsupported', async () => {
    const ole = (streams: string[]) => {
      const b = new Uint8Array(4096);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      streams.forEach((s, i) => [...s].forEach((ch, k) => (b[1024 + i * 128 + k * 2] = ch.charCodeAt(0))));
      return b;
    };
    await expect(extractDocument('secret.docx', ole(['EncryptionInfo', 'EncryptedPackage']))).rejects.toMatchObject({ code: 'encrypted' });
    await expect(extractDocument('old.doc', ole(['WordDocument']))).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/\.doc\b/) });
  });

  it('a damaged PDF is corrupt', async () => {
    expect(await code(extractDocument('x.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> garbage')))).toBe('corrupt');
  });

  it('a zip that is no office document is unsupported', async () => {
    expect(await code(extractDocument('a.zip', zipSync({ 'hello.txt': strToU8('hi') })))).toBe('unsupported');
  });
});

describe('properties', () => {
  const settle = async (name: string, bytes: Uint8Array) => {
    try {
      const doc = await extractDocument(name, bytes, { timeoutMs: 5_000 });
      expect(typeof doc.text).toBe('string');
    } catch (err) {
      if (!(err instanceof ExtractError)) throw err;
    }
  };

  it('arbitrary bytes settle with a document or an ExtractError', async () => {
    const names = fc.constantFrom('a.docx', 'a.pdf', 'a.eml', 'a.txt', 'a.html', 'a', 'a.xlsx');
    await fc.assert(fc.asyncProperty(names, fc.uint8Array({ maxLength: 4096 }), settle), { numRuns: 300 });
  });

  it('arbitrary prefixes on real magic numbers settle too', async () => {
    const heads = fc.constantFrom('PK\u0003\u0004', '%PDF-1.4\n', '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1', 'From: a@b.vn\nTo: c@d.vn\n', '<html><a href="', '\ufeff');
    await fc.assert(
      fc.asyncProperty(heads, fc.uint8Array({ maxLength: 2048 }), (head, tail) => settle('x', new Uint8Array([...[...head].map((c) => c.charCodeAt(0) & 0xff), ...tail]))),
      { numRuns: 300 },
    );
  });

  it('real documents with bytes flipped or cut settle too', async () => {
    const sources = ['cong-van-lien-he-gmail.docx', 'danh-ba-lien-he.xlsx', 'cong-van-lien-he-gmail.pdf', 'thu-dinh-kem-cong-van.eml', 'bao-cao-hoi-nghi.odp'].map(fixture);
    await fc.assert(
      fc.asyncProperty(fc.nat(sources.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 8 }), fc.option(fc.nat()), async (which, flips, cut) => {
        const src = sources[which]!;
        const bytes = src.slice(0, cut === null ? src.length : cut % (src.length + 1));
        for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
        await settle('x', bytes);
      }),
      { numRuns: 150 },
    );
  });
});
