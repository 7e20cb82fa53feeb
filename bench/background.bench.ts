// The service worker's start (issue 11): Chrome stops an idle extension service worker after
// 30 s and starts it again for the next message, so background.js is compiled and run over and
// over. Measured here in a fresh node:vm context per round (V8, as in Chrome), with a stand-in
// `chrome` whose storage already holds what an earlier start of the same build stored:
//  - start: compiling and running background.js until its listeners are registered;
//  - first answer: from the start until the policy's state answers a `get-policy` message
//    (the popup's or a tab's first question after a restart);
//  - the same, the first time after an install or a policy change (nothing stored to reuse).
// Then the same in real Chromium (CVG_BG_CHROMIUM=0 skips it): each build loaded in its own
// browser; every round stops the service worker (DevTools protocol, as the idle timer does),
// wakes it with a get-policy message from the options page and reads Chromium's trace: the
// EvaluateScript event of background.js (compile, from the code cache Chrome keeps for an
// installed worker, and the run until the listeners are registered), its v8.compile and v8.run
// parts, any other script the worker evaluated on that wake, and the message's round trip.
// CVG_BG_COMPARE=<another build folder, e.g. /tmp/bg-base/dist/chrome> adds that build, rounds
// interleaved with this one; CVG_ROUNDS sets the rounds (default 15). Only ratios count on a
// shared machine. Each round's source gets its own trailing comment, so that V8's compilation
// cache never hands a round the code compiled for the one before.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import { createContext, Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { showSpread } from './stats';

type Store = Record<string, unknown>;
type Listener = (...args: unknown[]) => unknown;

/** Chrome's calling conventions both: a promise, or the callback given last (webextension-polyfill's way). */
function either<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: unknown[]) => Promise<R> | undefined {
  return (...args) => {
    const last = args.at(-1);
    if (typeof last !== 'function') return fn(...(args as A));
    void fn(...(args.slice(0, -1) as A)).then((r) => (last as (r: R) => void)(r));
    return undefined;
  };
}

/** A `chrome` as the service worker finds it: events that keep their listeners, storage that answers. */
function standIn(dir: string, local: Store, context: () => object) {
  const listeners = new Map<string, Listener[]>();
  const event = (name: string) => ({
    addListener: (l: Listener) => listeners.set(name, [...(listeners.get(name) ?? []), l]),
    removeListener() {},
    hasListener: () => false,
  });
  const area = (data: Store) => ({
    get: either(async (keys: string | string[] | null) => {
      if (keys === null) return { ...data };
      const out: Store = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) if (k in data) out[k] = structuredClone(data[k]);
      return out;
    }),
    set: either(async (items: Store) => void Object.assign(data, structuredClone(items))),
    remove: either(async (keys: string | string[]) => {
      for (const k of typeof keys === 'string' ? [keys] : keys) delete data[k];
    }),
  });
  const chrome = {
    runtime: {
      id: 'benchbenchbenchbenchbenchbenchbe',
      getURL: (p: string) => `chrome-extension://bench/${p}`,
      getManifest: () => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as object,
      getContexts: async () => [],
      connect: () => ({ postMessage() {}, disconnect() {}, onMessage: event('port'), onDisconnect: event('port-gone') }),
      sendMessage: async () => undefined,
      onMessage: event('message'),
      onConnect: event('connect'),
      onInstalled: event('installed'),
      onStartup: event('startup'),
    },
    storage: { local: area(local), managed: area({}), session: area({}), onChanged: event('changed') },
    tabs: { onRemoved: event('removed'), query: async () => [] },
    scripting: {
      getRegisteredContentScripts: either(async () => []),
      registerContentScripts: either(async () => undefined),
      unregisterContentScripts: either(async () => undefined),
      updateContentScripts: either(async () => undefined),
    },
  };
  // importScripts as a service worker has it: synchronous, into the same global.
  const importScripts = (...files: string[]) => {
    for (const f of files) new Script(readFileSync(join(dir, f), 'utf8'), { filename: f }).runInContext(context());
  };
  return { chrome, importScripts, listeners };
}

interface StartFigures {
  startMs: number;
  answerMs: number;
}

