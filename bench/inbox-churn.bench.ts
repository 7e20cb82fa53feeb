// issue 11 (page weight): what the extension costs a large, busy Gmail tab where no mail is being
// written, in real Chromium. The inbox fixture without its compose, its rows copied until the page
// holds ~50,000 elements (a long thread list, as a real Gmail page holds more than the fixture);
// then the page's own script swaps rows in and out in many small batches, one task each, as Gmail
// does while mail comes and goes. Every batch reaches the compose watcher's MutationObserver.
// Then a box of the page is ticked as many times, each tick a `change` at window, which the
// attachment guard looks at.
// Printed (median (IQR, min–max) over the rounds, interleaved without the extension, with the
// compared build if any and with this one):
//  - the renderer's main-thread time over the churn (TaskDuration) and JavaScript alone
//    (ScriptDuration), and what each build adds per round, beside the page alone's own spread;
//  - the content script's own time (V8's sampling profiler at 0.1 ms: the functions whose source
//    is content-gmail.js and the native calls they make, such as DOM queries), which a shared
//    machine's noise cannot mix with the page's.
// Each round with an extension then opens a compose and requires its banner, so a build that
// stopped seeing composes cannot pass for a cheap one.
// CVG_EXT_COMPARE=<a build folder> adds that build; CVG_ROUNDS sets the rounds (default 9);
// CVG_CHURN_BATCHES the batches (and ticks) per round (default 100).
import { readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { withoutCompose } from '../test/fixtures/webmail/gmail/without-compose';
import { openChromium } from './chromium';
import { showSpread, spread } from './stats';

const ROOT = process.cwd();
const TARGET_ELEMENTS = 50_000;

/**
 * The inbox without a compose, grown by the page's own script while it is parsed (before the
 * content script starts watching), with its compose dialog kept aside in a <template>.
 */
function bigInbox(): string {
  const html = readFileSync(join(ROOT, 'test/fixtures/webmail/gmail/large-inbox-vi.html'), 'utf8');
  const inbox = withoutCompose(html);
  const start = html.lastIndexOf('<div', html.indexOf('role="dialog"'));
  const dialog = html.slice(start, start + html.length - inbox.length);
  const grow = `<template id="cvg-compose-later">${dialog}</template><script>(() => {
    // More thread lists after the first (other labels' lists, kept in the page as Gmail does), so
    // the churn below relays out one list, not all 50,000 elements.
    const list = document.querySelector('tr.zA').closest('table');
    for (let k = 0; document.getElementsByTagName('*').length < ${TARGET_ELEMENTS}; k++) {
      const copy = list.cloneNode(true);
      for (const el of copy.querySelectorAll('[id]')) el.id += '-copy' + k;
      list.parentElement.append(copy);
    }
  })()</script>`;
  return inbox.replace(/<\/body>/i, `${grow}</body>`);
}

/** The page's own churn: per task, a few rows in at the top, as many out at the bottom, now and then a notice. */
const CHURN = (batches: number) => `new Promise((resolve) => {
  const body = document.querySelector('tr.zA').parentElement;
  const template = body.querySelector('tr.zA');
  let k = 0;
  const step = () => {
    for (let i = 0; i < 3; i++) {
      const row = template.cloneNode(true);
      row.id = ':churn-' + k + '-' + i;
      body.prepend(row);
      body.lastElementChild.remove();
    }
    if (k % 10 === 0) {
      document.querySelector('[data-churn-notice]')?.remove();
      const notice = document.createElement('div');
      notice.setAttribute('role', 'alert');
      notice.dataset.churnNotice = '';
      notice.append('Đã tải ' + k + ' thư mới');
      document.body.append(notice);
    }
    if (++k < ${batches}) setTimeout(step, 0);
    else setTimeout(() => resolve(document.getElementsByTagName('*').length), 50);
  };
  step();
})`;

/** A person ticking a box of the page (a setting, a filter), one tick per task: each one a `change` at window. */
const TICKS = (ticks: number) => `new Promise((resolve) => {
  const box = document.createElement('input');
  box.type = 'checkbox';
  document.body.prepend(box);
  let k = 0;
  const step = () => {
    box.click();
    if (++k < ${ticks}) setTimeout(step, 0);
    else setTimeout(() => resolve(k), 50);
  };
  step();
})`;

const OPEN_COMPOSE = `new Promise((resolve) => {
  const later = document.getElementById('cvg-compose-later');
  later.replaceWith(later.content.cloneNode(true));
  const dialog = document.querySelector('[role=dialog]');
  const t0 = performance.now();
  const done = () => {
    if (dialog.querySelector('[data-congvu-banner-host]')) resolve(true);
    else if (performance.now() - t0 > 10000) resolve(false);
    else requestAnimationFrame(done);
  };
  done();
})`;

async function launch(extension: string | undefined, html: string): Promise<{ context: BrowserContext; profile: string }> {
  const { context, profile } = await openChromium(extension, 'congvu-bench-churn-');
  await context.route('**/*', (route) =>
    route.request().url().startsWith('https://mail.google.com/') ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.fulfill({ status: 204, body: '' }),
  );
  return { context, profile };
}

interface Phase {
  task: number;
  script: number;
  own: number;
}

interface Round {
  churn: Phase;
  ticks: Phase;
  elements: number;
  composeSeen: boolean;
}

/** Main-thread time while the page evaluates `expression`, and the content script's own share of it. */
async function measure(cdp: CDPSession, page: Page, expression: string): Promise<Phase & { value: number }> {
  const metrics = async () => {
    const m = (await cdp.send('Performance.getMetrics')).metrics;
    return { task: m.find((x) => x.name === 'TaskDuration')!.value * 1000, script: m.find((x) => x.name === 'ScriptDuration')!.value * 1000 };
  };
  const before = await metrics();
  await cdp.send('Profiler.start');
  const value = await page.evaluate<number>(expression);
  const { profile } = await cdp.send('Profiler.stop');
  const after = await metrics();
  // Ours: the script's functions, and the native calls they make (a DOM query has no script URL).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const isOurs = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)!.callFrame.url;
      if (url) return /\/content-gmail\.js$/.test(url);
    }
    return false;
  };
  const ours = new Set(profile.nodes.filter((n) => isOurs(n.id)).map((n) => n.id));
  let ownUs = 0;
  profile.samples?.forEach((id, k) => {
    if (ours.has(id)) ownUs += profile.timeDeltas?.[k] ?? 0;
  });
  return { task: after.task - before.task, script: after.script - before.script, own: ownUs / 1000, value };
}

