// The extension's cost to a webmail page, measured in real Chromium. Every figure is printed
// with its spread (median, then min–max over the rounds):
//  - content-script bundle sizes, minified and gzip;
//  - evaluating content.js: the bundle run as an inline script in a fresh page (its own site,
//    so its own renderer and no compiled-code cache) on a non-webmail address, with a stand-in
//    `chrome` object; time around the insertion (wall clock), the renderer main thread's own CPU
//    time for the evaluation (Chromium's trace: EvaluateScript's thread duration, which a busy
//    shared machine inflates far less than the wall clock), and the heap it leaves after a full GC;
//  - the heap a Gmail tab holds after load with the extension against the same tab without it,
//    for the inbox alone (no compose: what most tabs are) and with a compose open;
//  - main-thread time (Chromium's TaskDuration metric) while a person types into the compose:
//    trusted key events from the input pipeline, in bursts with pauses longer than the
//    compose's quiet time (250 ms), so that every burst is checked, plus a recipient typed into
//    To. Each round with the extension must end with the compose's banner placed (the checks
//    ran), or the round is reported as not checked. Rounds interleave without the extension,
//    with the compared build (if any) and with this one; the per-round difference is reported
//    with its spread and with the spread of the page alone, and is called clear only when its
//    whole min–max stays above zero;
//  - time from a compose window appearing to its banner host being placed;
//  - evaluating background.js the same way (its start cost when the browser wakes it).
// CVG_EXT_COMPARE=<another build folder, e.g. dist/before/chrome, or an absolute path> adds that
// build to every table (interleaved); CVG_ROUNDS sets the rounds (default 9); CVG_EXT_TAB=0 skips
// the Gmail tab (heap, typing), for a quick look at sizes and evaluation.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { withoutCompose } from '../test/fixtures/webmail/gmail/without-compose';
import { CHROMIUM_FLAGS, openChromium } from './chromium';

const ROOT = process.cwd();
const EXT = join(ROOT, 'dist/chrome');
const URL_GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const QUIET_MS = 250;

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s.at(-1)! };
}
const show = (xs: number[], digits = 1) => {
  const { median, min, max } = stats(xs);
  return `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
};

/** The same inbox with its compose dialog cut out: a Gmail tab where no mail is being written. */
const URL_GMAIL_INBOX_ONLY = 'https://mail.google.com/mail/u/1/#inbox';

// issue 11 (page weight): the inbox with its compose kept in a <template> where it stood, put in
// place when the bench says: the tab's FIRST compose, which is when the checks load.
const URL_GMAIL_FIRST_COMPOSE = 'https://mail.google.com/mail/u/2/#inbox';
function composeLater(html: string): string {
  const inbox = withoutCompose(html);
  const start = html.lastIndexOf('<div', html.indexOf('role="dialog"'));
  const dialog = html.slice(start, start + html.length - inbox.length);
  return `${html.slice(0, start)}<template id="cvg-compose-later">${dialog}</template>${html.slice(start + dialog.length)}`;
}
const OPEN_FIRST_COMPOSE = `new Promise((resolve) => {
  const t0 = performance.now();
  const later = document.getElementById('cvg-compose-later');
  later.replaceWith(later.content.cloneNode(true));
  const dialog = document.querySelector('[role=dialog]');
  const done = () => {
    if (dialog.querySelector('[data-congvu-banner-host]')) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 10000) resolve(-1);
    else requestAnimationFrame(done);
  };
  done();
})`;

/** `extension`: the build folder to load, or none for the page alone. */
async function launch(extension?: string): Promise<{ context: BrowserContext; profile: string }> {
  const { context, profile } = await openChromium(extension, 'congvu-bench-');
  const html = readFileSync(join(ROOT, 'test/fixtures/webmail/gmail/large-inbox-vi.html'), 'utf8');
  const inboxOnly = withoutCompose(html);
  const firstCompose = composeLater(html);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(URL_GMAIL_INBOX_ONLY.split('#')[0]!)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: inboxOnly });
    if (url.startsWith(URL_GMAIL_FIRST_COMPOSE.split('#')[0]!)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: firstCompose });
    if (url.startsWith(URL_GMAIL.split('#')[0]!)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.startsWith('https://')) return route.fulfill({ status: 204, body: '' });
    return route.continue();
  });
  return { context, profile };
}

/** What a content script finds at document_start (and enough of what the background finds), for either build to start. */
const CHROME_STAND_IN = `(() => {
  const event = { addListener() {}, removeListener() {}, hasListener() { return false; } };
  const port = { postMessage() {}, disconnect() {}, onMessage: event, onDisconnect: event };
  const area = { get: (k, cb) => (cb ? cb({}) : Promise.resolve({})), set: (v, cb) => (cb ? cb() : Promise.resolve()) };
  globalThis.chrome = {
    runtime: { id: 'benchbenchbenchbenchbenchbenchbe', sendMessage: (m, cb) => (cb ? cb(undefined) : Promise.resolve(undefined)), connect: () => port, getURL: (p) => p, onMessage: event, onConnect: event, onInstalled: event, onStartup: event },
    storage: { local: area, managed: area, session: area, onChanged: event },
    tabs: { onRemoved: event },
    scripting: { getRegisteredContentScripts: () => Promise.resolve([]), registerContentScripts: () => Promise.resolve(), unregisterContentScripts: () => Promise.resolve(), updateContentScripts: () => Promise.resolve() },
  };
  // issue 11 (page weight): what content-checks.js finds from its page script (content/checks-share.ts)
  globalThis.__congvuLoaderShare = { publicWebmailDomains: new Set(), vi: {}, en: {}, ReadFailure: class extends Error {}, arrived() {} };
})()`;

async function evaluateBundle(browser: Browser, source: string, round: number): Promise<{ ms: number; cpuMs: number; heapKB: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A site of its own per round: a fresh renderer, nothing compiled before.
  const origin = `https://round${round}.bench.test/`;
  await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title><p>x</p>' }));
  await page.goto(origin);
  await page.evaluate(CHROME_STAND_IN);
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const before = await heap();
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  const ms = await page.evaluate((src) => {
    const s = document.createElement('script');
    s.textContent = src;
    const t0 = performance.now();
    document.head.append(s);
    return performance.now() - t0;
  }, `${source}\n//# sourceURL=bench-round-${round}.js`);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; tdur?: number }[] };
  // The inserted script is the only one the page evaluates while the trace runs.
  const evaluated = trace.traceEvents.filter((e) => e.name === 'EvaluateScript' && e.ph === 'X');
  const cpuMs = evaluated.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  const after = await heap();
  await context.close();
  return { ms, cpuMs, heapKB: (after - before) / 1024 };
}

