// The content script loads into every webmail tab, so its weight is a budget (issue 11): at most
// 60 KB minified, without the 14,000-name provider list, which the background keeps. Each public
// webmail has its own script (content-<site>.js) that carries that site's adapter only.
// Reads the built files: run `npm run build` first. Timings belong to bench/, not here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeManifest } from '../manifest';
import { WEBMAIL_SITE_MATCHES } from '../manifest-matches';

// Issue 11 asks for 60 KB. The banner draws with plain DOM calls (no UI library), which
// brought the file back under it.
const BUDGET_BYTES = 60_000;
const dist = join(process.cwd(), 'dist');
const HOSTS = Object.values(WEBMAIL_SITE_MATCHES).map(([m]) => new URL(m.replace('*', '')).host);

describe.each(['chrome', 'firefox'] as const)('content scripts for %s', (target) => {
  it('the manifest runs one script per public webmail, each built', () => {
    const scripts = makeManifest(target, '1.0.0').content_scripts as Array<{ matches: string[]; js: string[] }>;
    for (const [site, matches] of Object.entries(WEBMAIL_SITE_MATCHES)) {
      expect(scripts.find((c) => c.js.includes(`content-${site}.js`))?.matches).toEqual([...matches]);
      expect(existsSync(join(dist, target, `content-${site}.js`)), `content-${site}.js is missing: run npm run build`).toBe(true);
    }
  });

  describe.each(Object.keys(WEBMAIL_SITE_MATCHES))('content-%s.js', (site) => {
    const file = join(dist, target, `content-${site}.js`);

    it('stays within 60 KB minified', () => {
      expect(readFileSync(file).length).toBeLessThanOrEqual(BUDGET_BYTES);
    });

    it('carries neither the provider list nor webextension-polyfill', () => {
      const source = readFileSync(file, 'utf8');
      // Names from the middle of the upstream list that no code or message mentions.
      for (const name of ['mail2tycoon.com', 'hazelnuts4u.com', 'seznam.cz']) expect(source).not.toContain(name);
      expect(source).not.toContain('This script should only be loaded in a browser extension');
    });

    it('carries its own webmail’s adapter and no other', () => {
      const source = readFileSync(file, 'utf8');
      const own = new URL(WEBMAIL_SITE_MATCHES[site as keyof typeof WEBMAIL_SITE_MATCHES][0].replace('*', '')).host;
      for (const host of HOSTS) expect(source.includes(host), host).toBe(host === own);
    });
  });
});
