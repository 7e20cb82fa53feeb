// Official webmail (issue 12): the main-thread time official.js adds to a large Zimbra classic
// mailbox page while a person types a message, against the same page without the extension, in
// one run. Real Chromium, Chromium's TaskDuration metric around real key events (subject, then
// bursts into the TinyMCE iframe with pauses longer than the compose's quiet time, so every burst
// is checked). Rounds interleave with and without the extension; each figure is printed as
// median (min–max), and the per-round difference with its spread.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { encodeLegacy } from '../core/encoding';

const ROOT = process.cwd();
const EXT = join(ROOT, 'dist/chrome');
const ORIGIN = 'https://mail.example-zimbra.gov.vn';
const URL_COMPOSE = `${ORIGIN}/?view=compose`;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const QUIET_MS = 250;
const ROWS = 3000;
const WORDS = 'Kính gửi các đồng chí lãnh đạo, Sở Nội vụ báo cáo kết quả thực hiện nhiệm vụ quý IV năm 2026. ';
const BURSTS = 8;
const BURST_CHARS = 40;

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s.at(-1)! };
}
const show = (xs: number[]) => {
  const { median, min, max } = stats(xs);
  return `${median.toFixed(1)} (${min.toFixed(1)}–${max.toFixed(1)})`;
};

/** The classic client with a large mailbox list beside the compose tab (3,000 conversation rows). */
function largeMailboxPage(): string {
  const html = readFileSync(join(ROOT, 'test/fixtures/official/zimbra-classic/compose-vi.html'), 'utf8');
  const rows = Array.from({ length: ROWS }, (_, k) =>
    `<div id="zli__CLV-main__${k}" class="RowDouble Row" role="option"><span class="ZmConvListFrom">Phòng ${k % 40} &lt;phong${k % 40}@danang.gov.vn&gt;</span><span class="ZmConvListSubject">V/v triển khai nhiệm vụ số ${k}/UBND-VP</span><span class="ZmConvListFragment">Kính gửi các đơn vị, đề nghị báo cáo trước ngày ${(k % 28) + 1}/12…</span></div>`,
  ).join('');
  return html.replace('</body>', `<div id="zl__CLV-main__rows" class="DwtListView-Rows" style="display:none">${rows}</div></body>`);
}

