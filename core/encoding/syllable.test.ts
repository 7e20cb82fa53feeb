import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from './syllable';

describe('isVietnameseSyllable', () => {
  it.each(['cộng', 'hòa', 'hoà', 'xã', 'nghĩa', 'Việt', 'NGHIÊNG', 'quyết', 'giữ', 'gì', 'khuya', 'thuở', 'người', 'ươu', 'ở', 'ý', 'đường', 'xoong', 'quỳnh', 'kính', 'ghế', 'ngoặt'])(
    '%s is one',
    (w) => expect(isVietnameseSyllable(w)).toBe(true),
  );

  it.each([
    'gỏt', // hỏi tone on a syllable closed by t
    'tơt', // level tone on a stop-closed syllable
    'ộtộ',
    'comiú',
    'niủo',
    'ce', // c before e is spelled k
    'ka', // k before a is spelled c
    'ghan',
    'quu',
    'and',
    'Brücke',
    'đ',
    'ă', // ă and â need a final consonant
    'hóà', // two tones
    '',
  ])('%s is not', (w) => expect(isVietnameseSyllable(w)).toBe(false));
});