async function round(context: BrowserContext, batches: number, withExtension: boolean): Promise<Round> {
  const page: Page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await page.waitForTimeout(800);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const churn = await measure(cdp, page, CHURN(batches));
  const ticks = await measure(cdp, page, TICKS(batches));
  const composeSeen = withExtension ? await page.evaluate<boolean>(OPEN_COMPOSE) : true;
  await cdp.detach();
  await page.close();
  return { churn, ticks, elements: churn.value, composeSeen };
}

export async function runInboxChurnBench(rounds = Number(process.env.CVG_ROUNDS ?? 9)): Promise<void> {
  const batches = Number(process.env.CVG_CHURN_BATCHES ?? 100);
  const html = bigInbox();
  const configs: [string, string | undefined][] = [['without extension', undefined], ['this build', join(ROOT, 'dist/chrome')]];
  const compare = process.env.CVG_EXT_COMPARE;
  if (compare) configs.splice(1, 0, [compare, isAbsolute(compare) ? compare : join(ROOT, compare)]);
  const launched = new Map<string, { context: BrowserContext; profile: string }>();
  for (const [label, dir] of configs) launched.set(label, await launch(dir, html));
  const results = new Map<string, Round[]>(configs.map(([label]) => [label, []]));
  for (let r = 0; r < rounds; r++) {
    // Rotate which goes first, so none always meets the warmer machine.
    const order = configs.map((_, i) => configs[(i + r) % configs.length]!);
    for (const [label, dir] of order) results.get(label)!.push(await round(launched.get(label)!.context, batches, dir !== undefined));
  }
  for (const { context, profile } of launched.values()) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const base = results.get('without extension')!;
  const phases: [keyof Pick<Round, 'churn' | 'ticks'>, string][] = [
    ['churn', `its own script swaps 3 rows per task for ${batches} tasks (a notice every 10th)`],
    ['ticks', `a box of the page is ticked ${batches} times, one tick per task (a change event each)`],
  ];
  for (const [phase, what] of phases) {
    console.log(`\nA Gmail inbox of ~${base[0]!.elements} elements, no compose open; ${what}: ms, median (IQR, min–max) of ${rounds}, interleaved`);
    const rows: Record<string, string>[] = [];
    for (const [label, dir] of configs) {
      const xs = results.get(label)!.map((x) => x[phase]);
      const bs = base.map((x) => x[phase]);
      rows.push({ page: label, 'all tasks ms': showSpread(xs.map((x) => x.task)), 'script ms': showSpread(xs.map((x) => x.script)), 'content-gmail.js own ms': dir ? showSpread(xs.map((x) => x.own), 2) : '' });
      if (!dir) continue;
      rows.push({ page: `  added by ${label}`, 'all tasks ms': showSpread(xs.map((x, i) => x.task - bs[i]!.task)), 'script ms': showSpread(xs.map((x, i) => x.script - bs[i]!.script)), 'content-gmail.js own ms': '' });
    }
    console.table(rows);
    for (const [label, dir] of configs) {
      if (!dir) continue;
      const xs = results.get(label)!.map((x) => x[phase]);
      const added = spread(xs.map((x, i) => x.script - base[i]![phase].script));
      const pageAlone = spread(base.map((x) => x[phase].script));
      const clear = added.min > 0 ? 'clear: every round above zero' : 'NOT clear: the spread reaches zero';
      console.log(`${label}: script added ${added.median.toFixed(1)} ms (per round ${added.min.toFixed(1)}–${added.max.toFixed(1)}; the page alone spreads ${(pageAlone.max - pageAlone.min).toFixed(1)} ms) — ${clear}; own ${spread(xs.map((x) => x.own)).median.toFixed(2)} ms`);
    }
  }
  for (const [label, dir] of configs) if (dir) console.log(`${label}: compose opened after the churn and ticks, banner placed in ${results.get(label)!.filter((x) => x.composeSeen).length}/${rounds} rounds`);
}