async function launch(withExtension: boolean | string, html: string): Promise<{ context: BrowserContext; profile: string }> {
  const ext = typeof withExtension === 'string' ? withExtension : EXT;
  const profile = mkdtempSync(join(tmpdir(), 'congvu-bench-official-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: withExtension ? [...FLAGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : FLAGS,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // issue 11 (official page weight): the first-compose page carries a subject in TCVN3, so its first check speaks.
    const body = url.startsWith(URL_FIRST) ? legacySubject(html) : url.startsWith(URL_COMPOSE) ? html : '<!DOCTYPE html><html><body></body></html>';
    if (url.startsWith(ORIGIN)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    if (url.startsWith('https://')) return route.fulfill({ status: 204, body: '' });
    return route.continue();
  });
  if (withExtension) {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    const [worker] = context.serviceWorkers();
    await worker!.evaluate((p) => chrome.storage.local.set({ userPolicy: p }), { authority: 'danang', officialWebmailUrls: [ORIGIN] });
    // Until the background has registered official.js (and the page hook) for the host.
    for (let k = 0; k < 120; k++) {
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/probe`);
      const native = await page.evaluate(() => Function.prototype.toString.call(HTMLInputElement.prototype.click).includes('[native code]'));
      await page.close();
      if (!native) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return { context, profile };
}

async function typeLikeAPerson(page: Page): Promise<void> {
  await page.click('#zv__COMPOSE-1_subject_control');
  await page.keyboard.type(' — bổ sung');
  await page.waitForTimeout(QUIET_MS + 150);
  await page.frameLocator('#ZmHtmlEditor1_body_ifr').locator('body').click();
  for (let b = 0; b < BURSTS; b++) {
    const start = (b * BURST_CHARS) % WORDS.length;
    await page.keyboard.type((WORDS + WORDS).slice(start, start + BURST_CHARS));
    await page.waitForTimeout(QUIET_MS + 150);
  }
}

async function taskDuration(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
  const before = await read();
  await run();
  const after = await read();
  await cdp.detach();
  return (after - before) * 1000;
}

async function oneRound(context: BrowserContext, withExtension: boolean): Promise<number> {
  const page = await context.newPage();
  await page.goto(URL_COMPOSE);
  await page.waitForSelector('#ZmHtmlEditor1_body_ifr');
  if (withExtension) await page.waitForTimeout(600); // the compose found and checked once
  const ms = await taskDuration(page, () => typeLikeAPerson(page));
  await page.close();
  return ms;
}

export async function runOfficialWebmailBench(rounds = 7): Promise<void> {
  const html = largeMailboxPage();
  const without = await launch(false, html);
  const withExt = await launch(true, html);
  const base: number[] = [];
  const ext: number[] = [];
  const diff: number[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      // Interleaved, order alternating, so that drift on a shared machine falls on both sides.
      const first = r % 2 === 0;
      const a = first ? await oneRound(without.context, false) : 0;
      const b = await oneRound(withExt.context, true);
      const c = first ? a : await oneRound(without.context, false);
      base.push(c);
      ext.push(b);
      diff.push(b - c);
    }
  } finally {
    await without.context.close();
    await withExt.context.close();
    rmSync(without.profile, { recursive: true, force: true });
    rmSync(withExt.profile, { recursive: true, force: true });
  }
  console.log(`\nOfficial webmail: Zimbra classic compose beside ${ROWS} mailbox rows, typing (subject + ${BURSTS} bursts of ${BURST_CHARS} keys into the TinyMCE iframe), ${rounds} interleaved rounds`);
  console.table({
    'main-thread ms without extension': show(base),
    'main-thread ms with extension': show(ext),
    'added ms (per-round difference)': show(diff),
  });
}

// issue 11 (official page weight): official.js carries no checks; official-checks.js comes from the
// background on the first compose. Measured per build, interleaved with CVG_EXT_COMPARE's build: the
// time from the page's DOMContentLoaded (when official.js looks for the compose) to the compose's
// banner host being placed, for a compose whose subject is in TCVN3 (its first check speaks), and
// the tab's V8 heap after full collections. A fresh tab each round; the background is warm.
const URL_FIRST = `${ORIGIN}/?view=compose&first=1`;
const SUBJECT = 'Báo cáo tình hình thực hiện nhiệm vụ tháng 11';
const legacySubject = (html: string) => html.replace(`value="${SUBJECT}"`, `value="${encodeLegacy(SUBJECT, 'tcvn3').replace(/"/g, '&quot;')}"`);
const WATCH_BANNER = `(() => {
  addEventListener('DOMContentLoaded', () => (window.__dcl = performance.now()));
  new MutationObserver((_, o) => {
    if (document.querySelector('[data-congvu-banner-host]')) { window.__banner = performance.now(); o.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
})()`;

async function firstCompose(context: BrowserContext): Promise<{ ms: number; heapKB: number }> {
  const page = await context.newPage();
  await page.addInitScript(WATCH_BANNER);
  await page.goto(URL_FIRST);
  await page.waitForFunction('window.__banner !== undefined', undefined, { timeout: 20_000 }).catch(() => undefined);
  const ms = await page.evaluate<number>('window.__banner === undefined ? -1 : window.__banner - window.__dcl');
  const cdp = await context.newCDPSession(page);
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heapKB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024;
  await page.close();
  return { ms, heapKB };
}

export async function runOfficialFirstComposeBench(rounds = Number(process.env.CVG_ROUNDS ?? 9)): Promise<void> {
  const html = largeMailboxPage();
  const builds: [string, string][] = [['this build', EXT]];
  const compare = process.env.CVG_EXT_COMPARE;
  if (compare) builds.push([compare, isAbsolute(compare) ? compare : join(ROOT, compare)]);
  const launched = await Promise.all(builds.map(([, dir]) => launch(dir, html)));
  const results = builds.map(() => ({ ms: [] as number[], heap: [] as number[] }));
  try {
    for (let r = 0; r < rounds; r++) {
      for (let b = 0; b < builds.length; b++) {
        const k = r % 2 === 0 ? b : builds.length - 1 - b;
        const { ms, heapKB } = await firstCompose(launched[k]!.context);
        results[k]!.ms.push(ms);
        results[k]!.heap.push(heapKB);
      }
    }
  } finally {
    for (const { context, profile } of launched) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  console.log(`\nOfficial webmail, a tab's first compose (Zimbra classic beside ${ROWS} rows, subject in TCVN3): DOMContentLoaded → banner placed, and the tab's V8 heap (median (min–max) of ${rounds}, interleaved; -1: no banner in 20 s)`);
  console.table(builds.map(([build], k) => ({ build, 'DCL → banner ms': show(results[k]!.ms), 'tab heap KB': show(results[k]!.heap) })));
}
