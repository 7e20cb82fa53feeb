import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentence } from './arbitraries.test-util';
import { encodeLegacy } from './index';
import { referenceDecodeTcvn3, referenceDecodeVniCounting } from './reference-decoders.test-util';
import { decodeTcvn3 } from './tcvn3';
import { nfcInert, toNfc } from './units';
import { decodeVniCounting, VNI_DECODE } from './vni';

// The table-driven decoders against the reference, on text that mixes what they must tell
// apart: legacy codes of both encodings, ASCII letters of either case, Unicode Vietnamese,
// combining marks, letters beyond the BMP, lone surrogates, and line breaks between words.
const units = fc.constantFrom(
  ...'aeouyAEOUYCHNTbcnt .,-\n\r\u2028',
  ...Array.from({ length: 0x60 }, (_, k) => String.fromCharCode(0xa0 + k)),
  'ộ', 'Ộ', 'đ', 'ư', '\u0301', '\u0323', '\u212b', '\u0130', 'ǰ', 'ŉ', '𝐀', '\ud835', '\udc00',
  '\u2000', '\u2001', '–', '“', '…', '＠', '．', '\uff9e', '\u3099',
);
const mixed = fc.string({ unit: units, maxLength: 60 });
const legacySentence = fc.tuple(sentence(1, 15, ['lower', 'title', 'upper']), fc.constantFrom('tcvn3' as const, 'vni' as const)).map(([s, e]) => encodeLegacy(s, e));
const anyText = fc.oneof(mixed, legacySentence, fc.array(fc.oneof(mixed, legacySentence), { maxLength: 4 }).map((xs) => xs.join('\n')));

describe('table-driven legacy decoders', () => {
  it('decode TCVN3 exactly as the reference does, in a normal and a capitals font', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, capitals) => {
        expect(decodeTcvn3(text, capitals)).toBe(referenceDecodeTcvn3(text, capitals));
      }),
      { numRuns: 3000 },
    );
  });

  it('decode VNI exactly as the reference does, leftover count included', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(decodeVniCounting(text)).toEqual(referenceDecodeVniCounting(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('decode a long text, past the chunk the string is built in', () => {
    const line = `${encodeLegacy('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'tcvn3')}\n${encodeLegacy('Độc lập - Tự do - Hạnh phúc', 'tcvn3')}\n`;
    const long = line.repeat(2000);
    expect(decodeTcvn3(long)).toBe(referenceDecodeTcvn3(long));
    const vni = encodeLegacy('Kính gửi: Sở Thông tin và Truyền thông.\n', 'vni').repeat(2000);
    expect(decodeVniCounting(vni)).toEqual(referenceDecodeVniCounting(vni));
  });

  it('keep a lone surrogate and a pair in a long text as they are', () => {
    for (const odd of ['\ud835', '\udc00', '𝐀']) {
      const long = `${encodeLegacy('Cộng hoà xã hội chủ nghĩa Việt Nam ', 'tcvn3').repeat(40)}${odd}${'x'.repeat(600)}`;
      expect(decodeTcvn3(long)).toBe(referenceDecodeTcvn3(long));
      expect(decodeTcvn3(long)).toContain(odd);
      const vni = `${encodeLegacy('Cộng hòa xã hội chủ nghĩa Việt Nam ', 'vni').repeat(40)}${odd}${'x'.repeat(600)}`;
      expect(decodeVniCounting(vni)).toEqual(referenceDecodeVniCounting(vni));
      expect(decodeVniCounting(vni).text).toContain(odd);
    }
  });

  it('skip normalisation only where it changes nothing', () => {
    // Every pair of units the decoders call inert is NFC as it stands.
    const inert: string[] = [];
    for (let c = 0x20; c < 0x300; c++) inert.push(String.fromCharCode(c));
    for (let c = 0x1ea0; c <= 0x1ef9; c++) inert.push(String.fromCharCode(c));
    for (let c = 0x2002; c <= 0x206f; c++) inert.push(String.fromCharCode(c));
    for (let c = 0xff00; c <= 0xffef; c++) inert.push(String.fromCharCode(c));
    expect(inert.every((c) => nfcInert(c.charCodeAt(0)))).toBe(true);
    // And nothing else is called inert that NFC would change or combine.
    const listed = new Set(inert);
    for (let c = 0; c <= 0xffff; c++) if (nfcInert(c) && !listed.has(String.fromCharCode(c))) expect(c < 0x20).toBe(true);
    for (const a of inert) for (const b of inert) if ((a + b).normalize('NFC') !== a + b) expect.fail(`${a}${b} is not NFC`);
  });

  it('give text in NFC, the very same string when it has nothing to normalise', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(toNfc(text)).toBe(text.normalize('NFC'));
      }),
      { numRuns: 3000 },
    );
    const inert = 'Cộng hoà xã hội chủ nghĩa Việt Nam, ABC 123\n'.repeat(1000);
    expect(Object.is(toNfc(inert), inert)).toBe(true);
    expect(toNfc('Vie\u0323\u0302t')).toBe('Việt');
  });

  it('know every unit that lower-cases onto a VNI base or mark', () => {
    // decodeVniCounting lower-cases pairs by hand; the reference asks the string itself.
    const firsts = new Set([...VNI_DECODE.keys()].filter((k) => k.length === 2).map((k) => k[0]!.toLowerCase()));
    const marks = new Set([...VNI_DECODE.keys()].filter((k) => k.length === 2).map((k) => k[1]!.toLowerCase()));
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const lower = ch.toLowerCase();
      if (firsts.has(lower)) expect(decodeVniCounting(`${ch}\u00f9`)).toEqual(referenceDecodeVniCounting(`${ch}\u00f9`));
      if (marks.has(lower)) expect(decodeVniCounting(`a${ch}`)).toEqual(referenceDecodeVniCounting(`a${ch}`));
    }
  });
});
