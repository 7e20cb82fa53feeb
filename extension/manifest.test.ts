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
});
