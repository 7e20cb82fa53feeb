// Official webmail (issue 12): the main-thread time official.js adds to a large Zimbra classic
// mailbox page while a person types a message, against the same page without the extension, in
// one run. Real Chromium, Chromium's TaskDuration metric around real key events (subject, then
// bursts into the TinyMCE iframe with pauses longer than the compose's quiet time, so every burst
// is checked). Rounds interleave with and without the extension; each figure is printed as
// median (min–max), and the per-round difference with its spread.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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

async function launch(withExtension: boolean, html: string): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'congvu-bench-official-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: withExtension ? [...FLAGS, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`] : FLAGS,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(ORIGIN)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: url.startsWith(URL_COMPOSE) ? html : '<!DOCTYPE html><html><body></body></html>' });
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
