// officialSignInHosts (issue 13) reaches every file IT pushes, as the other lists do.
import { describe, expect, it } from 'vitest';
import { buildKit } from './kit';
import { defaultSource } from './targets';

const kit = buildKit({ preset: 'danang', overrides: { officialSignInHosts: ['sso.danang.gov.vn'] } });
const text = (path: string) => {
  const c = kit.find((k) => k.path === path)?.content;
  if (c === undefined) throw new Error(`no ${path}`);
  return typeof c === 'string' ? c : new TextDecoder('utf-16le').decode(c.subarray(2));
};

describe('deployment kit: official sign-in hosts', () => {
  it('writes the list to the .reg file, the ADMX/ADML templates and Firefox’s policies.json', () => {
    const id = defaultSource().chromeId;
    expect(text('windows/congvu-guard-chrome-edge.reg')).toContain(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${id}\\policy\\officialSignInHosts]\r\n"1"="sso.danang.gov.vn"`);
    expect(text('windows/admx/congvu-guard.admx')).toMatch(/<list id="Edge_officialSignInHosts" key="[^"]+\\policy\\officialSignInHosts"/);
    expect(text('windows/admx/vi-VN/congvu-guard.adml')).toContain('<string id="Chrome_officialSignInHosts">Trang đăng nhập một lần (SSO) và các trang khác dùng tài khoản công vụ</string>');
    const firefox = JSON.parse(text('firefox/policies.json')) as { policies: { '3rdparty': { Extensions: Record<string, { officialSignInHosts: string[]; rules: Record<string, string> }> } } };
    const policy = Object.values(firefox.policies['3rdparty'].Extensions)[0]!;
    expect(policy.officialSignInHosts).toEqual(['sso.danang.gov.vn']);
    expect(policy.rules).toMatchObject({ 'official-address-signup': 'nudge', 'password-policy': 'warn' });
  });
});
