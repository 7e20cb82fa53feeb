import { describe, expect, it } from 'vitest';
import { check } from '../check';
import { PRESETS } from '../policy/presets';
import { formKind, signupNudge, type SignupFormFacts } from './official-address-signup';
import { draft } from './test-helpers';

const ctx = { officialDomains: PRESETS.danang.officialDomains, accountHosts: ['mail.danang.gov.vn', ...PRESETS.danang.officialSignInHosts] };
const form = (fields: Partial<SignupFormFacts>): SignupFormFacts => ({ value: 'nguyenvana@danang.gov.vn', host: 'shop.example.vn', path: '/', passwordAutocomplete: [], formText: '', ...fields });

describe('official-address-signup', () => {
  it('speaks for an official address in a form whose password field asks for a new password', () => {
    expect(signupNudge(form({ passwordAutocomplete: ['new-password'] }), ctx)).toBe('nguyenvana@danang.gov.vn');
    // Subdomains of an official domain, and the merged province's domain, count as official.
    expect(signupNudge(form({ value: 'a@sotttt.quangnam.gov.vn ', passwordAutocomplete: ['new-password'] }), ctx)).toBe('a@sotttt.quangnam.gov.vn');
  });

  it('knows a registration form by its confirmation field, its words in either language or its path', () => {
    expect(formKind({ path: '/', passwordAutocomplete: ['', ''], formText: '' })).toBe('signup');
    expect(formKind({ path: '/', passwordAutocomplete: [''], formText: 'form#register-form Đăng ký thành viên' })).toBe('signup');
    expect(formKind({ path: '/ucp.php?mode=register', passwordAutocomplete: [''], formText: 'Submit' })).toBe('signup');
    expect(formKind({ path: '/', passwordAutocomplete: [], formText: 'Nhận bản tin khuyến mãi' })).toBe('signup');
    expect(formKind({ path: '/', passwordAutocomplete: [], formText: 'Subscribe to our newsletter' })).toBe('signup');
    expect(formKind({ path: '/signup', passwordAutocomplete: [], formText: '' })).toBe('signup');
  });

  it('never speaks in a sign-in form', () => {
    expect(formKind({ path: '/account/register', passwordAutocomplete: ['current-password'], formText: '' })).toBe('signin');
    expect(formKind({ path: '/', passwordAutocomplete: [''], formText: 'Đăng nhập' })).toBe('signin');
    expect(formKind({ path: '/', passwordAutocomplete: [''], formText: 'Log in' })).toBe('signin');
    // One password field and no sign-up word: a sign-in form whatever else it says.
    expect(formKind({ path: '/', passwordAutocomplete: [''], formText: 'Continue' })).toBe('signin');
    expect(signupNudge(form({ passwordAutocomplete: ['current-password'], formText: 'Đăng ký' }), ctx)).toBeUndefined();
  });

  it('stays silent where the official account belongs: any .gov.vn site, the webmail, the listed sign-on', () => {
    const signup = { passwordAutocomplete: ['new-password'] };
    expect(signupNudge(form({ ...signup, host: 'dichvucong.gov.vn' }), ctx)).toBeUndefined();
    expect(signupNudge(form({ ...signup, host: 'egov.danang.gov.vn' }), ctx)).toBeUndefined();
    expect(signupNudge(form({ ...signup, host: 'sso.example.vn' }), { ...ctx, accountHosts: ['sso.example.vn'] })).toBeUndefined();
    // A look-alike host is not the listed one.
    expect(signupNudge(form({ ...signup, host: 'gov.vn.example.com' }), ctx)).toBe('nguyenvana@danang.gov.vn');
  });

  it('ignores personal addresses, other authorities’ addresses and text that is not an address', () => {
    const signup = { passwordAutocomplete: ['new-password'] };
    expect(signupNudge(form({ ...signup, value: 'nguyenvana@gmail.com' }), ctx)).toBeUndefined();
    expect(signupNudge(form({ ...signup, value: 'a@hanoi.gov.vn' }), ctx)).toBeUndefined();
    expect(signupNudge(form({ ...signup, value: 'xem danang.gov.vn' }), ctx)).toBeUndefined();
    expect(signupNudge(form({ ...signup, value: 'a@fakedanang.gov.vn' }), ctx)).toBeUndefined();
  });

  it('is a form rule: the message check never reports it', () => {
    const policy = { ...PRESETS.danang, rules: { ...PRESETS.danang.rules, 'official-address-signup': 'block' as const } };
    expect(check(draft({ to: ['a@gmail.com'], bodyText: 'nguyenvana@danang.gov.vn' }), policy).map((f) => f.rule)).not.toContain('official-address-signup');
  });
});
