// Chunks decoded one by one must give exactly the text of the whole part decoded at once, however
// the part is cut: byte-order marks, sequences cut at a chunk's end, bytes that are not UTF-8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDecoder } from './chunk-decoder';

const utf8 = (s: string) => new TextEncoder().encode(s);
// Runs of ASCII markup (the one-shot path), Vietnamese and other multi-byte text, and broken bytes.
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('<c r="A1" t="s"><v>12</v></c>', '<row r="2">', 'abc', '\n') },
  { weight: 2, arbitrary: fc.constantFrom('Hà Nội', 'Ủy ban', '😀', '\uFEFF', 'ハ') },
  { weight: 1, arbitrary: fc.constantFrom('\xFF', '\xC3', '\xE1\xBB', '\xF0\x9F\x98', '\x80', '\xEF\xBB\xBF') },
);
const parts = fc.array(piece, { maxLength: 60 }).map((list) => {
  const chunks = list.map((p) => (/^[\x80-\xFF]+$/.test(p) ? Uint8Array.from(p, (c) => c.charCodeAt(0)) : utf8(p)));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return all;
});
const cutAnywhere = fc.tuple(parts, fc.uniqueArray(fc.nat(), { maxLength: 12 })).map(([all, cuts]) => {
  const at = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
  return { all, chunks: [...at, all.length].map((end, k) => all.subarray(k === 0 ? 0 : at[k - 1], end)) };
});

function decodeInChunks(chunks: Uint8Array[]): string {
  const decode = chunkDecoder();
  let out = '';
  for (const c of chunks) if (c.length > 0) out += decode(c);
  return out + decode();
}

describe('chunkDecoder', () => {
  it('gives the text of the whole part, however it is cut', () => {
    fc.assert(
      fc.property(cutAnywhere, ({ all, chunks }) => {
        expect(decodeInChunks(chunks)).toBe(new TextDecoder().decode(all));
      }),
      { numRuns: 3000 },
    );
  });

  it('drops a byte-order mark only at the start, and keeps U+FEFF that opens a later chunk', () => {
    const first = utf8('\uFEFF<a>');
    const later = utf8('\uFEFFx</a>');
    expect(decodeInChunks([first, utf8('<b/>'), later])).toBe('<a><b/>\uFEFFx</a>');
  });

  it('reads UTF-16 parts by their byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x3e, 0]);
    expect(decodeInChunks([bytes.subarray(0, 3), bytes.subarray(3)])).toBe('<a>');
  });
});
