// The packed tables in launchevent.js must hold exactly what the unpacked modules hold: a domain
// dropped from the public-webmail list would let a gmail-like address through unnoticed.
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { MAILBOXES_ON_SUBDOMAINS, PUBLIC_WEBMAIL_DOMAINS } from '../core/address/public-domains';
import { entityForLaunch, packedDataPlugin } from './pack-data';

// postal-mime does not export its entity table: reach the file the bundle reads.
const ENTITIES = join(import.meta.dirname, '..', 'node_modules', 'postal-mime', 'dist', 'esm', 'html-entities.js');

const ENTRY = `
import { PUBLIC_WEBMAIL_DOMAINS, MAILBOXES_ON_SUBDOMAINS } from ${JSON.stringify(join(import.meta.dirname, '..', 'core', 'address', 'public-domains.ts'))};
import { getDomain } from 'tldts';
import { htmlEntities } from ${JSON.stringify(ENTITIES)};
globalThis.packed = { PUBLIC_WEBMAIL_DOMAINS, MAILBOXES_ON_SUBDOMAINS, getDomain, htmlEntities };
`;

async function loadPacked() {
  const seen = new Set<string>();
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2016',
    write: false,
    plugins: [packedDataPlugin(seen)],
    logLevel: 'error',
  });
  const scope: Record<string, unknown> = { TextDecoder };
  runInNewContext(out.outputFiles[0]!.text, scope);
  return { seen, packed: scope.packed as { PUBLIC_WEBMAIL_DOMAINS: ReadonlySet<string>; MAILBOXES_ON_SUBDOMAINS: ReadonlySet<string>; getDomain: typeof getDomain; htmlEntities: Record<string, string> } };
}

describe('packed launch-file tables', () => {
  it('hold every public-webmail domain and nothing else, and answer has() like the set', async () => {
    const { seen, packed } = await loadPacked();
    expect(seen).toContain('public-domains');
    expect(packed.PUBLIC_WEBMAIL_DOMAINS.size).toBe(PUBLIC_WEBMAIL_DOMAINS.size);
    // The hashed form (core/address/hashed-domains.test.ts counts its false positives).
    for (const d of PUBLIC_WEBMAIL_DOMAINS) expect(packed.PUBLIC_WEBMAIL_DOMAINS.has(d), d).toBe(true);
    for (const d of ['gmail.com', 'yahoo.com.vn', 'fpt.vn', 'danang.gov.vn', 'gmail.com.', '', 'mail.gmail.com']) expect(packed.PUBLIC_WEBMAIL_DOMAINS.has(d), d).toBe(PUBLIC_WEBMAIL_DOMAINS.has(d));
    expect([...packed.MAILBOXES_ON_SUBDOMAINS]).toEqual([...MAILBOXES_ON_SUBDOMAINS]);
  });

  it('give postal-mime the entities of every character a rule reads, and tldts the same Public Suffix List', async () => {
    const { seen, packed } = await loadPacked();
    // The tables the plugin packs (the suffix trie as its node paths' hashes), and fflate behind its lazy facade.
    expect(seen).toEqual(new Set(['public-domains', '0', 'public-suffixes', 'lazy fflate']));
    const opts = { allowPrivateDomains: true, validateHostname: false };
    const hosts = ['danang.gov.vn', 'gov.vn', 'com.vn', 'github.io', 'user.github.io', 's3.amazonaws.com', 'a.b.kawasaki.jp', 'city.kawasaki.jp', 'www.ck', 'mail.hanoi.vn', 'xn--55qx5d.cn', 'example.zz'];
    for (const h of hosts) expect(packed.getDomain(h, opts), h).toBe(getDomain(h, opts));
    const { htmlEntities } = (await import(pathToFileURL(ENTITIES).href)) as { htmlEntities: Record<string, string> };
    expect(Object.keys(htmlEntities).length).toBeGreaterThan(2000);
    // Every name of a character a rule reads, as postal-mime has it; none of the others.
    const kept = Object.entries(htmlEntities).filter(([, v]) => entityForLaunch(v));
    expect(packed.htmlEntities).toEqual(Object.fromEntries(kept));
    for (const name of ['&commat;', '&period;', '&lowbar;', '&Abreve;', '&dstrok;', '&Utilde;', '&ordm;', '&nbsp;', '&ndash;', '&hellip;', '&euro;', '&trade;', '&Agrave', '&acute;']) expect(packed.htmlEntities[name], name).toBe(htmlEntities[name]);
    for (const name of ['&rarr;', '&Alpha;', '&Acy;', '&Afr;', '&boxh;']) expect(packed.htmlEntities[name], name).toBeUndefined();
  });
});
