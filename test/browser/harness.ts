/// <reference types="chrome" />
// Real browsers with the built extension loaded: Debian's Chromium driven by playwright-core,
// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi. Fixture pages are served
// at the real webmail origins by request interception; every other request is refused and
// recorded, so a test can assert that the extension sends nothing anywhere.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import { bannerContent, fromBidi, fromCdp, type BannerContent } from './banner-reader';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const CHROME_EXTENSION_ID = 'ndhphkmdabgpabpifackhmgahedmchgp';
const FIREFOX_UUID = '6f1d2f3a-3c4b-4d5e-8f90-a1b2c3d4e5f6';
const GECKO_ID = 'congvu-guard@congvu-guard';

export interface Served {
  /** Full URL, e.g. https://mail.google.com/mail/u/0/#inbox */
  url: string;
  html: string;
  /** What a form posted to the same URL gets back (a sign-in form posting to its own page, as Roundcube's does). */
  postHtml?: string;
}

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface PageDriver {
  evaluate<T>(fn: string): Promise<T>;
  waitFor(condition: string, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  pressCtrlEnter(selector: string): Promise<void>;
  setFiles(selector: string, files: UploadFile[]): Promise<void>;
  /**
   * As a user attaches: a real click on `selector`, the browser's file chooser, then the files.
   * Resolves false when no chooser opened.
   */
  chooseFiles(selector: string, files: UploadFile[]): Promise<boolean>;
  /** Text of every Công Vụ Guard banner on the page (read through their closed shadow roots). */
  bannerText(): Promise<string>;
  /** Tag names of the elements inside the banners. */
  bannerTags(): Promise<string[]>;
  /** A real mouse click on the banner button for `action` (data-action), inside its closed root. */
  clickBannerAction(action: string): Promise<void>;
  /** Waits until a banner shows, holding `text` if given. */
  waitForBanner(text?: string, timeoutMs?: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Stands for a request body the browser would not hand over (Firefox over BiDi). */
export const UNREAD_BODY = '\u0000(body not readable)';

/** A request as the browser made it (account hygiene, issue 13: nothing typed may travel). */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface BrowserSession {
  readonly name: 'chromium' | 'firefox';
  /** Every URL requested that was not a served fixture. */
  readonly strayRequests: string[];
  /** Every request of the run, served or refused, with its headers and body. */
  readonly requests: RecordedRequest[];
  /** A value in the extension's storage.local; undefined where a test cannot read it (Firefox). */
  readStorage(key: string): Promise<unknown>;
  open(page: Served): Promise<PageDriver>;
  /** Official webmail (issue 12): bytes served at a URL of a served origin (an attachment download link). */
  serveBytes(url: string, body: Buffer, contentType: string): void;
  setUserPolicy(policy: unknown): Promise<void>;
  /** The private record in extension storage; undefined where a test cannot read it (Firefox). */
  readRecord(): Promise<Record<string, unknown> | undefined>;
  extensionPage(path: string): Promise<PageDriver>;
  // official-directory (issue 14)
  /** Chromium: answers requests for `url` (the extension's own, from its service worker too) and records each. */
  serveFile?(url: string, answer: (req: ServedRequest) => { status: number; headers?: Record<string, string>; body: string }): ServedRequest[];
  close(): Promise<void>;
}

export interface ServedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  postData: string | null;
}

interface CdpElement {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpElement[];
  shadowRoots?: CdpElement[];
}
const attr = (n: CdpElement, name: string) => {
  const k = (n.attributes ?? []).indexOf(name);
  return k >= 0 && k % 2 === 0 ? n.attributes![k + 1] : undefined;
};
function findCdp(n: CdpElement, match: (n: CdpElement) => boolean): CdpElement | undefined {
  if (match(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const hit = findCdp(c, match);
    if (hit) return hit;
  }
  return undefined;
}

interface BidiRef {
  sharedId?: string;
  value?: { attributes?: Record<string, string>; children?: BidiRef[]; shadowRoot?: BidiRef | null };
}
function findBidi(nodes: BidiRef[], action: string): string | undefined {
  for (const n of nodes) {
    if (n.value?.attributes?.['data-action'] === action) return n.sharedId;
    const hit = findBidi([...(n.value?.shadowRoot ? [n.value.shadowRoot] : []), ...(n.value?.children ?? [])], action);
    if (hit) return hit;
  }
  return undefined;
}

/** Writes files for a chooser, each batch in a folder of its own so files keep their names. */
function writeUploads(root: string, files: UploadFile[]): string[] {
  const dir = mkdtempSync(join(root, 'upload-'));
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.buffer);
    return path;
  });
}

