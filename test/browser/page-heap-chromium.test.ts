// issue 11 (page weight): what a Gmail tab where no mail is being written pays in JavaScript heap
// for the extension, in real Chromium: the tab's V8 heap after full collections (the page's world
// and the extension's isolated world share it), with the built extension against the same page
// without it. The figure is stable to about a kilobyte from round to round (it is memory, not
// time), so it is held to issue 11's 0.4 MB here; bench/extension.bench.ts prints it beside main's.
// Writes no policy file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withoutCompose } from '../fixtures/webmail/gmail/without-compose';
import { ROOT } from './harness';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUDGET_KB = 400;

function inboxOnly(): string {
  return withoutCompose(readFileSync(join(ROOT, 'test/fixtures/webmail/gmail/large-inbox-vi.html'), 'utf8'));
}

async function inboxHeapKB(extension?: string): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'congvu-heap-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: extension ? [...FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : FLAGS,
  });
  try {
    if (extension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 120_000 });
    const body = inboxOnly();
    await context.route('**/*', (route) =>
      route.request().url().startsWith('https://mail.google.com/') ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }) : route.fulfill({ status: 204, body: '' }),
    );
    // A tab opened once the extension has run a while (its first start resolves and stores the
    // policy), as nearly every tab a person opens; then read once the tab's heap has settled.
    const warm = await context.newPage();
    await warm.goto('https://mail.google.com/mail/u/0/#inbox');
    await warm.waitForTimeout(3000);
    await warm.close();
    const page = await context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    const cdp = await context.newCDPSession(page);
    let last = Infinity;
    for (let k = 0; k < 40; k++) {
      await page.waitForTimeout(500);
      for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
      const kb = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024;
      if (Math.abs(kb - last) < 2) return kb;
      last = kb;
    }
    return last;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

describe('a Gmail tab with no compose open (issue 11)', () => {
  it(`costs at most ${BUDGET_KB} KB of JavaScript heap with the extension`, async () => {
    const without = await inboxHeapKB();
    const withExtension = await inboxHeapKB(join(ROOT, 'dist/chrome'));
    const added = withExtension - without;
    expect(added, `${added.toFixed(0)} KB added`).toBeLessThanOrEqual(BUDGET_KB);
  }, 400_000);
});
