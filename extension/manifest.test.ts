// The fewest permissions, and every one a feature needs: a permission lost in a merge stops
// the page-world hook (scripting) or the file reader (offscreen) without any error at build time.
import { describe, expect, it } from 'vitest';
import { makeManifest, OFFICIAL_MATCHES, WEBMAIL_MATCHES } from './manifest';

describe('extension manifest permissions', () => {
  it('Chrome: storage, scripting for the page-world hook, offscreen for the reading Worker; nothing else', () => {
    const m = makeManifest('chrome', '1.0.0');
    expect([...(m.permissions as string[])].sort()).toEqual(['offscreen', 'scripting', 'storage']);
    expect(m.host_permissions).toEqual([...WEBMAIL_MATCHES, ...OFFICIAL_MATCHES]);
  });

  it('Firefox: storage and scripting (its background page starts the Worker itself)', () => {
    const m = makeManifest('firefox', '1.0.0');
    expect([...(m.permissions as string[])].sort()).toEqual(['scripting', 'storage']);
    expect(m.host_permissions).toEqual([...WEBMAIL_MATCHES, ...OFFICIAL_MATCHES]);
  });

  // Account hygiene (issue 13): the all-sites script is one more content script, matched on every
  // http(s) page; it adds no permission and no host permission. Its messages go to the
  // background only, and the sign-in check on the official webmail is registered through the
  // `scripting` permission already held, on hosts under *.gov.vn, which are already held too.
  // Chrome and Firefox now show "read and change data on all websites" at install: that is
  // what a sign-up form or a password field anywhere needs, and what policy installs accept.
  it.each(['chrome', 'firefox'] as const)('%s: the all-sites script runs in every http(s) page’s top frame once it is idle, with no new permission', (target) => {
    const m = makeManifest(target, '1.0.0');
    const scripts = m.content_scripts as Array<{ matches: string[]; js: string[]; run_at: string; all_frames?: boolean; world?: string }>;
    const allSites = scripts.find((c) => c.js.includes('allsites.js'));
    expect(allSites).toEqual({ matches: ['http://*/*', 'https://*/*'], js: ['allsites.js'], run_at: 'document_idle' });
    expect(m.host_permissions).toEqual([...WEBMAIL_MATCHES, ...OFFICIAL_MATCHES]);
  });
});
