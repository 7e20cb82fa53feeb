// The hashed public-webmail list (issue 11: Outlook's launchevent.js carries it in place of the
// grouped string). Every member must answer yes; a non-member answers yes only when its 32-bit
// hash meets a member's: ~14,100 / 2^32 ≈ 3.3 per million lookups. Measured here: 0 on every
// near name of the list and every preset's domains, 3 on the 1,000,000 generated names below.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../policy';
import { groupDomains, groupedPublicDomainsModule, HashedDomainSet, hashDomains, hashedPublicDomainsModule } from './grouped-domains';
import { PUBLIC_WEBMAIL_DOMAINS } from './public-domains';

const hashed = new HashedDomainSet(hashDomains(PUBLIC_WEBMAIL_DOMAINS));

describe('HashedDomainSet over the public-webmail list', () => {
  it('holds every name of the list', () => {
    expect(hashed.size).toBe(PUBLIC_WEBMAIL_DOMAINS.size);
    for (const d of PUBLIC_WEBMAIL_DOMAINS) expect(hashed.has(d), d).toBe(true);
  });

  it("answers as the set for near names, odd forms and every preset's own domains", () => {
    const others = ['danang.gov.vn', 'mail.gmail.com', 'com', 'gmail', 'gmail.com.', '.gmail.com', 'gmail..com', '', 'GMAIL.COM', 'gmail.co', 'mail.com.vn'];
    for (const p of Object.values(PRESETS)) others.push(...p.officialDomains, ...p.extraPublicDomains);
    for (const d of PUBLIC_WEBMAIL_DOMAINS) others.push(`x${d}`, `${d}x`, `mail.${d}`, d.slice(d.indexOf('.') + 1));
    const wrong = others.filter((d) => hashed.has(d) !== PUBLIC_WEBMAIL_DOMAINS.has(d));
    expect(wrong).toEqual([]);
  });

  it('takes a non-member for a member about as rarely as its hash width promises', () => {
    let falsePositives = 0;
    const sample = 1_000_000;
    for (let k = 0; k < sample; k++) {
      const d = `${(k * 2654435761 % 4294967296).toString(36)}-${k.toString(36)}.${['com', 'vn', 'com.vn', 'net', 'org'][k % 5]}`;
      if (hashed.has(d) && !PUBLIC_WEBMAIL_DOMAINS.has(d)) falsePositives++;
    }
    // 3.3 expected; 12 would be a broken hash or coder (Poisson tail below one in 10^4).
    expect(falsePositives).toBeLessThanOrEqual(12);
  }, 300_000);

  it('refuses to be walked rather than look empty', () => {
    expect(() => [...(hashed as unknown as Iterable<string>)]).toThrow(/cannot be walked/);
  });

  it('is a third of the grouped string the other bundles carry', () => {
    const grouped = groupedPublicDomainsModule({ PUBLIC_WEBMAIL_DOMAINS }, '/x/grouped-domains.ts', '/x/subdomain-mailboxes.ts');
    const source = hashedPublicDomainsModule({ PUBLIC_WEBMAIL_DOMAINS }, '/x/grouped-domains.ts', '/x/subdomain-mailboxes.ts');
    expect(source.length).toBeLessThan(0.4 * grouped.length);
    expect(groupDomains(PUBLIC_WEBMAIL_DOMAINS).length).toBeGreaterThan(2.5 * hashDomains(PUBLIC_WEBMAIL_DOMAINS).length);
  });
});
