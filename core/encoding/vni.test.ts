import { describe, expect, it } from 'vitest';
import { decodeLegacy, encodeLegacy } from './index';
import { vietnameseLetters } from './syllable';
import { decodeVniCounting, VNI_DECODE } from './vni';

const vni = (s: string) => encodeLegacy(s, 'vni');
const decode = (s: string) => decodeLegacy(s, 'vni');

describe('VNI-Windows table', () => {
  it('spells each of the 134 letters beyond ASCII in its own way', () => {
    const letters = vietnameseLetters().filter((c) => c > '\u007f');
    expect(letters).toHaveLength(134);
    // í ì Í Ì are the Latin-1 letters themselves, so only 130 spellings differ from Unicode
    expect(VNI_DECODE.size).toBe(130);
    expect(new Set(letters.map(vni)).size).toBe(134);
  });

  // Spot checks written out from the VNI-Windows layout, independent of the generated map.
  it.each([
    ['aù', 'á'], ['aø', 'à'], ['aû', 'ả'], ['aõ', 'ã'], ['aï', 'ạ'],
    ['aâ', 'â'], ['aá', 'ấ'], ['aà', 'ầ'], ['aå', 'ẩ'], ['aã', 'ẫ'], ['aä', 'ậ'],
    ['aê', 'ă'], ['aé', 'ắ'], ['aè', 'ằ'], ['aú', 'ẳ'], ['aü', 'ẵ'], ['aë', 'ặ'],
    ['eâ', 'ê'], ['eä', 'ệ'], ['oâ', 'ô'], ['oä', 'ộ'], ['ô', 'ơ'], ['ôù', 'ớ'], ['ö', 'ư'], ['öï', 'ự'],
    ['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['yõ', 'ỹ'], ['î', 'ỵ'], ['ñ', 'đ'],
    ['AÙ', 'Á'], ['AË', 'Ặ'], ['OÄ', 'Ộ'], ['Ô', 'Ơ'], ['ÖØ', 'Ừ'], ['Æ', 'Ỉ'], ['Ò', 'Ị'], ['Î', 'Ỵ'], ['Ñ', 'Đ'],
  ])('%s is %s', (spelling, letter) => {
    expect(decode(spelling)).toBe(letter);
  });

  it('round-trips every letter, both cases', () => {
    for (const c of vietnameseLetters()) expect(decode(vni(c)), c).toBe(c);
  });

  it('lets the base letter decide the case of a pair', () => {
    expect(decode('Aù')).toBe('Á');
    expect(decode('aÙ')).toBe('á');
  });

  it.each([
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'Độc lập - Tự do - Hạnh phúc',
    'Ủy ban nhân dân thành phố Đà Nẵng',
    'Kính gửi: Sở Thông tin và Truyền thông',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Trường Đại học Bách khoa, thuở ấy, khuya rồi',
  ])('round-trips "%s"', (sentence) => {
    expect(decode(vni(sentence))).toBe(sentence);
  });

  it('reads the published example', () => {
    expect(decode('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(vni('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBe('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam');
    expect(vni('Trường')).toBe('Tröôøng');
  });

  it('counts Latin-1 letters no spelling used', () => {
    expect(decodeVniCounting('Coäng').leftover).toBe(0);
    expect(decodeVniCounting('für').leftover).toBe(1);
    expect(decodeVniCounting('tính').leftover).toBe(0);
  });

  it('outputs NFC', () => {
    const out = decode('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam');
    expect(out).toBe(out.normalize('NFC'));
  });
});
