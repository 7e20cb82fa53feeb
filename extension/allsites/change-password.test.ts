import { describe, expect, it } from 'vitest';
import { changePasswordUrl } from './change-password';

describe('change-password page of the webmail signed in to', () => {
  it('follows each product’s own page, beside where the sign-in was', () => {
    expect(changePasswordUrl('owa', new URL('https://mail.danang.gov.vn/owa/auth/logon.aspx?replaceCurrent=1'), 'https://mail.danang.gov.vn')).toBe('https://mail.danang.gov.vn/ecp/?rfr=owa&p=PersonalSettings/Password.aspx');
    expect(changePasswordUrl('roundcube', new URL('https://mail.example-roundcube.gov.vn/?_task=login'), '')).toBe('https://mail.example-roundcube.gov.vn/?_task=settings&_action=plugin.password');
    expect(changePasswordUrl('roundcube', new URL('https://webmail.example.gov.vn/roundcube/?_task=login'), '')).toBe('https://webmail.example.gov.vn/roundcube/?_task=settings&_action=plugin.password');
    expect(changePasswordUrl('zimbra-classic', new URL('https://mail.example-zimbra.gov.vn/'), '')).toBe('https://mail.example-zimbra.gov.vn/h/changepass');
  });

  it('falls back to the webmail’s address for a product without a known page', () => {
    expect(changePasswordUrl('obm', new URL('https://thudientu.danang.gov.vn/obm.php'), 'https://thudientu.danang.gov.vn')).toBe('https://thudientu.danang.gov.vn');
    expect(changePasswordUrl(undefined, new URL('https://mail.x.gov.vn/login'), '')).toBe('https://mail.x.gov.vn');
  });
});
