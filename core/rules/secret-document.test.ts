import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD, mentionsMat, secretDocumentRule as rule, secrecyStamp, STAMP_LINE, stampReadWhole } from './secret-document';
import { attachment, context, draft } from './test-helpers';

describe('secrecyStamp', () => {
  it.each([
    ['MẬT\nỦY BAN NHÂN DÂN', 'MẬT'],
    ['ỦY BAN NHÂN DÂN\n  TỐI MẬT  \nSố: 12/BC-UBND', 'TỐI MẬT'],
    ['[TUYỆT MẬT]', 'TUYỆT MẬT'],
    ['MẬT\nphần sau có TỐI MẬT\nTỐI MẬT', 'TỐI MẬT'],
    ['Độ mật: Tối mật\nĐộ khẩn: Hỏa tốc', 'TỐI MẬT'],
    ['Độ mật: Mật', 'MẬT'],
  ])('finds the stamp in %j', (text, level) => {
    expect(secrecyStamp(text)).toBe(level);
  });

  it.each([
    'Vui lòng đổi mật khẩu sau lần đăng nhập đầu tiên.',
    'MẬT KHẨU\nĐộ dài tối thiểu 12 ký tự',
    'ĐẢM BẢO AN TOÀN, BẢO MẬT THÔNG TIN',
    'Giữ bí mật thông tin cá nhân.',
    'Mật ong rừng U Minh',
    'Mật\n',
    'Độ mật: Thường',
    'BÍ MẬT NHÀ NƯỚC là thông tin có nội dung quan trọng',
  ])('does not fire on ordinary words: %j', (text) => {
    expect(secrecyStamp(text)).toBeUndefined();
  });
});

// issue 11: the stamp of the last long text is kept, since a draft is checked again unchanged.
describe('secrecyStamp on a long text checked again', () => {
  it('gives the stamp of the text as it is now, whatever was read before it', () => {
    const filler = 'Ủy ban nhân dân thành phố đề nghị các cơ quan, đơn vị triển khai thực hiện.\n'.repeat(80);
    const stamped = `${filler}TỐI MẬT\n${filler}`;
    const restamped = `${filler}MẬT\n${filler}`;
    const unstamped = `${filler}Mật khẩu\n${filler}`;
    const expected = [stamped, stamped, unstamped, stamped, restamped, restamped.slice(0, filler.length), restamped].map((t) => secrecyStamp(t));
    expect(expected).toEqual(['TỐI MẬT', 'TỐI MẬT', undefined, 'TỐI MẬT', 'MẬT', undefined, 'MẬT']);
  });
});