/** One start of the build in `dir` in a fresh context, with `local` as its storage.local. */
async function startOnce(dir: string, local: Store, round: number): Promise<StartFigures> {
  const source = `${readFileSync(join(dir, 'background.js'), 'utf8')}\n//# round ${round} ${Math.random()}`;
  let context: object = {};
  const { chrome, importScripts, listeners } = standIn(dir, local, () => context);
  const sandbox = { chrome, importScripts, addEventListener() {}, console: { warn() {}, log() {}, error() {} }, setTimeout, clearTimeout, URL, TextEncoder, TextDecoder, crypto, atob, btoa, structuredClone, fetch: async () => new Response('', { status: 404 }) };
  context = createContext(sandbox);
  (sandbox as Record<string, unknown>).self = context;
  (sandbox as Record<string, unknown>).globalThis = context;
  const t0 = performance.now();
  new Script(source, { filename: 'background.js' }).runInContext(context);
  const startMs = performance.now() - t0;
  const onMessage = listeners.get('message') ?? [];
  const answer = await new Promise<unknown>((resolve) => {
    for (const l of onMessage) {
      const r = l({ type: 'get-policy' }, { id: chrome.runtime.id }, resolve);
      if (r && typeof (r as Promise<unknown>).then === 'function') void (r as Promise<unknown>).then(resolve);
    }
  });
  const answerMs = performance.now() - t0;
  if (!(answer as { policy?: unknown } | undefined)?.policy) throw new Error(`${dir}: no policy in the answer`);
  // Let the start's other work (registrations, stores) finish before the next round.
  await new Promise((r) => setTimeout(r, 20));
  return { startMs, answerMs };
}

export async function runBackgroundBench(rounds = Number(process.env.CVG_ROUNDS ?? 15)): Promise<void> {
  const builds: [string, string][] = [['this build', join(process.cwd(), 'dist/chrome')]];
  if (process.env.CVG_BG_COMPARE) builds.push([process.env.CVG_BG_COMPARE, process.env.CVG_BG_COMPARE]);
  for (const [, dir] of builds) if (!existsSync(join(dir, 'background.js'))) throw new Error(`no background.js in ${dir}: build the extension first`);

  console.log('\nService worker bundle (Chrome build, minified)');
  console.table(
    builds.map(([build, dir]) => {
      const bytes = readFileSync(join(dir, 'background.js'));
      return { build, 'background.js KB': (statSync(join(dir, 'background.js')).size / 1024).toFixed(1), 'gzip KB': (gzipSync(bytes).length / 1024).toFixed(1) };
    }),
  );

  // What an earlier start of each build left in storage.local: the worker's restart case.
  const warm = new Map<string, Store>();
  for (const [build, dir] of builds) {
    const local: Store = {};
    await startOnce(dir, local, -1);
    warm.set(build, local);
  }
  const figures = new Map<string, { restart: StartFigures[]; cold: StartFigures[] }>(builds.map(([b]) => [b, { restart: [], cold: [] }]));
  // Interleaved, so a busy moment on the shared machine hits every build alike.
  for (let r = 0; r < rounds; r++) {
    for (const [build, dir] of builds) {
      figures.get(build)!.restart.push(await startOnce(dir, structuredClone(warm.get(build)!), r));
      figures.get(build)!.cold.push(await startOnce(dir, {}, r));
    }
  }
  const rows = [...figures].flatMap(([build, f]) => [
    { build, case: 'restart (policy stored)', 'start ms': showSpread(f.restart.map((x) => x.startMs), 2), 'first answer ms': showSpread(f.restart.map((x) => x.answerMs), 2) },
    { build, case: 'first start (nothing stored)', 'start ms': showSpread(f.cold.map((x) => x.startMs), 2), 'first answer ms': showSpread(f.cold.map((x) => x.answerMs), 2) },
  ]);
  console.log(`\nbackground.js start in a fresh node:vm context (${rounds} interleaved rounds; median (IQR, min–max)): start = compile + run until the listeners are registered; first answer = until get-policy is answered`);
  console.table(rows);
  console.log(`1-min load average now: ${loadavg()[0]!.toFixed(1)}`);
  if (process.env.CVG_BG_CHROMIUM !== '0') await runBackgroundChromiumBench(builds, rounds);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; fileName?: string };
}

interface WorkerRound {
  evaluateMs: number;
  compileMs: number;
  runMs: number;
  roundTripMs: number;
  others: string[];
}

