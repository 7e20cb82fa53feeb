// launchevent.js answers tldts's getDomain from the hashed node paths of its trie (issue 11).
// It must agree with tldts itself on every rule of the list and the names around it, or a policy
// naming a public suffix as official would pass in classic Outlook and be refused elsewhere.
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { hashDomains } from '../../core/address/grouped-domains';
import { PRESETS } from '../../core/policy';
import { publicSuffixNodeKeys } from '../pack-data';
import { hashedGetDomain } from './public-suffix';

const AS_RISKS_ASKS = { allowPrivateDomains: true, validateHostname: false };

describe('getDomain over the hashed Public Suffix List', async () => {
  const keys = await publicSuffixNodeKeys();
  const hashed = hashedGetDomain(hashDomains(keys));

  it("agrees with tldts on every rule, exception and wildcard, their children and parents, and the presets' domains", () => {
    const names = new Set<string>(['', 'com', 'gov.vn', 'danang.gov.vn', 'github.io', 'x.github.io', 'www.ck', 'a.www.ck', 'ck', 'x.ck', '192.168.1.1', 'localhost', 'mail.danang.gov.vn.', 'Mail.DaNang.gov.vn', 'CO.UK']);
    for (const p of Object.values(PRESETS)) for (const d of [...p.officialDomains, ...p.extraPublicDomains]) names.add(d);
    for (const key of keys) {
      const path = key.slice(key.indexOf(':') + 1).replaceAll('*', 'thu');
      names.add(path).add(`x.${path}`).add(`www.x.${path}`).add(path.slice(path.indexOf('.') + 1));
    }
    const differ = [...names].filter((n) => hashed(n, AS_RISKS_ASKS) !== getDomain(n, AS_RISKS_ASKS));
    expect(names.size).toBeGreaterThan(30_000);
    expect(differ).toEqual([]);
  }, 300_000);

  it('has no domain for what is not a host name, so risks.ts refuses it, and takes no other options', () => {
    // tldts finds 'b.com' in 'a..b.com' and a domain in some URLs; the schema lets none of these
    // reach the check, and refusing is the side that never accepts a public suffix as official.
    for (const odd of ['a..b.com', '.com', 'https://gov.vn/', 'user@danang.gov.vn', '10.0.0.1', '0x7f.1', '[::1]']) expect(hashed(odd, AS_RISKS_ASKS), odd).toBeNull();
    expect(() => hashed('danang.gov.vn')).toThrow(/risks\.ts/);
    expect(() => hashed('danang.gov.vn', { allowPrivateDomains: false, validateHostname: false })).toThrow(/risks\.ts/);
  });
});