const CHOOSER_WAIT_MS = 5000;

/** Subresources the served page itself names (its images, styles); requests for them are the page's, not ours. */
function pageResources(url: string, html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\b(?:src|href)="([^"#]+)"/g)) {
    try {
      const resolved = new URL(m[1]!.replace(/&amp;/g, '&'), url);
      if (resolved.protocol === 'https:' || resolved.protocol === 'http:') out.push(resolved.href);
    } catch {
      // not a URL
    }
  }
  // Browsers ask every origin for its icon on their own.
  out.push(new URL('/favicon.ico', url).href);
  return out;
}

const SHOW_BANNER = `document.querySelector('[data-congvu-banner-host]')?.scrollIntoView({ block: 'center' })`;

/** bannerText, bannerTags and waitForBanner from one reader of the banners. */
function bannerMethods(read: () => Promise<BannerContent>): Pick<PageDriver, 'bannerText' | 'bannerTags' | 'waitForBanner'> {
  return {
    bannerText: async () => (await read()).text,
    bannerTags: async () => (await read()).tags,
    waitForBanner: async (text = '', timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const shown = (await read()).text;
        if (shown.length > 0 && shown.includes(text)) return;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for a banner${text ? ` with “${text}”` : ''}; it shows: ${shown.slice(0, 300)}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    },
  };
}

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

export interface LaunchOptions {
  /** Leave the system's policy files as they are (the deployment-kit tests put them there). */
  keepPolicies?: boolean;
  // account hygiene (issue 13): policy changes mid-run in Firefox
  /**
   * Firefox: one profile for the whole session, its extension storage kept across the restart a policy change needs,
   * as a user's own profile keeps an installed extension's storage when IT changes policies.json.
   */
  keepProfile?: boolean;
  // issue 11 (page weight): a changed copy of the built extension (the checks file taken out)
  /** The extension folder to load instead of dist/chrome or dist/firefox. */
  extension?: string;
}

