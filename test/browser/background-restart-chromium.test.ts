// Chrome stops an idle extension service worker and starts it again for the next message
// (issue 11). background.js loads its heavy parts (policy-engine.js, public-domains.js) only
// when needed, with importScripts(), which a started-again worker may use only for scripts it
// imported while installing: these tests stop the real worker (DevTools protocol, as Chrome's
// idle timer would) and check that everything a user sees still works after each restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../core/messages';
import { CHROME_EXTENSION_ID, ROOT } from './harness';
import { fixture, SITES, withSiteBehaviour } from './sites';

const EXT = join(ROOT, 'dist/chrome');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];
const gmail = SITES.find((s) => s.site === 'gmail')!;

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

describe('the service worker, stopped and started again (Chromium)', () => {
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  let cdp: CDPSession;
  const versions = new Map<string, Version>();

  const running = () => [...versions.values()].find((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'running');
  const waitUntil = async (what: () => boolean, label: string) => {
    for (let k = 0; k < 300 && !what(); k++) await new Promise((r) => setTimeout(r, 100));
    if (!what()) throw new Error(`timed out waiting for ${label}`);
  };
  /** As Chrome's idle timer does: the worker and everything it held in memory are gone. */
  const stopWorker = async () => {
    await waitUntil(() => running() !== undefined, 'a running service worker');
    await cdp.send('ServiceWorker.stopWorker', { versionId: running()!.versionId });
    await waitUntil(() => running() === undefined, 'the service worker to stop');
  };
  const ask = (message: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  /** Whether the worker running now has loaded a file's global (it starts again if stopped). */
  const workerHas = async (global: string) => {
    const [worker] = context.serviceWorkers();
    return worker!.evaluate((g) => g in self, global);
  };

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'congvu-restart-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [...FLAGS, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
    });
    const html = withSiteBehaviour(fixture(gmail.fixture), gmail.send);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(gmail.url.split('#')[0]!)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      if (url.startsWith('chrome-extension://')) return route.continue();
      return route.fulfill({ status: 204, body: '' });
    });
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 30_000 });
    page = await context.newPage();
    await page.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
    cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: vs }) => {
      for (const v of vs as Version[]) versions.set(v.versionId, v);
    });
    await cdp.send('ServiceWorker.enable');
    // The first policy, resolved while installing.
    await ask({ type: 'set-user-policy', policy: { authority: 'danang' } });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('answers which domains are public webmail after a restart (public-domains.js loaded then)', async () => {
    await stopWorker();
    expect(await ask({ type: 'public-domains', domains: ['gmail.com', 'danang.gov.vn', 'yahoo.com.vn'] })).toEqual([true, false, true]);
  }, 120_000);

  it('takes a changed policy after a restart (policy-engine.js loaded then), and restarts without resolving it again', async () => {
    await stopWorker();
    const state = (await ask({ type: 'set-user-policy', policy: { authority: 'danang', language: 'en', attachmentMaxFileMB: 12 } })) as { policy: { language: string; attachmentMaxFileMB: number }; messages: Record<string, string> };
    expect(state.policy.language).toBe('en');
    expect(state.policy.attachmentMaxFileMB).toBe(12);
    expect(state.messages['ui.app-name']).toBeTruthy();

    await stopWorker();
    const again = (await ask({ type: 'get-policy' })) as { policy: { language: string; attachmentMaxFileMB: number } };
    expect(again.policy.attachmentMaxFileMB).toBe(12);
    // Same inputs: the stored state is used and the engine is not loaded.
    expect(await workerHas('congvuPolicyEngine')).toBe(false);

    // A bad value is refused with its reason, as before (the engine loads for it).
    const bad = (await ask({ type: 'set-user-policy', policy: { authority: 'danang', attachmentMaxFileMB: 'hai mươi' } })) as { errors: { field: string }[] };
    expect(bad.errors.map((e) => e.field)).toEqual(['attachmentMaxFileMB']);
    expect(await workerHas('congvuPolicyEngine')).toBe(true);
  }, 120_000);

  it('still shows a tab’s status in the popup after a restart, though the tab reports only changes', async () => {
    await ask({ type: 'set-user-policy', policy: { authority: 'danang' } });
    const mail = await context.newPage();
    await mail.goto(gmail.url);
    const tabId = await page.evaluate(async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id);
    expect(tabId).toBeTypeOf('number');
    await expect.poll(() => ask({ type: 'get-tab-status', tabId }), { timeout: 30_000 }).toMatchObject({ site: 'gmail', composes: 1 });
    await stopWorker();
    expect(await ask({ type: 'get-tab-status', tabId })).toMatchObject({ site: 'gmail', composes: 1 });
    await mail.close();
  }, 120_000);

  it('hears from a tab only when its status changes, not at every check while the user types', async () => {
    await ask({ type: 'set-user-policy', policy: { authority: 'danang' } });
    // The options page hears every message a content script sends to the extension.
    await page.evaluate(() => {
      const w = window as unknown as { tabStatuses: unknown[] };
      w.tabStatuses = [];
      chrome.runtime.onMessage.addListener((m: { type?: string; status?: unknown }) => void (m.type === 'tab-status' && w.tabStatuses.push(m.status)));
    });
    const mail = await context.newPage();
    await mail.goto(gmail.url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { tabStatuses: unknown[] }).tabStatuses.length), { timeout: 30_000 }).toBeGreaterThan(0);
    const bursts = 8;
    // A person writing: bursts of keys, each followed by a pause the compose checks in (quiet time 250 ms).
    await mail.click('[role=dialog] [g_editable=true]');
    for (let b = 0; b < bursts; b++) {
      await mail.keyboard.type(' thêm một câu');
      await mail.waitForTimeout(700);
    }
    const heard = await page.evaluate(() => (window as unknown as { tabStatuses: unknown[] }).tabStatuses);
    // Each report differs from the one before; the words typed change no finding, so the
    // reports are those of the page starting and the compose appearing, none per check.
    for (let k = 1; k < heard.length; k++) expect(heard[k]).not.toEqual(heard[k - 1]);
    expect(heard.length).toBeLessThanOrEqual(3);
    expect(heard.at(-1)).toMatchObject({ site: 'gmail', composes: 1 });
    await mail.close();
  }, 120_000);

  it('opens the popup in the policy’s language with the words it carries and those that come with the policy', async () => {
    await ask({ type: 'set-user-policy', policy: { authority: 'danang', language: 'en' } });
    await stopWorker();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html`);
    // A rule's name and a field's label: words the popup has only from the policy's answer.
    await expect.poll(() => popup.evaluate(() => document.body.textContent ?? ''), { timeout: 30_000 }).toContain(t('en', 'field.officialDomains'));
    const text = await popup.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain(t('en', 'rule.public-webmail-work'));
    expect(text).toContain(t('en', 'popup.record.heading'));
    expect(text).not.toMatch(/\b(popup|field|rule|mode|ui)\.[a-z]/);
    await popup.close();
  }, 120_000);
});
