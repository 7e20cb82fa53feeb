// The extension's cost to a webmail page, measured in real Chromium side by side with the
// same page in a browser without the extension:
//  - content-script bundle sizes;
//  - time from a compose window appearing to the banner shown in it;
//  - main-thread time (Chromium's own TaskDuration metric) under a stream of mutations on a
//    large Gmail inbox: typing into the body and inbox rows coming and going.
import { readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = process.cwd();
const EXT = join(ROOT, 'dist/chrome');
const URL_GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'congvu-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: withExtension ? [...FLAGS, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`] : FLAGS,
  });
  if (withExtension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  const html = readFileSync(join(ROOT, 'test/fixtures/webmail/gmail/large-inbox-vi.html'), 'utf8');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(URL_GMAIL.split('#')[0]!)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.startsWith('https://')) return route.fulfill({ status: 204, body: '' });
    return route.continue();
  });
  return { context, profile };
}

/** Takes the compose out at load, so that the test can open it again and time the banner. */
const DETACH_COMPOSE = `(() => {
  const dialog = document.querySelector('[role=dialog]');
  const holder = dialog.parentElement;
  window.__compose = { dialog, holder };
  dialog.remove();
})()`;

const OPEN_COMPOSE_AND_TIME = `new Promise((resolve) => {
  const t0 = performance.now();
  const { dialog, holder } = window.__compose;
  const done = () => {
    const host = dialog.querySelector('[data-congvu-banner-host]');
    if (host && host.shadowRoot && host.shadowRoot.textContent.includes('Công Vụ Guard')) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 5000) resolve(-1);
    else requestAnimationFrame(done);
  };
  holder.append(dialog);
  done();
})`;

const MUTATION_STREAM = `(async () => {
  const body = document.querySelector('[role=dialog] [g_editable=true]');
  const table = document.querySelector('table.F tbody');
  const rows = [...table.querySelectorAll('tr.zA')];
  const text = 'Kính gửi các đồng chí lãnh đạo, xin báo cáo kết quả thực hiện nhiệm vụ. ';
  for (let k = 0; k < 1500; k++) {
    body.append(document.createTextNode(text[k % text.length]));
    if (k % 10 === 0) {
      const row = rows[k % rows.length];
      row.remove();
      table.prepend(row);
    }
    if (k % 50 === 0) await new Promise((r) => setTimeout(r, 0));
  }
  await new Promise((r) => setTimeout(r, 600));
})()`;

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

export async function runExtensionBench(rounds = 5): Promise<void> {
  const sizes = ['content.js', 'page-hook.js', 'guard.js', 'background.js'].map((f) => {
    const bytes = readFileSync(join(EXT, f));
    return { file: f, 'KB': (statSync(join(EXT, f)).size / 1024).toFixed(1), 'gzip KB': (gzipSync(bytes).length / 1024).toFixed(1) };
  });
  console.log('\nExtension bundles (dist/chrome, minified)');
  console.table(sizes);

  const withExt = await launch(true);
  const without = await launch(false);
  const banner: number[] = [];
  const busy: Record<string, number[]> = { 'without extension': [], 'with extension': [] };
  for (let r = 0; r < rounds; r++) {
    for (const [label, { context }] of [['without extension', without], ['with extension', withExt]] as const) {
      const page = await context.newPage();
      await page.goto(URL_GMAIL);
      await page.waitForTimeout(300);
      busy[label]!.push(await taskDuration(page, () => page.evaluate(MUTATION_STREAM)));
      if (label === 'with extension') {
        await page.evaluate(DETACH_COMPOSE);
        await page.waitForTimeout(200);
        banner.push(await page.evaluate<number>(OPEN_COMPOSE_AND_TIME));
      }
      await page.close();
    }
  }
  await withExt.context.close();
  await without.context.close();
  rmSync(withExt.profile, { recursive: true, force: true });
  rmSync(without.profile, { recursive: true, force: true });
  const base = median(busy['without extension']!);
  console.log(`\nGmail inbox with 200 rows + compose, 1,500 typed characters and 150 row moves (median of ${rounds}, interleaved)`);
  console.table(
    Object.entries(busy).map(([label, xs]) => ({ page: label, 'main-thread ms': median(xs).toFixed(1), 'vs without': `${(median(xs) / base).toFixed(2)}×`, 'added ms': (median(xs) - base).toFixed(1) })),
  );
  console.log(`Compose opened → banner shown: median ${median(banner).toFixed(1)} ms (runs: ${banner.map((b) => b.toFixed(1)).join(', ')})`);
}
