// The all-sites script's cost to any page (issue 13), in real Chromium, against the same page
// without the extension. Printed with spreads (median, IQR, min–max over the rounds):
//  - allsites.js size, minified and gzip;
//  - main-thread time (Chromium's TaskDuration, the renderer's total) of loading a long shop
//    page and sitting idle for a second: what a page pays for the script being there;
//  - main-thread time while a person types, as trusted key presses: 60 characters into a search
//    box (the listener's cheapest exit), an official address into the register form (the nudge
//    is judged and shown), and a password (sent to the background, compared there);
//  - the script's own time: V8's sampling profiler (0.1 ms) over the whole round, self time of
//    the functions whose source is allsites.js. The page-level difference above is the honest
//    total but drowns in a shared machine's noise; this one cannot be confused with the page's.
// Rounds interleave with and without the extension, each page on a fresh site of its own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { showSpread } from './stats';

const ROOT = process.cwd();
const EXT = join(ROOT, 'dist/chrome');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The shop's account page, with a search box and a long product list in front, like a real shop's page. */
function shopPage(): string {
  const account = readFileSync(join(ROOT, 'test/fixtures/account-hygiene/woocommerce-my-account.html'), 'utf8');
  const products = Array.from({ length: 400 }, (_, k) => `<li class="product"><a href="/san-pham/${k}"><h3>Sản phẩm số ${k}</h3></a><span class="price">${(k * 1000 + 99_000).toLocaleString('vi-VN')}₫</span><p>Mô tả ngắn về sản phẩm ${k}, giao hàng toàn quốc.</p></li>`).join('');
  return account.replace('<body class="woocommerce-account woocommerce-page">', `<body class="woocommerce-account woocommerce-page"><form role="search" action="/"><input type="search" id="search" name="s"></form><ul class="products">${products}</ul>`);
}

async function launch(withExtension: boolean, html: string): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'congvu-bench-allsites-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: withExtension ? [...FLAGS, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`] : FLAGS,
  });
  if (withExtension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.endsWith('/tai-khoan/')) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.startsWith('https://')) return route.fulfill({ status: 204, body: '' });
    return route.continue();
  });
  return { context, profile };
}

/** The renderer's main-thread time so far; one CDP session per page, enabled before it loads (each new session counts from zero). */
async function busyMeter(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
}

/** Self time (ms) of allsites.js's functions since the last lap (V8's sampling profiler, 0.1 ms). */
async function ownTimeMeter(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.start');
    const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.endsWith('/allsites.js')).map((n) => n.id));
    let us = 0;
    profile.samples?.forEach((id, k) => {
      if (ours.has(id)) us += profile.timeDeltas?.[k] ?? 0;
    });
    return us / 1000;
  };
}

/** [page main-thread ms, allsites.js own ms] for one step. */
async function during(busy: () => Promise<number>, own: () => Promise<number>, run: () => Promise<unknown>): Promise<[number, number]> {
  const before = await busy();
  await own();
  await run();
  const ownMs = await own();
  return [(await busy()) - before, ownMs];
}

const STEPS = ['load + 1 s idle', 'search box, 60 keys', 'official address, sign-up', 'password, 14 keys'] as const;

async function round(context: BrowserContext, r: number, withExtension: boolean): Promise<Array<[number, number]>> {
  const page = await context.newPage();
  const busy = await busyMeter(page);
  const own = await ownTimeMeter(page);
  const load = await during(busy, own, async () => {
    await page.goto(`https://round${r}-${withExtension ? 'a' : 'b'}.shop.bench.test/tai-khoan/`);
    await page.waitForTimeout(1000);
  });
  const search = await during(busy, own, async () => {
    await page.click('#search');
    await page.keyboard.type('áo sơ mi nam công sở dài tay màu trắng size L giá tốt nhất 2026');
    await page.waitForTimeout(600);
  });
  const address = await during(busy, own, async () => {
    await page.click('#reg_email');
    await page.keyboard.type('nguyenvana@danang.gov.vn');
    await page.waitForTimeout(900);
  });
  if (withExtension && (await page.locator('[data-congvu-toast]').count()) !== 1) throw new Error('the nudge did not show: the measure would not include it');
  const password = await during(busy, own, async () => {
    await page.click('#reg_password');
    await page.keyboard.type('Hoa-Sen#2026dn');
    await page.waitForTimeout(900);
  });
  await page.close();
  return [load, search, address, password];
}

export async function runAllSitesBench(rounds = 9): Promise<void> {
  const bytes = readFileSync(join(EXT, 'allsites.js'));
  console.log('\nallsites.js (dist/chrome)');
  console.table([{ 'minified KB': (bytes.length / 1024).toFixed(2), 'gzip KB': (gzipSync(bytes).length / 1024).toFixed(2) }]);

  const html = shopPage();
  const withExt = await launch(true, html);
  const without = await launch(false, html);
  const results: Record<'with' | 'without', Array<Array<[number, number]>>> = { with: [], without: [] };
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so neither always meets the warmer machine.
    const order = r % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
    for (const label of order) results[label].push(await round((label === 'with' ? withExt : without).context, r, label === 'with'));
  }
  for (const { context, profile } of [withExt, without]) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`\nShop page with 400 products and the account forms: ms (median (IQR, min–max) of ${rounds}, interleaved)`);
  console.log("page: the renderer's main-thread time (TaskDuration); own: self time of allsites.js's functions (sampling profiler)");
  console.table(
    STEPS.map((step, k) => {
      const page = (label: 'with' | 'without') => results[label].map((x) => x[k]![0]);
      const w = page('with');
      const wo = page('without');
      return {
        step,
        'page, without': showSpread(wo),
        'page, with': showSpread(w),
        'page, added per round': showSpread(w.map((x, i) => x - wo[i]!)),
        'allsites.js own': showSpread(results.with.map((x) => x[k]![1]), 2),
      };
    }),
  );
}