/** One build in a browser of its own, its service worker stopped and woken on demand. */
class LiveExtension {
  private versions = new Map<string, { versionId: string; scriptURL: string; runningStatus: string }>();
  private constructor(
    private readonly proc: ChildProcess,
    private readonly profile: string,
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly tracing: CDPSession,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) this.versions.set(v.versionId, v);
    });
  }

  static async start(dir: string): Promise<LiveExtension> {
    const profile = mkdtempSync(join(tmpdir(), 'congvu-bench-sw-'));
    const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];
    const proc = spawn('/usr/bin/chromium', [...flags, `--user-data-dir=${profile}`, '--remote-debugging-port=0', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ws = await new Promise<string>((resolve, reject) => {
      let err = '';
      proc.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /DevTools listening on (ws:\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      proc.on('exit', () => reject(new Error(`chromium exited: ${err.slice(-500)}`)));
    });
    // Playwright's own launch keeps extensions out of its contexts: the default one, over CDP.
    const browser = await chromium.connectOverCDP(ws);
    const context = browser.contexts()[0]!;
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 60_000 });
    const id = new URL(context.serviceWorkers()[0]!.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    const live = new LiveExtension(proc, profile, browser, page, await context.newCDPSession(page), await browser.newBrowserCDPSession());
    await live.cdp.send('ServiceWorker.enable');
    // The first start's own work (install, first resolution) done before any round.
    await live.ask();
    await new Promise((r) => setTimeout(r, 2000));
    return live;
  }

  private running() {
    return [...this.versions.values()].find((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'running');
  }

  private ask(): Promise<unknown> {
    return this.page.evaluate(() => chrome.runtime.sendMessage({ type: 'get-policy' }));
  }

  async round(): Promise<WorkerRound> {
    for (let k = 0; k < 200 && !this.running(); k++) await new Promise((r) => setTimeout(r, 50));
    await this.cdp.send('ServiceWorker.stopWorker', { versionId: this.running()!.versionId });
    for (let k = 0; k < 200 && this.running(); k++) await new Promise((r) => setTimeout(r, 50));
    const events: TraceEvent[] = [];
    const collect = ({ value }: { value: unknown[] }) => void events.push(...(value as TraceEvent[]));
    this.tracing.on('Tracing.dataCollected', collect);
    const complete = new Promise((r) => this.tracing.once('Tracing.tracingComplete', r));
    await this.tracing.send('Tracing.start', { traceConfig: { includedCategories: ['v8', 'devtools.timeline', 'v8.execute'] }, transferMode: 'ReportEvents' });
    const t0 = performance.now();
    const answer = (await this.ask()) as { policy?: unknown } | undefined;
    const roundTripMs = performance.now() - t0;
    await this.tracing.send('Tracing.end');
    await complete;
    this.tracing.off('Tracing.dataCollected', collect);
    if (!answer?.policy) throw new Error('the woken service worker gave no policy');
    const evaluate = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/background.js'));
    if (!evaluate) throw new Error('no EvaluateScript event for background.js in the trace');
    const inside = (e: TraceEvent) => e.pid === evaluate.pid && e.tid === evaluate.tid && e.ts >= evaluate.ts && e.ts <= evaluate.ts + evaluate.dur!;
    const sum = (name: string) => events.filter((e) => e.name === name && inside(e)).reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
    const others = events.filter((e) => e.name === 'EvaluateScript' && e.pid === evaluate.pid && e.tid === evaluate.tid && e !== evaluate).map((e) => e.args?.data?.url?.split('/').pop() ?? '?');
    return { evaluateMs: evaluate.dur! / 1000, compileMs: sum('v8.compile'), runMs: sum('v8.run'), roundTripMs, others };
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    // The profile is the browser's until it has written its last file.
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/** The real service worker in Chromium, woken by a message after a stop, builds interleaved. */
export async function runBackgroundChromiumBench(builds: [string, string][], rounds: number): Promise<void> {
  const lives: [string, LiveExtension][] = [];
  try {
    for (const [build, dir] of builds) lives.push([build, await LiveExtension.start(dir)]);
    const figures = new Map<string, WorkerRound[]>(lives.map(([b]) => [b, []]));
    const loads: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const [build, live] of lives) figures.get(build)!.push(await live.round());
      loads.push(loadavg()[0]!);
    }
    console.log(`\nReal Chromium service worker, stopped then woken by get-policy (${rounds} interleaved rounds; median (IQR, min–max); 1-min load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on this machine)`);
    console.table(
      [...figures].map(([build, xs]) => ({
        build,
        'EvaluateScript ms': showSpread(xs.map((x) => x.evaluateMs), 2),
        'v8.compile ms': showSpread(xs.map((x) => x.compileMs), 2),
        'v8.run ms': showSpread(xs.map((x) => x.runMs), 2),
        'message round trip ms': showSpread(xs.map((x) => x.roundTripMs), 1),
        'other scripts evaluated': [...new Set(xs.flatMap((x) => x.others))].join(' ') || 'none',
      })),
    );
  } finally {
    for (const [, live] of lives) await live.close().catch((e: unknown) => console.warn('could not clean up a bench browser:', e));
  }
}
