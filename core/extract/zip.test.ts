// The zip reader's one-call path for small entries (issue 11): whatever an entry declares, the
// bytes that reach the reader and the errors it raises are those streaming gives.
import { deflateSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zlibInflater } from '../../cli/native-inflate';
import { Budget, ExtractError, resolveLimits, type ExtractLimits } from './limits';
import { useWholeInflater, ZipArchive, type WholeInflater } from './zip';

interface Entry {
  name: string;
  data: Uint8Array;
  /** What the headers claim the entry inflates to. */
  declaredSize: number;
  method?: number;
}

/** A zip written by hand, so that each entry's declared size can lie. */
function zipOf(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data, declaredSize, method = 8 } of entries) {
    const n = strToU8(name);
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, method, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, declaredSize, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const cd = new Uint8Array(46 + n.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, method, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, declaredSize, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    cd.set(n, 46);
    parts.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, central.reduce((s, c) => s + c.length, 0), true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((s, c) => s + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** Text that deflate cannot shrink much, so that its compressed size is known to be large. */
function noisyText(chars: number): string {
  let x = 12345;
  let s = '';
  while (s.length < chars) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += String.fromCharCode(0x61 + ((x >>> 16) % 26));
  }
  return s;
}

function readAll(zip: Uint8Array, name: string, limits: Partial<ExtractLimits> = {}): { text: string; chunks: number } {
  const archive = ZipArchive.open(zip, new Budget(resolveLimits(limits)));
  const pieces: Uint8Array[] = [];
  archive.read(name, (c) => pieces.push(c.slice()));
  return { text: Buffer.concat(pieces).toString('utf8'), chunks: pieces.length };
}

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ExtractError);
    return { code: (e as ExtractError).code, message: (e as ExtractError).message };
  }
  throw new Error('no error');
}

const text = `<w:t>Liên hệ: vanthu@gmail.com</w:t>${'<w:t>Kính gửi Sở Nội vụ</w:t>'.repeat(2000)}`;
const bytes = strToU8(text);
const deflated = deflateSync(bytes);

// fflate's one call (every host) and the CLI's zlib must give the same bytes and errors.
const inflaters: [string, WholeInflater | undefined][] = [
  ['fflate', undefined],
  ['the CLI’s zlib', zlibInflater],
];

describe.each(inflaters)('small zip entries, read in one call by %s', (_, inflater) => {
  beforeAll(() => useWholeInflater(inflater));
  afterAll(() => useWholeInflater());

  it('an entry declaring its true size is read whole, in one piece', () => {
    // 40 KB compressed: streaming hands this over in several pieces, the one-call path in one.
    const noisy = strToU8(noisyText(60_000));
    const packed = deflateSync(noisy);
    expect(packed.length).toBeGreaterThan(16 * 1024);
    const got = readAll(zipOf([{ name: 'a.xml', data: packed, declaredSize: noisy.length }]), 'a.xml');
    expect(got.text).toBe(noisyText(60_000));
    expect(got.chunks).toBe(1);
  });

  it('an entry declaring less than it holds is still read whole', () => {
    const got = readAll(zipOf([{ name: 'a.xml', data: deflated, declaredSize: 1234 }]), 'a.xml');
    expect(got.text).toBe(text);
  });

  it('an entry declaring more than it holds gives what it holds, without error', () => {
    const got = readAll(zipOf([{ name: 'a.xml', data: deflated, declaredSize: bytes.length + 5000 }]), 'a.xml');
    expect(got.text).toBe(text);
  });

  it('a small entry that lies about its size and inflates past the entry cap is a zip bomb', () => {
    const bomb = deflateSync(new Uint8Array(3_000_000));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const zip = zipOf([{ name: 'a.xml', data: bomb, declaredSize: 1000 }]);
    expect(errorOf(() => readAll(zip, 'a.xml', { maxEntryBytes: 1_000_000 }))).toEqual({
      code: 'zip-bomb',
      message: 'Entry a.xml inflates past 1000000 bytes; the archive looks like a zip bomb.',
    });
  });

  it('small entries past the total cap are a zip bomb, whatever they declare', () => {
    const zip = zipOf([
      { name: 'a.xml', data: deflated, declaredSize: bytes.length },
      { name: 'b.xml', data: deflated, declaredSize: 10 },
    ]);
    const archive = ZipArchive.open(zip, new Budget(resolveLimits({ maxExpandedBytes: bytes.length + 100 })));
    archive.read('a.xml', () => {});
    expect(errorOf(() => archive.read('b.xml', () => {}))).toEqual({
      code: 'zip-bomb',
      message: `Decompressed content exceeds ${bytes.length + 100} bytes; the archive looks like a zip bomb.`,
    });
  });

  it('a cut deflate stream is corrupt, with the words streaming gives', () => {
    const cut = deflated.subarray(0, deflated.length >> 1);
    for (const declaredSize of [bytes.length, 10]) {
      expect(errorOf(() => readAll(zipOf([{ name: 'a.xml', data: cut, declaredSize }]), 'a.xml'))).toEqual({
        code: 'corrupt',
        message: 'The zip archive is damaged: entry a.xml does not inflate (unexpected EOF).',
      });
    }
  });

  it('garbage in place of deflate data is corrupt', () => {
    const junk = new Uint8Array(300).fill(0xff);
    expect(errorOf(() => readAll(zipOf([{ name: 'a.xml', data: junk, declaredSize: 300 }]), 'a.xml')).code).toBe('corrupt');
  });

  it('a stored deflate block that overflows its declared size is still read whole', () => {
    // Deflate's stored blocks are copied whole: overflowing the declared buffer throws inside
    // the one-call path, which must then stream instead of calling the entry corrupt.
    const stored = deflateSync(strToU8(noisyText(5000)), { level: 0 });
    const got = readAll(zipOf([{ name: 'a.xml', data: stored, declaredSize: 100 }]), 'a.xml');
    expect(got.text).toBe(noisyText(5000));
  });

  it('a reader that throws stops the entry with its own error', () => {
    const archive = ZipArchive.open(zipOf([{ name: 'a.xml', data: deflated, declaredSize: bytes.length }]), new Budget(resolveLimits({})));
    const mine = new Error('reader gave up');
    expect(() =>
      archive.read('a.xml', () => {
        throw mine;
      }),
    ).toThrow(mine);
  });
});
