// The table-driven fold must give exactly what the Unicode passes give, on any text: Vietnamese
// typed precomposed or decomposed, other scripts, marks NFD reorders, letters whose lower case
// depends on the word (Σ) or is longer (İ), surrogates paired or alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../extract';
import { sentence } from '../encoding/arbitraries.test-util';
import { fold, WARM } from './fold';
import { foldReference } from './fold-reference.test-util';

const unit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
const anyUnits = fc.string({ unit, minLength: 0, maxLength: 300 });
const anyCodePoints = fc.string({ unit: 'binary', minLength: 0, maxLength: 300 });

// Pieces that stress each place the table could go wrong, among plain Vietnamese.
const tricky = fc.constantFrom(
  'Nguyễn Văn ĐỨC', 'Ủy ban', 'QUYẾT ĐỊNH', 'đ', 'Đ', 'd\u0323\u0302', 'e\u0302\u0301', 'A\u0306\u0300',
  '\u0300', '\u0301\u0323', '\u0345', '\u0344', '\u034f', // marks that are dropped, one reordered
  '\u0483', '\u0591', '\u05b0', '\u0e48', '\u1dc0', '\u20d0', '\u0f71\u0f72', '\u0f73', '\u302a', // marks that are kept and may reorder
  'Σ', 'ΟΔΟΣ', 'ΟΔΟΣ.', 'Σ\u0301', 'ά', 'Ά', 'ΐ', '\u1f00', // Greek: final sigma, tonos
  'İ', 'I\u0307', 'ı', 'ß', 'ẞ', 'ŉ', 'ǰ', 'ﬀ', 'Ǆ', 'ǅ', 'Å', 'K', 'Ω', // longer or special lower case
  '한국어', '\u1100\u1161\u11a8', 'ガ', 'カ\u3099', '中文', // Hangul syllables and jamo, kana with voiced mark
  '𐐀𐐨', '😀', '\ud835\udc00', '\ud800', '\udc00', 'x\ud800\u0301', // astral letters, lone surrogates
  '＠ｇｍａｉｌ．ｃｏｍ', 'Ａ', 'Привет', 'Ѐ', '\u00a8', '\u1fee', '“Trích”', '–', '\u0001', '\u0000', '\n\t ',
);
const latin = fc.integer({ min: 0, max: 0x24f }).map((u) => String.fromCharCode(u));
const vietnameseBlock = fc.integer({ min: 0x1e00, max: 0x1eff }).map((u) => String.fromCharCode(u));
const piece = fc.oneof(
  { weight: 4, arbitrary: sentence(1, 12, ['lower', 'title', 'upper']) },
  { weight: 3, arbitrary: tricky },
  { weight: 2, arbitrary: latin },
  { weight: 2, arbitrary: vietnameseBlock },
  { weight: 1, arbitrary: sentence(1, 6, ['lower', 'upper']).map((s) => s.normalize('NFD')) },
  { weight: 1, arbitrary: unit },
);
const biased = fc.array(piece, { minLength: 0, maxLength: 60 }).map((pieces) => pieces.join(''));

// Texts long and short, padded so that Vietnamese surrounds whatever was drawn.
const padded = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, sentence(12, 20, ['lower', 'title'])).map(([t, pad]) => (t.length >= 64 ? t : `${pad} ${t} ${pad}`));

describe('fold', () => {
  it('folds Vietnamese to lower case without diacritics', () => {
    expect(fold('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc; Nơi nhận: Sở Nội vụ.')).toBe(
      'cong hoa xa hoi chu nghia viet nam — doc lap - tu do - hanh phuc; noi nhan: so noi vu.',
    );
  });

  it('gives the same before and after the process has folded enough to use the table', () => {
    const text = 'Ủy ban nhân dân ĐÀ NẴNG; Nơi nhận: Sở Nội vụ, Σ là sigma; 한국 e\u0301\u05b0. '.repeat(2000);
    const reference = foldReference(text);
    for (let k = 0; k < 4; k++) expect(fold(text)).toBe(reference);
    expect(fold(text.replace(/Σ/g, 'S'))).toBe(foldReference(text.replace(/Σ/g, 'S')));
  });

  describe('once the table is used', () => {
    // A process folds its first WARM characters by the passes; these tests are about the table.
    beforeAll(() => {
      fold(' '.repeat(WARM));
    });

  it('gives what the Unicode passes give on any code units', () => {
    fc.assert(fc.property(padded(anyUnits), (text) => {
          expect(fold(text)).toBe(foldReference(text));
        }), { numRuns: 500 });
  });

  it('gives what the Unicode passes give on any code points', () => {
    fc.assert(fc.property(padded(anyCodePoints), (text) => {
          expect(fold(text)).toBe(foldReference(text));
        }), { numRuns: 500 });
  });

  it('gives what the Unicode passes give on Vietnamese mixed with marks, other scripts and special cases', () => {
    fc.assert(fc.property(padded(biased), (text) => {
          expect(fold(text)).toBe(foldReference(text));
        }), { numRuns: 2000 });
  });

  it('gives what the Unicode passes give on every code unit beside Vietnamese and combining marks', () => {
    // A capital sigma sends the whole text to the passes, so it gets a text of its own.
    const contexts = [['Ế', 'e\u0301', '\u0323', '\u05b0', '\u0e48', '\u0345', 'ｇ'], ['ΟΣ']];
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      for (const around of contexts) {
        const text = `Ủy ban nhân dân thành phố Đà Nẵng, Nguyễn Văn Ánh ${around.map((a) => `${a}${c}${a}`).join(' ')} ${c}${c} Điều 7 ${c}`;
        if (fold(text) !== foldReference(text)) expect(fold(text), `U+${u.toString(16)}`).toBe(foldReference(text));
      }
    }
  });

  it('keeps lone surrogates in a long text', () => {
    const text = 'Ủy ban nhân dân ĐÀ NẴNG \ud800 x\udc00 \udc00\ud800 😀 e\u0301\u05b0. '.repeat(40);
    expect(fold(text)).toBe(foldReference(text));
  });

  it('gives what the Unicode passes give on a text longer than the buffer it keeps', () => {
    const long = 'Ủy ban nhân dân ĐÀ NẴNG ΟΔΟΣ İ한\ud800 e\u0301\u05b0. '.repeat(3000);
    expect(fold(long)).toBe(foldReference(long));
    expect(fold(long.replace(/Σ/g, 'S'))).toBe(foldReference(long.replace(/Σ/g, 'S')));
  });

  it('gives what the Unicode passes give on the documents in the fixtures and samples', async () => {
    const dirs = ['test/fixtures/docs', 'samples'];
    let documents = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        if (!statSync(join(dir, name)).isFile()) continue;
        const bytes = new Uint8Array(readFileSync(join(dir, name)));
        const doc = await extractDocument(name, bytes).catch(() => undefined);
        if (!doc?.text) continue;
        documents++;
        for (const text of [doc.text, doc.text.normalize('NFD'), doc.text.toUpperCase()]) expect(fold(text)).toBe(foldReference(text));
      }
    }
    expect(documents).toBeGreaterThan(10);
  });
  });
});
