// Debian's Chromium as the browser benches start it: headless, a fresh profile, and this
// machine's closed network kept quiet (without the background-networking flags Chromium keeps
// trying Google's hosts, which a shared bench machine then pays for).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A persistent context with `extension` (a build folder) loaded and its service worker up, or the browser alone. */
export async function openChromium(extension: string | undefined, profilePrefix: string): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: extension ? [...CHROMIUM_FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : CHROMIUM_FLAGS,
  });
  if (extension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return { context, profile };
}
