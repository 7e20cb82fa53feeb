// The grouped list must answer exactly as the full set: a name lost in grouping would let a
// public mailbox through as if it were an agency's.
import { describe, expect, it } from 'vitest';
import { GroupedDomainSet, groupDomains, groupedPublicDomainsModule } from './grouped-domains';
import { PUBLIC_WEBMAIL_DOMAINS } from './public-domains';

describe('GroupedDomainSet over the public-webmail list', () => {
  const grouped = new GroupedDomainSet(groupDomains(PUBLIC_WEBMAIL_DOMAINS));

  it('holds every name of the list', () => {
    for (const d of PUBLIC_WEBMAIL_DOMAINS) expect(grouped.has(d), d).toBe(true);
  });

  it('holds nothing else: parents, children, near names, odd forms', () => {
    const others = ['danang.gov.vn', 'mail.gmail.com', 'com', 'gmail', 'gmail.com.', '.gmail.com', 'gmail..com', '', 'GMAIL.COM', 'gmail.co', 'mail.com.vn', 'yahoo.com.vn.evil.example'];
    for (const d of others) expect(grouped.has(d), d).toBe(PUBLIC_WEBMAIL_DOMAINS.has(d));
    for (const d of PUBLIC_WEBMAIL_DOMAINS) {
      expect(grouped.has(`x${d}`)).toBe(PUBLIC_WEBMAIL_DOMAINS.has(`x${d}`));
      expect(grouped.has(`${d}x`)).toBe(PUBLIC_WEBMAIL_DOMAINS.has(`${d}x`));
    }
  });

  it('walks like the set', () => {
    expect(grouped.size).toBe(PUBLIC_WEBMAIL_DOMAINS.size);
    expect(new Set(grouped)).toEqual(new Set(PUBLIC_WEBMAIL_DOMAINS));
  });

  it('refuses a name it cannot group, so a build never drops it silently', () => {
    expect(() => groupDomains(['localhost'])).toThrow(/cannot group/);
    expect(() => groupDomains(['a b.com'])).toThrow(/cannot group/);
  });

  it('is much smaller than the names one by one, as the bundles carry it', () => {
    const source = groupedPublicDomainsModule({ PUBLIC_WEBMAIL_DOMAINS }, '/x/grouped-domains.ts', '/x/subdomain-mailboxes.ts');
    expect(source.length).toBeLessThan(0.75 * JSON.stringify([...PUBLIC_WEBMAIL_DOMAINS]).length);
  });
});