/** Opens the compose as a person would have it: the dialog put back into the page. */
const DETACH_COMPOSE = `(() => {
  const dialog = document.querySelector('[role=dialog]');
  window.__compose = { dialog, holder: dialog.parentElement };
  dialog.remove();
})()`;

const OPEN_COMPOSE_AND_TIME = `new Promise((resolve) => {
  const t0 = performance.now();
  const { dialog, holder } = window.__compose;
  const done = () => {
    // The banner's root is closed to the page: its host being placed is what can be seen.
    if (dialog.querySelector('[data-congvu-banner-host]')) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 5000) resolve(-1);
    else requestAnimationFrame(done);
  };
  holder.append(dialog);
  done();
})`;

const WORDS = 'Kính gửi các đồng chí lãnh đạo, xin báo cáo kết quả thực hiện nhiệm vụ quý IV năm 2026. ';
const BURSTS = 10;
const BURST_CHARS = 40;

/** A person writing: bursts of real key presses, each followed by a pause the compose checks in. */
async function typeLikeAPerson(page: Page): Promise<void> {
  await page.click('[role=dialog] input[aria-label="Người nhận Đến"]');
  await page.keyboard.type('vanthu.ubnd@gmail.com, ');
  await page.waitForTimeout(QUIET_MS + 150);
  await page.click('[role=dialog] [g_editable=true]');
  for (let b = 0; b < BURSTS; b++) {
    const start = (b * BURST_CHARS) % WORDS.length;
    await page.keyboard.type((WORDS + WORDS).slice(start, start + BURST_CHARS));
    await page.waitForTimeout(QUIET_MS + 150);
  }
}

/**
 * Main-thread time while `run` goes: every task (TaskDuration, which also holds the work of
 * dispatching the typed keys) and JavaScript alone (ScriptDuration: the page's handlers and the
 * content script's checks), in ms.
 */
async function mainThread(page: Page, run: () => Promise<unknown>): Promise<{ task: number; script: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    return { task: metrics.find((m) => m.name === 'TaskDuration')!.value, script: metrics.find((m) => m.name === 'ScriptDuration')!.value };
  };
  const before = await read();
  await run();
  const after = await read();
  await cdp.detach();
  return { task: (after.task - before.task) * 1000, script: (after.script - before.script) * 1000 };
}