export async function launchChromium(_opts: LaunchOptions = {}): Promise<BrowserSession> {
  const extension = _opts.extension ?? join(ROOT, 'dist/chrome');
  const profile = mkdtempSync(join(tmpdir(), 'congvu-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    // Playwright turns extensions off by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  const served = new Map<string, string>();
  const servedPost = new Map<string, string>();
  const bytes = new Map<string, { body: Buffer; contentType: string }>();
  const resources = new Set<string>();
  const strayRequests: string[] = [];
  const requests: RecordedRequest[] = [];
  const uploads = mkdtempSync(join(tmpdir(), 'congvu-pw-files-'));
  const files = new Map<string, { answer: Parameters<NonNullable<BrowserSession['serveFile']>>[1]; log: ServedRequest[] }>();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push({ url, method: route.request().method(), headers: route.request().headers(), body: route.request().postData() ?? '' });
    const key = url.split('#')[0]!;
    const file = files.get(key);
    if (file) {
      const req = route.request();
      const seen = { url, method: req.method(), headers: await req.allHeaders(), postData: req.postData() };
      file.log.push(seen);
      const a = file.answer(seen);
      return route.fulfill({ status: a.status, headers: a.headers, body: a.body });
    }
    const html = (route.request().method() === 'POST' ? servedPost.get(key) : undefined) ?? served.get(key);
    if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    const raw = bytes.get(key);
    if (raw) return route.fulfill({ status: 200, contentType: raw.contentType, body: raw.body });
    if (resources.has(url)) return route.fulfill({ status: 204, body: '' });
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    strayRequests.push(url);
    return route.abort();
  });
  const wrap = (page: PwPage): PageDriver => ({
    evaluate: (fn) => page.evaluate(fn),
    // Polled from here: extension pages forbid the string evaluation waitForFunction uses.
    waitFor: async (condition, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await page.evaluate(condition))) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${condition.slice(0, 120)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    click: (selector) => page.click(selector),
    type: (selector, text) => page.locator(selector).first().pressSequentially(text),
    pressCtrlEnter: async (selector) => {
      await page.locator(selector).first().press('Control+Enter');
    },
    setFiles: (selector, files) => page.locator(selector).first().setInputFiles(files),
    chooseFiles: async (selector, files) => {
      const opened = page.waitForEvent('filechooser', { timeout: CHOOSER_WAIT_MS }).catch(() => undefined);
      await page.click(selector);
      const chooser = await opened;
      if (!chooser) return false;
      // Paths, not buffers: the browser then fills the input itself, with trusted events.
      await chooser.setFiles(writeUploads(uploads, files));
      return true;
    },
    ...bannerMethods(async () => {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
        return bannerContent([fromCdp(root as Parameters<typeof fromCdp>[0])]);
      } finally {
        await cdp.detach();
      }
    }),
    clickBannerAction: async (action) => {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
        const found = findCdp(root as CdpElement, (n) => attr(n, 'data-action') === action);
        if (!found) throw new Error(`no banner button for ${action}`);
        const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: found.backendNodeId });
        const [x1, y1, , , x3, y3] = model.content;
        await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
      } finally {
        await cdp.detach();
      }
    },
    screenshot: async (path) => {
      await page.evaluate(SHOW_BANNER);
      await page.screenshot({ path });
    },
    close: () => page.close(),
  });
  // The service worker starts with the browser; wait for it so that storage calls work.
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return {
    name: 'chromium',
    strayRequests,
    requests,
    serveBytes: (url, body, contentType) => void bytes.set(url, { body, contentType }),
    async open({ url, html, postHtml }) {
      served.set(url.split('#')[0]!, html);
      if (postHtml !== undefined) servedPost.set(url.split('#')[0]!, postHtml);
      for (const r of pageResources(url, html)) resources.add(r);
      const page = await context.newPage();
      if (process.env.CONGVU_DEBUG) page.on('console', (m) => process.stdout.write(`CONSOLE ${m.type()} ${m.text()}\n`));
      await page.goto(url);
      return wrap(page);
    },
    async readStorage(key) {
      const [worker] = context.serviceWorkers();
      return (await worker!.evaluate((k) => chrome.storage.local.get(k), key))[key];
    },
    async readRecord() {
      const [worker] = context.serviceWorkers();
      return (await worker!.evaluate(() => chrome.storage.local.get('userRecord'))).userRecord as Record<string, unknown> | undefined;
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${CHROME_EXTENSION_ID}/${path}`);
      return wrap(page);
    },
    serveFile(url, answer) {
      const log: ServedRequest[] = [];
      files.set(url, { answer, log });
      return log;
    },
    async setUserPolicy(policy) {
      const [worker] = context.serviceWorkers();
      await worker!.evaluate((p) => chrome.storage.local.set({ userPolicy: p }), policy);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}

/** Where Debian's Firefox ESR reads enterprise policies, as IT deploys them. */
export const FIREFOX_POLICIES = '/usr/lib/firefox-esr/distribution/policies.json';

export async function launchFirefox(opts: LaunchOptions = {}): Promise<BrowserSession> {
  // account hygiene (issue 13): the session's own profile, kept across restarts when asked.
  const profile = opts.keepProfile ? mkdtempSync(join(tmpdir(), 'congvu-ff-profile-')) : undefined;
  const start = async (): Promise<PpBrowser> => {
    const b = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      ...(profile ? { userDataDir: profile } : {}),
      extraPrefsFirefox: {
        // The test add-on is temporary: without these Firefox drops its storage when it goes at shutdown.
        ...(profile ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true } : {}),
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        // Content scripts of an unsigned MV3 add-on get their host permissions without a prompt.
        'extensions.originControls.grantByDefault': true,
        'network.captive-portal-service.enabled': false,
        'browser.safebrowsing.update.enabled': false,
        'app.update.enabled': false,
        'extensions.getAddons.cache.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    });
    await b.installExtension(opts.extension ?? join(ROOT, 'dist/firefox'));
    return b;
  };
  let browser = await start();
  const served = new Map<string, string>();
  const servedPost = new Map<string, string>();
  const bytes = new Map<string, { body: Buffer; contentType: string }>();
  const resources = new Set<string>();
  const strayRequests: string[] = [];
  const requests: RecordedRequest[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'congvu-ff-files-'));
  const intercept = async (page: PpPage) => {
    await page.setRequestInterception(true);
    page.on('request', async (req) => {
      const url = req.url();
      // WebDriver BiDi gives a request's body only through network.getData, where Firefox has it.
      const entry: RecordedRequest = { url, method: req.method(), headers: req.headers(), body: req.hasPostData() ? UNREAD_BODY : '' };
      requests.push(entry);
      if (req.hasPostData()) entry.body = (await req.fetchPostData().catch(() => undefined)) ?? UNREAD_BODY;
      const html = (req.method() === 'POST' ? servedPost.get(url.split('#')[0]!) : undefined) ?? served.get(url.split('#')[0]!);
      if (html !== undefined) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      const file = bytes.get(url.split('#')[0]!);
      if (file) return void req.respond({ status: 200, contentType: file.contentType, body: file.body });
      if (resources.has(url)) return void req.respond({ status: 204, body: '' });
      if (url.startsWith('moz-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return void req.continue();
      strayRequests.push(url);
      return void req.abort();
    });
  };
  const wrap = (page: PpPage): PageDriver => ({
    evaluate: <T,>(fn: string) => page.evaluate(fn) as Promise<T>,
    waitFor: async (condition, timeoutMs = 10_000) => {
      await page.waitForFunction(condition, { timeout: timeoutMs, polling: 100 });
    },
    click: (selector) => page.click(selector),
    type: async (selector, text) => {
      await page.click(selector);
      await page.keyboard.type(text);
    },
    pressCtrlEnter: async (selector) => {
      await page.click(selector);
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
    },
    setFiles: async (selector, files) => {
      // Each upload in a folder of its own, so that files keep the names the user gave them.
      const dir = mkdtempSync(join(tmp, 'upload-'));
      const paths = files.map((f) => {
        const path = join(dir, f.name);
        writeFileSync(path, f.buffer);
        return path;
      });
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...paths);
    },
    chooseFiles: async (selector, files) => {
      const opened = page.waitForFileChooser({ timeout: CHOOSER_WAIT_MS }).catch(() => undefined);
      await page.click(selector);
      const chooser = await opened;
      if (!chooser) return false;
      await chooser.accept(writeUploads(tmp, files));
      return true;
    },
    ...bannerMethods(async () => {
      // Puppeteer has no call for BiDi's shadow-tree serialisation; its connection does.
      const connection = (browser as unknown as { connection: { send(method: string, params: unknown): Promise<{ result?: { result?: unknown } }> } }).connection;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const reply = await connection.send('script.evaluate', {
        expression: `[...document.querySelectorAll('[data-congvu-banner-host], [data-congvu-toast], [data-congvu-forwarding], [data-congvu-password]')]`,
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 40 },
      });
      const list = (reply.result?.result ?? {}) as { value?: unknown[] };
      return bannerContent((list.value ?? []).map((n) => fromBidi(n as Parameters<typeof fromBidi>[0])));
    }),
    clickBannerAction: async (action) => {
      // BiDi hands the page a reference to a node in a closed root; its box is then readable.
      const connection = (browser as unknown as { connection: { send(method: string, params: unknown): Promise<{ result?: { result?: { value?: unknown } } }> } }).connection;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const hosts = await connection.send('script.evaluate', {
        expression: `[...document.querySelectorAll('[data-congvu-banner-host], [data-congvu-toast], [data-congvu-forwarding], [data-congvu-password]')]`,
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 40 },
      });
      const button = findBidi((hosts.result?.result?.value ?? []) as BidiRef[], action);
      if (!button) throw new Error(`no banner button for ${action}`);
      const box = await connection.send('script.callFunction', {
        functionDeclaration: '(el) => { el.scrollIntoView({ block: "center" }); const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }',
        arguments: [{ sharedId: button }],
        target: { context },
        awaitPromise: false,
      });
      const [x, y] = ((box.result?.result?.value ?? []) as Array<{ value: number }>).map((v) => v.value);
      await page.mouse.click(x!, y!);
    },
    screenshot: async (path) => {
      await page.evaluate(SHOW_BANNER);
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  });
  return {
    name: 'firefox',
    strayRequests,
    requests,
    serveBytes: (url, body, contentType) => void bytes.set(url, { body, contentType }),
    async open({ url, html, postHtml }) {
      served.set(url.split('#')[0]!, html);
      if (postHtml !== undefined) servedPost.set(url.split('#')[0]!, postHtml);
      for (const r of pageResources(url, html)) resources.add(r);
      const page = await browser.newPage();
      if (process.env.CONGVU_DEBUG) page.on('console', (m) => process.stdout.write(`CONSOLE ${m.type()} ${m.text()}\n`));
      await intercept(page);
      await page.goto(url);
      return wrap(page);
    },
    async readRecord() {
      return undefined;
    },
    async readStorage() {
      return undefined;
    },
    async extensionPage() {
      throw new Error('Firefox does not let WebDriver BiDi open moz-extension:// pages');
    },
    // Firefox has no way in for a test to write the extension's storage, so the policy goes
    // where IT puts it: policies.json, read at start-up into storage.managed.
    async setUserPolicy(policy) {
      writeFileSync(FIREFOX_POLICIES, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }, null, 2));
      await browser.close();
      browser = await start();
    },
    async close() {
      await browser.close();
      if (!opts.keepPolicies) rmSync(FIREFOX_POLICIES, { force: true });
      rmSync(tmp, { recursive: true, force: true });
      if (profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
