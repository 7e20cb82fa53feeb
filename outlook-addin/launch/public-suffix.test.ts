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
    const names = new Set<string>(['', 'com', 'gov.vn', 'danang.gov.vn', 'github.io', 'x.github.io', 'www.ck', 'a.www.ck', 'ck', 'x.ck', '192.168.1.1', 'localhost', 'mail.danang.gov.vn.', 'a..b.com', '.com']);
    for (const p of Object.values(PRESETS)) for (const d of [...p.officialDomains, ...p.extraPublicDomains]) names.add(d);
    for (const key of keys) {
      const path = key.slice(key.indexOf(':') + 1).replaceAll('*', 'thu');
      names.add(path).add(`x.${path}`).add(`www.x.${path}`).add(path.slice(path.indexOf('.') + 1));
    }
    const differ = [...names].filter((n) => hashed(n, AS_RISKS_ASKS) !== getDomain(n, AS_RISKS_ASKS));
    expect(names.size).toBeGreaterThan(30_000);
    expect(differ).toEqual([]);
    // With the private section left out too (tldts's default), so the flags travel right.
    expect([...names].filter((n) => hashed(n) !== getDomain(n))).toEqual([]);
  }, 300_000);
});