async function tabHeapKB(page: Page): Promise<number> {
  return (await tabHeapsKB(page)).js;
}

/**
 * issue 11 (page weight): what the tab's renderer holds after full collections: its V8 heap (the
 * page's world and the extension's isolated world share one isolate, so this is what the tab pays
 * for both) and Blink's own garbage-collected heap (DOM, layout), which getHeapUsage gives apart.
 */
async function tabHeapsKB(page: Page): Promise<{ js: number; blink: number }> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.detach();
  return { js: usage.usedSize / 1024, blink: (usage.embedderHeapUsedSize ?? NaN) / 1024 };
}

export async function runExtensionBench(rounds = Number(process.env.CVG_ROUNDS ?? 9)): Promise<void> {
  const builds: [string, string][] = [['this build', EXT]];
  const compare = process.env.CVG_EXT_COMPARE;
  if (compare) builds.push([compare, isAbsolute(compare) ? compare : join(ROOT, compare)]);
  const sizes = builds.flatMap(([build, dir]) =>
    ['content-gmail.js', /* issue 11 (page weight) */ 'content-checks.js', 'content-yahoo.js', 'content-outlook-com.js', 'official.js', 'page-hook.js', 'background.js', 'reader-worker.js'].filter((f) => existsSync(join(dir, f))).map((f) => {
      const bytes = readFileSync(join(dir, f));
      return { build, file: f, KB: (statSync(join(dir, f)).size / 1024).toFixed(1), 'gzip KB': (gzipSync(bytes).length / 1024).toFixed(1) };
    }),
  );
  console.log('\nExtension bundles (Chrome build, minified)');
  console.table(sizes);

  const plain = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  const evalRows: Record<string, string>[] = [];
  for (const file of ['content-gmail.js', /* issue 11 (page weight): on the first compose */ 'content-checks.js', 'official.js', 'background.js']) {
    const sources = builds.filter(([, dir]) => existsSync(join(dir, file))).map(([build, dir]) => [build, readFileSync(join(dir, file), 'utf8')] as const);
    const evals = new Map<string, { ms: number; cpuMs: number; heapKB: number }[]>(sources.map(([build]) => [build, []]));
    // Interleaved, so a busy moment on the shared machine hits every build alike.
    for (let r = 0; r < rounds; r++) for (const [build, source] of sources) evals.get(build)!.push(await evaluateBundle(plain, source, r));
    for (const [build, xs] of evals) evalRows.push({ file, build, 'evaluation ms': show(xs.map((e) => e.ms)), 'main-thread CPU ms': show(xs.map((e) => e.cpuMs)), 'heap left KB': show(xs.map((e) => e.heapKB), 0) });
  }
  await plain.close();
  console.log(`\nBundles evaluated in a fresh page, each round on a site of its own (median (min–max) of ${rounds})`);
  console.table(evalRows);

  if (process.env.CVG_EXT_TAB === '0') return;
  const configs: [string, string | undefined][] = [['without extension', undefined], ...builds.map(([build, dir]) => [`with ${build}`, dir] as [string, string])];
  const launched = new Map<string, { context: BrowserContext; profile: string }>();
  for (const [label, dir] of configs) launched.set(label, await launch(dir));
  const series = () => Object.fromEntries(configs.map(([label]) => [label, [] as number[]]));
  const busy = series();
  const script = series();
  const heap = series();
  const inboxHeap = series();
  const inboxBlink = series();
  const banner = series();
  const unchecked = series();
  // issue 11 (page weight): the one-off cost of a tab's first compose, when the checks load
  const firstTask = series();
  const firstScript = series();
  const firstHeap = series();
  const firstBanner = series();
  for (let r = 0; r < rounds; r++) {
    for (const [label, dir] of configs) {
      const { context } = launched.get(label)!;
      const first = await context.newPage();
      await first.goto(URL_GMAIL_FIRST_COMPOSE);
      await first.waitForTimeout(600);
      let placed = 0;
      const spentFirst = await mainThread(first, async () => {
        placed = dir ? await first.evaluate<number>(OPEN_FIRST_COMPOSE) : await first.evaluate(`(() => { const l = document.getElementById('cvg-compose-later'); l.replaceWith(l.content.cloneNode(true)); return 0; })()`);
        await first.waitForTimeout(300);
      });
      firstTask[label]!.push(spentFirst.task);
      firstScript[label]!.push(spentFirst.script);
      firstHeap[label]!.push(await tabHeapKB(first));
      if (dir) firstBanner[label]!.push(placed);
      await first.close();
      const inbox = await context.newPage();
      await inbox.goto(URL_GMAIL_INBOX_ONLY);
      await inbox.waitForTimeout(600);
      const inboxHeaps = await tabHeapsKB(inbox);
      inboxHeap[label]!.push(inboxHeaps.js);
      inboxBlink[label]!.push(inboxHeaps.blink);
      await inbox.close();
      const page = await context.newPage();
      await page.goto(URL_GMAIL);
      await page.waitForTimeout(600);
      heap[label]!.push(await tabHeapKB(page));
      const spent = await mainThread(page, () => typeLikeAPerson(page));
      busy[label]!.push(spent.task);
      script[label]!.push(spent.script);
      if (dir) {
        // A public address typed into To on a public webmail: the checks speak, so the banner is placed.
        if (!(await page.$('[role=dialog] [data-congvu-banner-host]'))) unchecked[label]!.push(r);
        await page.evaluate(DETACH_COMPOSE);
        await page.waitForTimeout(200);
        banner[label]!.push(await page.evaluate<number>(OPEN_COMPOSE_AND_TIME));
      }
      await page.close();
    }
  }
  for (const { context, profile } of launched.values()) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const base = 'without extension';
  const added = (xs: Record<string, number[]>, label: string) => xs[label]!.map((w, i) => w - xs[base]![i]!);
  const typed = 23 + BURSTS * BURST_CHARS;
  console.log(`\nGmail inbox with 200 rows: the inbox alone, then with a compose where ${typed} characters are typed as key presses in ${BURSTS + 1} bursts, each checked (median (min–max) of ${rounds}, interleaved)`);
  const rows: Record<string, string>[] = [];
  for (const [label] of configs) {
    rows.push({ page: label, 'all tasks ms': show(busy[label]!), 'script ms': show(script[label]!), 'inbox heap KB': show(inboxHeap[label]!, 0), 'inbox Blink heap KB': show(inboxBlink[label]!, 0), 'compose tab heap KB': show(heap[label]!, 0) });
    if (label === base) continue;
    rows.push({ page: `  added by ${label.slice(5)}`, 'all tasks ms': show(added(busy, label)), 'script ms': show(added(script, label)), 'inbox heap KB': show(added(inboxHeap, label), 0), 'inbox Blink heap KB': show(added(inboxBlink, label), 0), 'compose tab heap KB': show(added(heap, label), 0) });
  }
  console.table(rows);
  // issue 11 (page weight)
  console.log(`\nA tab's first compose (the checks load then): main-thread time from the compose put in place until its banner is placed + 300 ms, and the tab's heap after (median (min–max) of ${rounds}, interleaved)`);
  const firstRows: Record<string, string>[] = [];
  for (const [label, dir] of configs) {
    firstRows.push({ page: label, 'all tasks ms': show(firstTask[label]!), 'script ms': show(firstScript[label]!), 'tab heap KB': show(firstHeap[label]!, 0), 'compose → banner ms': dir ? show(firstBanner[label]!) : '' });
    if (label === base) continue;
    firstRows.push({ page: `  added by ${label.slice(5)}`, 'all tasks ms': show(added(firstTask, label)), 'script ms': show(added(firstScript, label)), 'tab heap KB': show(added(firstHeap, label), 0), 'compose → banner ms': '' });
  }
  console.table(firstRows);
  for (const [label, dir] of configs) {
    if (!dir) continue;
    // Both figures: every task (input dispatch, layout and the page's own work included) and JavaScript alone.
    for (const [what, xs] of [['all tasks', busy], ['script', script]] as const) {
      const a = stats(added(xs, label));
      const page = stats(xs[base]!);
      const clear = a.min > 0 ? 'clear: every round above zero' : 'NOT clear: the spread reaches zero, add rounds';
      console.log(`${label}: ${what} added ${a.median.toFixed(1)} ms (per round ${a.min.toFixed(1)}–${a.max.toFixed(1)}; the page alone spreads ${(page.max - page.min).toFixed(1)} ms) — ${clear}`);
    }
    console.log(`  rounds whose compose showed no banner (checks not seen): ${unchecked[label]!.length}/${rounds}; compose opened → banner placed: ${show(banner[label]!)} ms`);
  }
}
