import { describe, expect, it } from 'vitest';
import { check, citationFor, emptyMessage } from '../check';
import { PRESETS } from '../policy/presets';
import { forwardingFinding, isOfficialTarget, splitTargets } from '../forwarding/targets';
import { autoForwardPublicRule as rule } from './auto-forward-public';

const danang = PRESETS.danang;

describe('auto-forward-public', () => {
  it('names a public mailbox set as the forwarding target', () => {
    const f = forwardingFinding(['canbo.dn@gmail.com'], danang);
    expect(f?.messageKey).toBe('auto-forward-public.outside');
    expect(f?.evidence.addresses).toEqual(['canbo.dn@gmail.com']);
  });

  it('counts any mailbox the official system did not issue, not only public webmail (Art. 9.3)', () => {
    expect(forwardingFinding(['ketoan@congty-abc.vn'], danang)?.evidence.addresses).toEqual(['ketoan@congty-abc.vn']);
  });

  it('lets forwarding inside the official domains, subdomains and merged provinces through', () => {
    expect(forwardingFinding(['vanthu@danang.gov.vn', 'a@sotttt.danang.gov.vn', 'b@QuangNam.gov.vn'], danang)).toBeUndefined();
  });

  it('is not fooled by an official name inside another domain', () => {
    expect(isOfficialTarget('x@danang.gov.vn.evil.com', danang)).toBe(false);
    expect(isOfficialTarget('x@notdanang.gov.vn', danang)).toBe(false);
    expect(isOfficialTarget('danang.gov.vn', danang)).toBe(false);
  });

  it('splits a field that holds several targets and lists only the outside ones, once', () => {
    const targets = splitTargets('vanthu@danang.gov.vn; Me@Yahoo.com, <me@yahoo.com>');
    expect(forwardingFinding(targets, danang)?.evidence.addresses).toEqual(['me@yahoo.com']);
  });

  it('cites Art. 9.3 for Đà Nẵng, blocks there by preset, and never fires on messages', () => {
    expect(citationFor(rule, danang).vi).toContain('Khoản 3 Điều 9');
    expect(danang.rules['auto-forward-public']).toBe('block');
    expect(PRESETS.default.rules['auto-forward-public']).toBe('warn');
    const msg = { ...emptyMessage('outgoing'), to: ['a@gmail.com'] };
    expect(check(msg, danang).filter((f) => f.rule === 'auto-forward-public')).toEqual([]);
  });
});
