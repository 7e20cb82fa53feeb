import { describe, expect, it } from 'vitest';
import { citationFor } from '../check';
import { contextWords, passwordChecklist, type PasswordContext } from '../password/checklist';
import { passwordStrength, strengthReasons } from '../password/strength';
import { PRESETS } from '../policy/presets';
import { passwordPolicyRule as rule } from './password-policy';

const context: PasswordContext = { account: ['nguyenvanan@danang.gov.vn', 'Nguyễn Văn An'], officialDomains: PRESETS.danang.officialDomains };
const list = (p: string) => passwordChecklist(p, context);

describe('password-policy checklist (Art. 8.1)', () => {
  it('meets every requirement with a long, mixed password that says nothing about the user', () => {
    const c = list('Trà-sữa_lên#mây7');
    expect(c).toMatchObject({ longEnough: true, upper: true, lower: true, digit: true, special: true, guessable: [], met: true });
  });

  it('counts characters as the user sees them and wants at least 12', () => {
    expect(list('Ab1!Ab1!Ab1').longEnough).toBe(false);
    expect(list('Ab1!Ab1!Ab1').length).toBe(11);
    expect(list('Ab1!Xy2#Kq9%').longEnough).toBe(true);
    // Typed with combining accents, "Ờ" is still one character.
    expect(list('Ờn1!Ờn1!Ờn1!'.normalize('NFD')).length).toBe(12);
  });

  it('asks for each of the four kinds of character', () => {
    expect(list('alllowercase1!x')).toMatchObject({ upper: false, lower: true });
    expect(list('ALLUPPERCASE1!X')).toMatchObject({ upper: true, lower: false });
    expect(list('NoDigitsHere!!x')).toMatchObject({ digit: false });
    expect(list('NoSpecials123Xy')).toMatchObject({ special: false, met: false });
  });

  it.each([
    ['Nguyenvanan#2x', 'name'],
    ['Danang@Songhan9', 'authority'],
    ['UBND-khoahoc!9', 'authority'],
    ['Hoa!Sen#12/05/1985', 'date'],
    ['Hoa!Sen#1985x', 'date'],
    ['Goi!Toi0905123456', 'phone'],
    ['Xyz!84905123456', 'phone'],
    ['Qwerty!Muaxuan7', 'keyboard'],
    ['Rong!Bay9999Xy', 'keyboard'],
    ['Matkhau!Moi7xZ', 'common'],
    ['Anhyeuem@Hoa7', 'common'],
  ])('finds what is easy to guess in %j (%s)', (password, reason) => {
    expect(list(password).guessable).toContain(reason);
    expect(list(password).met).toBe(false);
  });

  it('folds diacritics and look-alike characters before looking for names', () => {
    expect(list('Nguy3nV@nAn!x7').guessable).toContain('name');
    expect(passwordChecklist('Đức#Minh!Hoa7x', { account: ['Trần Đức Minh'], officialDomains: [] }).guessable).toContain('name');
  });

  it('estimates strength with zxcvbn and its shipped list of common passwords', () => {
    expect(passwordStrength('P@ssw0rd2024!', []).common).toBe(true);
    expect(passwordStrength('P@ssw0rd2024!', []).score).toBeLessThanOrEqual(2);
    expect(strengthReasons(passwordStrength('P@ssw0rd2024!', []))).toEqual(['common']);
    const strong = passwordStrength('Trà-sữa_lên#mây7', ['nguyenvanan']);
    expect(strong.score).toBeGreaterThanOrEqual(3);
    expect(strong.common).toBe(false);
    // The user's own words count against the password.
    expect(passwordStrength('Nguyenvanan2024', ['nguyenvanan']).score).toBeLessThan(passwordStrength('Kxoqwhzbpt2024', ['nguyenvanan']).score);
  });

  it('gives the estimator the account’s and the authority’s words, so a password built on them is neither strong nor called “common”', () => {
    const words = contextWords(context);
    expect(words).toEqual(expect.arrayContaining(['nguyenvanan', 'danang', 'quangnam']));
    const s = passwordStrength('Danang@1985', words);
    expect(s.score).toBeLessThanOrEqual(2);
    expect(s.common).toBe(false);
  });

  it('cites Art. 8 and 11.2h for Đà Nẵng, with the mode each preset sets', () => {
    expect(citationFor(rule, PRESETS.danang).vi).toContain('Điều 8');
    expect(citationFor(rule, PRESETS.danang).en).toContain('11.2h');
    expect(PRESETS.danang.rules['password-policy']).toBe('warn');
    expect(PRESETS.default.rules['password-policy']).toBe('nudge');
    expect(PRESETS.cantho.rules['password-policy']).toBe('nudge');
  });
});
