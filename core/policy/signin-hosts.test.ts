// officialSignInHosts (issue 13): where the official account legitimately signs in.
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from './load';
import { policySchema } from './schema';

describe('officialSignInHosts', () => {
  it('is in the managed schema as a list of host names', () => {
    expect(policySchema.properties.officialSignInHosts).toMatchObject({ type: 'array', items: { type: 'string' } });
  });

  it('takes a pasted sign-on address as its host, and keeps the preset’s hosts when IT sets none', () => {
    const r = resolvePolicy({ managed: { authority: 'danang', officialSignInHosts: ['https://SSO.Danang.gov.vn/cas/login?service=x', 'egov.danang.gov.vn.'] } });
    expect(r.errors).toEqual([]);
    expect(r.policy.officialSignInHosts).toEqual(['sso.danang.gov.vn', 'egov.danang.gov.vn']);
    expect(resolvePolicy({ preset: 'danang' }).policy.officialSignInHosts).toContain('egov.danang.gov.vn');
  });

  it('refuses a public webmail or a public suffix, which would switch the alerts off there, naming the entry', () => {
    const r = resolvePolicy({ preset: 'danang', managed: { officialSignInHosts: ['sso.danang.gov.vn', 'gmail.com'] } });
    expect(r.errors.map((e) => [e.field, e.risk])).toEqual([['officialSignInHosts[1]', 'signin-public-webmail']]);
    expect(r.policy.officialSignInHosts).toEqual(['egov.danang.gov.vn', 'thudientu.danang.gov.vn']);
    const suffix = resolvePolicy({ managed: { officialSignInHosts: ['com.vn'] } });
    expect(suffix.errors[0]).toMatchObject({ field: 'officialSignInHosts[0]', problem: 'refused', risk: 'signin-public-suffix' });
    const bad = resolvePolicy({ managed: { officialSignInHosts: ['not a host'] } });
    expect(bad.errors[0]).toMatchObject({ field: 'officialSignInHosts[0]', problem: 'invalid' });
  });
});