describe('secrecyStamp in any letter case', () => {
  // The quick "does the text say mật at all" test must let every casing through that the
  // field's case-insensitive pattern reads, wherever in a long text it sits.
  const casing = (word: string) => fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((up) => [...word].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
  it('finds "Độ mật: Tối mật" however it is cased', () => {
    fc.assert(
      fc.property(casing('mật'), casing('mật'), fc.string({ maxLength: 40 }), (first, second, before) => {
        const text = `${before.replace(/[^ a-z]/gi, ' ')}\nĐộ ${first}: Tối ${second}\n`;
        expect(secrecyStamp(text)).toBe('TỐI MẬT');
      }),
      { numRuns: 300 },
    );
  });
});

describe('secret-document', () => {
  it('names the stamped file and its level', () => {
    const [f] = rule.check(draft({ attachments: [attachment('bao-cao.docx', 'TỐI MẬT\nBÁO CÁO')] }), context());
    expect(f?.params).toEqual({ file: 'bao-cao.docx', level: 'TỐI MẬT' });
    expect(f?.actions).toEqual(['remove-attachment']);
  });

  it('reads a stamp in the subject or body of the message itself', () => {
    expect(rule.check(draft({ subject: '[MẬT] Kế hoạch kiểm tra' }), context())[0]?.params.level).toBe('MẬT');
    expect(rule.check(draft({ subject: 'TUYỆT MẬT - Phương án' }), context())[0]?.params.level).toBe('TUYỆT MẬT');
    expect(rule.check(draft({ subject: 'Mật khẩu mới', bodyText: 'Mật khẩu của anh là …' }), context())).toEqual([]);
  });
});

// issue 11: the word is looked for with two plain searches, which must see what the regex sees.
describe('the pre-check for the word "mật"', () => {
  const unit = fc.constantFrom('m', 'M', 'ậ', 'Ậ', 't', 'T', 'a', 'ạ', ' ', '\n', 'Độ mật: ', 'MẬT', 'mật', 'mâ\u0323t', 'Luật');
  it('answers as a case-insensitive search for the word does', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = units.join('');
        expect(mentionsMat(text)).toBe(/mật/iu.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});

// issue 11: after a keystroke in a long draft that had no "mật", only the edited stretch is read
// for the word. The stamp must be what reading the whole draft finds, wherever the edit falls:
// a keystroke that completes the word across the edit's edge ("MẬ" + "T") included.
describe('the stamp of a long draft edited after it was read', () => {
  const filler = 'Báo cáo kết quả thực hiện nhiệm vụ năm 2026.\n'.repeat(200);
  const piece = fc.constantFrom('', '\n', 'T', 'T\n', 't', 'M', 'MẬ', '\nTỐI MẬ', 'ẬT\n', 'Ậ', 'ậ', 'TỐI MẬT', '\nMẬT\n', '\nTỐI MẬT\n', 'Độ mật: Tuyệt mật', 'mật khẩu', 'x');
  it('gives the level a whole reading gives', () => {
    fc.assert(
      fc.property(fc.tuple(piece, piece, piece), fc.tuple(fc.nat(4), fc.integer({ min: -3, max: 3 }), fc.nat()), fc.nat({ max: 4 }), fc.tuple(piece, piece), ([a, b, c], [near, offset, anywhere], cut, [put1, put2]) => {
        const middle = filler.length >> 1;
        const before = `${a}${filler.slice(0, middle)}${b}${filler.slice(middle)}${c}`;
        // Beside the pieces, where a keystroke can finish or break a word, or anywhere.
        const places = [a.length, a.length + middle, a.length + middle + b.length, before.length - c.length];
        const k = Math.min(before.length, Math.max(0, near < 4 ? places[near]! + offset : anywhere % (before.length + 1)));
        const after = before.slice(0, k) + put1 + put2 + before.slice(k + cut);
        secrecyStamp(before);
        expect(secrecyStamp(after)).toBe(stampReadWhole(after));
      }),
      { numRuns: 4000 },
    );
  });
});

// issue 11: the stamp patterns are tried only where a stamp can stand (a line holding "MẬT", a
// "độ" and blanks before a "mật"), not at every position of a long body. What they find must be
// what the patterns tried everywhere find (the reading before that change), on any text.
describe('the stamp search, against the patterns tried at every position', () => {
  const LEVEL_ORDER = ['TUYỆT MẬT', 'TỐI MẬT', 'MẬT'];
  function everywhere(text: string): string | undefined {
    const seen = new Set<string>();
    const line = new RegExp(STAMP_LINE.source, 'gmu');
    const field = new RegExp(FIELD.source, 'giu');
    for (const re of [line, field]) for (const m of text.matchAll(re)) seen.add(m[1]!.toUpperCase().replace(/\s+/g, ' '));
    return LEVEL_ORDER.find((l) => seen.has(l)) ?? (seen.size ? 'MẬT' : undefined);
  }
  const unit = fc.constantFrom(
    'MẬT', 'TỐI MẬT', 'TUYỆT MẬT', 'mật', 'Mật', 'mẬt', 'độ', 'Độ', 'ĐỘ', 'đỘ', 'tối', 'tuyệt', ':', ' ', '  ', '\t', '\u00a0', '\u3000', '\ufeff',
    '\n', '\r\n', '\r', '\u2028', '[', ']', '(', ')', '«', '»', '*', '_', '-', '.', '!', '"', '“', '”', 'a', 'x', 'ư', 'Đ', '1', 'độ mật', 'Độ mật:', 'bảo mật', 'mật khẩu',
  );
  // Fields and stamp lines put together from their parts, every blank a regex's \s takes among them.
  const blank = fc.constantFrom(' ', '\t', '\u00a0', '\u1680', '\u2003', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff', '\n', '\r', '\u2028', '\u000b', '\u200b');
  const blanks = (minLength: number) => fc.array(blank, { minLength, maxLength: 3 }).map((b) => b.join(''));
  const field = fc
    .tuple(fc.constantFrom('', ' ', 'x', '(', 'ư'), fc.constantFrom('độ', 'Độ', 'ĐỘ', 'đỘ', 'do'), blanks(0), fc.constantFrom('mật', 'MẬT', 'Mật'), blanks(0), fc.constantFrom(':', ''), blanks(0), fc.constantFrom('mật', 'tối mật', 'Tối\u00a0mật', 'TUYỆT MẬT', 'tuyệt\nmật', 'mậts'), fc.constantFrom('', '.', 'x', 'ư'))
    .map((parts) => parts.join(''));
  const stampLine = fc.tuple(fc.constantFrom('', '\n', '\r\n', '\u2028', '\u2029', 'x'), fc.constantFrom('', '[', '« ', '**', '\u00a0'), fc.constantFrom('MẬT', 'TỐI MẬT', 'TUYỆT MẬT', 'TỐI  MẬT'), fc.constantFrom('', ']', ' »', '!', '.', ' x'), fc.constantFrom('', '\n', '\r', '\u2028', 'y')).map((parts) => parts.join(''));
  it('finds the level the patterns find everywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(unit, unit, field, stampLine), { maxLength: 16 }), (units) => {
        const text = units.join('');
        expect(stampReadWhole(text)).toBe(everywhere(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
