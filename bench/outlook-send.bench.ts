// The Outlook send handler (Smart Alerts OnMessageSend) against the fake Office host used by
// the unit tests (answers asynchronously, like Outlook): 50 recipients, with and without
// 20 MB of attachments. The attachments-changed handler reads the files first, as Outlook
// raises it when they are attached; send only decides. Baseline, side by side: a bare handler
// that makes the same Office calls the send handler makes, the same way (all at once), and
// completes.
//
// Then the cost classic Outlook pays before any of that: it loads launchevent.js into a fresh
// JavaScript runtime for every event. Each round evaluates the built file in a new node:vm
// context (with a unique trailing comment, so V8's compilation cache cannot skip the parse)
// next to a minimal handler script, and fires a first send event into another fresh context.
// CVG_LAUNCH_COMPARE=<file> adds another build of launchevent.js to the same run (before/after);
// CVG_LAUNCH_ROUNDS=<n> sets the rounds (default 60). A last table compiles the file beside its
// code alone and beside another minified file of its size, for what a compile is spent on.
import { tokenizer } from 'acorn';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { resolvePolicy } from '../core/policy';
import { makeHandlers } from '../outlook-addin/launch/handlers';
import { HANDLERS } from '../outlook-addin/handler-names';
import { fakeEvent, installFakeOffice, uninstallFakeOffice, type FakeAttachment } from '../outlook-addin/office/fake-office.test-util';
import { makeDocx } from './make-documents';
import { showSpread } from './stats';

const MB = 1024 * 1024;
const recipients = (n: number, domain: string) => Array.from({ length: n }, (_, k) => `nguoi.nhan${k}@${domain}`);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

const median = (xs: number[]) => quantile(xs, 0.5);
/** Fastest and slowest round: on a shared machine the spread says how far to trust a median. */
const spread = (xs: number[], digits = 1) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

type OfficeItem = Record<string, { getAsync(...args: unknown[]): void }> & {
  getAttachmentsAsync(cb: (r: unknown) => void): void;
  sessionData: { getAsync(key: string, cb: (r: unknown) => void): void };
};

/**
 * What the send handler asks Office for, the way it asks: one wave of to, cc, bcc, subject, body
 * as text, the attachment list and the acknowledgement flag (readDraft and readAcknowledged run
 * together), then, for each listed file, its cached record in sessionData (all at once), then
 * completed(). runOutlookSendBench checks that the handler's own calls match these.
 */
async function bareSendHandler(): Promise<void> {
  const office = (globalThis as unknown as { Office: { context: { mailbox: { item: OfficeItem } }; CoercionType?: { Text?: string } } }).Office;
  const item = office.context.mailbox.item;
  const call = <T = unknown>(start: (cb: (r: unknown) => void) => void) => new Promise<{ value: T }>((res) => start(res as (r: unknown) => void));
  const [, , , , , listed] = await Promise.all([
    ...['to', 'cc', 'bcc', 'subject'].map((field) => call((cb) => item[field]!.getAsync(cb))),
    call((cb) => item.body!.getAsync(office.CoercionType?.Text ?? 'text', cb)),
    call<{ id: string }[]>((cb) => item.getAttachmentsAsync(cb)),
    call((cb) => item.sessionData.getAsync('cvg:ack', cb)),
  ]);
  await Promise.all((listed as { value: { id: string }[] }).value.map((a) => call((cb) => item.sessionData.getAsync(`cvg:att:${a.id}`, cb))));
  fakeEvent().completed({ allowEvent: true });
}

/** The calls one handler made, in the order made, without attachment reads (the baseline reads none). */
function callsOf(office: { calls: string[] }): string {
  return office.calls.filter((c) => c !== 'getAttachmentContent').join(' ');
}

async function timed(run: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

export async function runOutlookSendBench(rounds = 5): Promise<void> {
  const hosted = { ...resolvePolicy({ preset: 'danang' }) };
  const a = await makeDocx(12 * MB, 1 * MB);
  const b = await makeDocx(8 * MB - 4096, 512 * 1024);
  const files: FakeAttachment[] = [
    { id: 'att-1', name: 'bao-cao-quy-iv.docx', size: a.length, content: Buffer.from(a).toString('base64'), format: 'base64' },
    { id: 'att-2', name: 'phu-luc.docx', size: b.length, content: Buffer.from(b).toString('base64'), format: 'base64' },
  ];
  const base = { to: recipients(30, 'danang.gov.vn'), cc: recipients(15, 'quangnam.gov.vn'), bcc: recipients(5, 'gmail.com'), subject: 'V/v báo cáo quý IV', body: 'Kính gửi các đồng chí,\nVăn phòng gửi báo cáo quý IV.' };
  const rows: Record<string, number[]> = {
    'bare handler (baseline)': [],
    'send, 50 recipients, no attachments': [],
    'bare handler, 2 files listed (baseline for the rows below)': [],
    'attachments changed: read 20 MB': [],
    'send, 50 recipients + 20 MB (after reading)': [],
    'send, 50 recipients + 20 MB (nothing read before)': [],
  };
  const baselineOf: Record<string, string> = {
    'send, 50 recipients, no attachments': 'bare handler (baseline)',
    'attachments changed: read 20 MB': 'bare handler, 2 files listed (baseline for the rows below)',
    'send, 50 recipients + 20 MB (after reading)': 'bare handler, 2 files listed (baseline for the rows below)',
    'send, 50 recipients + 20 MB (nothing read before)': 'bare handler, 2 files listed (baseline for the rows below)',
  };
  for (let r = 0; r < rounds; r++) {
    let office = installFakeOffice({ ...base });
    rows['bare handler (baseline)']!.push(await timed(bareSendHandler));
    const bareCalls = callsOf(office);
    uninstallFakeOffice();
    office = installFakeOffice({ ...base });
    let h = makeHandlers({ loadPolicy: async () => hosted });
    let e = fakeEvent();
    rows['send, 50 recipients, no attachments']!.push(await timed(() => h[HANDLERS.messageSend](e)));
    if (callsOf(office) !== bareCalls) throw new Error(`the baseline no longer makes the handler's calls: ${bareCalls} vs ${callsOf(office)}`);
    uninstallFakeOffice();

    installFakeOffice({ ...base, attachments: files.map((f) => ({ ...f, id: `${f.id}-bare-${r}` })) });
    rows['bare handler, 2 files listed (baseline for the rows below)']!.push(await timed(bareSendHandler));
    uninstallFakeOffice();

    // Fresh attachment ids each round: the handlers cache what they read by id, as in Outlook.
    installFakeOffice({ ...base, attachments: files.map((f) => ({ ...f, id: `${f.id}-${r}` })) });
    h = makeHandlers({ loadPolicy: async () => hosted });
    rows['attachments changed: read 20 MB']!.push(await timed(() => h[HANDLERS.attachmentsChanged](fakeEvent())));
    e = fakeEvent();
    rows['send, 50 recipients + 20 MB (after reading)']!.push(await timed(() => h[HANDLERS.messageSend](e)));
    if (e.completions.length !== 1) throw new Error('the send handler did not complete exactly once');
    uninstallFakeOffice();

    installFakeOffice({ ...base, attachments: files.map((f) => ({ ...f, id: `${f.id}-cold-${r}` })) });
    h = makeHandlers({ loadPolicy: async () => hosted });
    e = fakeEvent();
    rows['send, 50 recipients + 20 MB (nothing read before)']!.push(await timed(() => h[HANDLERS.messageSend](e)));
    uninstallFakeOffice();
  }
  console.log(`\nOutlook send handler on the fake Office host (median of ${rounds}; Outlook shows "taking longer" past 5,000 ms)`);
  console.table(
    Object.entries(rows).map(([what, xs]) => {
      const floor = baselineOf[what] ? median(rows[baselineOf[what]]!) : undefined;
      return { what, 'median ms': median(xs).toFixed(1), 'min–max ms': spread(xs), 'vs its baseline': floor ? `${(median(xs) / floor).toFixed(1)}×` : '' };
    }),
  );
  await runLaunchLoadBench();
}

/** The smallest file classic Outlook could run: one handler, registered, completing at once. */
const MINIMAL_HANDLER = `function ${HANDLERS.messageSend}(event) { event.completed({ allowEvent: true }); }
if (typeof Office !== 'undefined' && Office.actions) Office.actions.associate(${JSON.stringify(HANDLERS.messageSend)}, ${HANDLERS.messageSend});`;

/**
 * What the JavaScript-only runtime offers (test/outlook-sim/js-runtime.ts): no DOM, no location.
 * `documentedOnly`: only what Microsoft documents (no Encoding API, URL or Blob), where
 * launchevent.js installs its own; otherwise Node's are lent, as a build before those stand-ins
 * needs them to load at all.
 */
function runtimeGlobals(office: unknown, policyJson: string, documentedOnly = false): Record<string, unknown> {
  const serve = async () => new Response(policyJson, { status: 200, headers: { 'content-type': 'application/json' } });
  const documented = { Office: office, fetch: serve, setTimeout, clearTimeout, console };
  return documentedOnly ? documented : { ...documented, TextEncoder, TextDecoder, URL };
}

function evaluate(code: string, round: number | string, globals: Record<string, unknown>): { ms: number; scope: Record<string, unknown> } {
  const scope = createContext(globals);
  const t0 = performance.now();
  // Its own suffix: the load measure's source text would come from V8's compilation cache.
  new Script(`${code}\n// first send, round ${round}`).runInContext(scope);
  return { ms: performance.now() - t0, scope };
}

export async function runLaunchLoadBench(rounds = Number(process.env.CVG_LAUNCH_ROUNDS) || 60): Promise<void> {
  const built = join(process.cwd(), 'dist', 'outlook-addin', 'launchevent.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build:addin first`);
  const policyJson = readFileSync(join(process.cwd(), 'dist', 'outlook-addin', 'policy.json'), 'utf8');
  const ours = readFileSync(built, 'utf8');
  const scripts: [string, string][] = [['minimal handler', MINIMAL_HANDLER], ['launchevent.js', ours]];
  const other = process.env.CVG_LAUNCH_COMPARE;
  if (other) scripts.push([`launchevent.js (${other})`, readFileSync(other, 'utf8')]);
  // The same file where the runtime lends nothing undocumented: its own stand-ins install and run.
  const DOCUMENTED_ONLY = 'launchevent.js, documented globals only';
  scripts.push([DOCUMENTED_ONLY, ours]);
  const base = { to: recipients(30, 'danang.gov.vn'), cc: recipients(15, 'quangnam.gov.vn'), bcc: recipients(5, 'gmail.com'), subject: 'V/v báo cáo quý IV', body: 'Kính gửi các đồng chí,\nVăn phòng gửi báo cáo quý IV.' };
  const load = new Map<string, number[]>(scripts.map(([name]) => [name, []]));
  // The same load in this process's CPU time: on a shared machine a busy moment stretches wall
  // time, not the CPU a compile takes (microsecond resolution; includes V8's helper threads).
  const loadCpu = new Map<string, number[]>(scripts.map(([name]) => [name, []]));
  // What a load is spent on: compiling the source (V8 pre-parses every function body, so this
  // grows with the code's bytes) and running its top level (tables and modules built at load).
  const compile = new Map<string, number[]>(scripts.map(([name]) => [name, []]));
  const run = new Map<string, number[]>(scripts.map(([name]) => [name, []]));
  // Were the host to keep the compiled script between events, only running it would remain.
  const cached = new Map<string, { script: Script; ms: number[] }>(scripts.map(([name, code]) => [name, { script: new Script(code), ms: [] }]));
  const firstSend = new Map<string, number[]>(scripts.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    // Interleaved, so a busy moment on the shared machine hits every script alike.
    for (const [name, code] of scripts) {
      const documentedOnly = name === DOCUMENTED_ONLY;
      const bare = createContext(runtimeGlobals({}, policyJson, documentedOnly));
      const c00 = process.cpuUsage();
      const t00 = performance.now();
      // A suffix of its own per script and round: the same source text would come from V8's compilation cache.
      const script = new Script(`${code}\n// ${name}, round ${r}`);
      const t01 = performance.now();
      script.runInContext(bare);
      const t02 = performance.now();
      const c02 = process.cpuUsage(c00);
      loadCpu.get(name)!.push((c02.user + c02.system) / 1000);
      compile.get(name)!.push(t01 - t00);
      run.get(name)!.push(t02 - t01);
      load.get(name)!.push(t02 - t00);
      const reuse = cached.get(name)!;
      const fresh = createContext(runtimeGlobals({}, policyJson, documentedOnly));
      const t1 = performance.now();
      reuse.script.runInContext(fresh);
      reuse.ms.push(performance.now() - t1);
      installFakeOffice({ ...base });
      const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
      office.context.urls = { javascriptRuntimeUrl: 'https://mail.danang.gov.vn/congvu-guard/launchevent.js' };
      const e = fakeEvent();
      const t0 = performance.now();
      const { scope } = evaluate(code, `${name}, ${r}`, runtimeGlobals(office, policyJson, documentedOnly));
      await (scope[HANDLERS.messageSend] as (ev: typeof e) => Promise<void> | void)(e);
      firstSend.get(name)!.push(performance.now() - t0);
      uninstallFakeOffice();
      if (e.completions.length !== 1) throw new Error(`${name}: the send handler did not complete exactly once`);
    }
  }
  const floor = median(load.get('minimal handler')!);
  console.log(`\nlaunchevent.js in a fresh JavaScript runtime per event (node:vm context, ${rounds} interleaved rounds; only ratios count on a shared machine)`);
  console.table(
    scripts.map(([name, code]) => ({
      script: name,
      KB: (Buffer.byteLength(code) / 1024).toFixed(1),
      'gzip KB': (gzipSync(code).length / 1024).toFixed(1),
      'load median ms': median(load.get(name)!).toFixed(2),
      'load min–max ms': spread(load.get(name)!, 2),
      'load vs minimal': `${(median(load.get(name)!) / floor).toFixed(1)}×`,
      'load CPU median ms': median(loadCpu.get(name)!).toFixed(2),
      'load CPU min–max ms': spread(loadCpu.get(name)!, 2),
      'compile median ms': median(compile.get(name)!).toFixed(2),
      'compile min–max ms': spread(compile.get(name)!, 2),
      'top level median ms': median(run.get(name)!).toFixed(2),
      'top level min–max ms': spread(run.get(name)!, 2),
      'run only (compiled kept) median ms': median(cached.get(name)!.ms).toFixed(2),
      'run only min–max ms': spread(cached.get(name)!.ms, 2),
      'load + first send median ms': median(firstSend.get(name)!).toFixed(2),
      'load + first send min–max ms': spread(firstSend.get(name)!, 2),
    })),
  );
  if (other) {
    // Round by round, so a busy moment on the shared machine cancels out of each ratio.
    const [, mine, theirs] = scripts.map(([name]) => name);
    const ratios = (m: Map<string, number[]>) => m.get(mine!)!.map((x, k) => x / m.get(theirs!)![k]!);
    console.table(
      (
        [
          ['load', load],
          ['load (CPU time)', loadCpu],
          ['compile', compile],
          ['top level', run],
          ['load + first send', firstSend],
        ] as const
      ).map(([what, m]) => ({ what, 'launchevent.js ÷ compared, median': median(ratios(m)).toFixed(2), IQR: `${quantile(ratios(m), 0.25).toFixed(2)}–${quantile(ratios(m), 0.75).toFixed(2)}`, 'min–max': spread(ratios(m), 2) })),
    );
  }
  // What its own TextEncoder, TextDecoder, URL and Blob cost where the runtime has none, round by round.
  const bare = (m: Map<string, number[]>) => m.get(DOCUMENTED_ONLY)!.map((x, k) => x / m.get('launchevent.js')![k]!);
  console.table(
    (
      [
        ['load', load],
        ['top level', run],
        ['load + first send', firstSend],
      ] as const
    ).map(([what, m]) => ({ what, 'documented globals only ÷ Node’s lent, median': median(bare(m)).toFixed(2), IQR: `${quantile(bare(m), 0.25).toFixed(2)}–${quantile(bare(m), 0.75).toFixed(2)}`, 'min–max': spread(bare(m), 2) })),
  );
  compileCosts(ours, rounds);
}

/**
 * The file with every string literal and template text emptied, its code otherwise unchanged:
 * what compiling the code costs without the data it carries (messages, tables, packed lists).
 */
function withStringsEmptied(code: string): string {
  // The tokenizer gives the tokens in the order they stand.
  const spans: [number, number][] = [];
  for (const token of tokenizer(code, { ecmaVersion: 2016 })) {
    if (token.type.label === 'string') spans.push([token.start + 1, token.end - 1]);
    if (token.type.label === 'template') spans.push([token.start, token.end]);
  }
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    out += code.slice(at, from);
    at = to;
  }
  return out + code.slice(at);
}

/**
 * What compiling launchevent.js is spent on, and what compiling costs per KB in this engine: the
 * file, its code alone (strings emptied), and naa.js, the add-in's MSAL.js bundle, a minified file
 * of about the same size that is not ours. Compiled only, never run (naa.js needs a browser),
 * each round with a suffix of its own so that no compile comes from V8's cache, interleaved.
 */
function compileCosts(ours: string, rounds: number): void {
  const naa = join(process.cwd(), 'dist', 'outlook-addin', 'naa.js');
  const files: [string, string][] = [
    ['launchevent.js', ours],
    ['launchevent.js, every string emptied (its code alone)', withStringsEmptied(ours)],
    ...(existsSync(naa) ? [['naa.js (MSAL.js, not ours)', readFileSync(naa, 'utf8')] as [string, string]] : []),
    ['minimal handler', MINIMAL_HANDLER],
  ];
  const ms = new Map<string, number[]>(files.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, code] of files) {
      const t0 = performance.now();
      new Script(`${code}\n// compile only, ${name}, round ${r}`);
      ms.get(name)!.push(performance.now() - t0);
    }
  }
  console.log(`\nCompiling only (${rounds} interleaved rounds): what launchevent.js's compile is spent on, and the engine's rate on another minified file`);
  console.table(
    files.map(([name, code]) => {
      const kb = Buffer.byteLength(code) / 1024;
      const times = ms.get(name)!;
      return { file: name, KB: kb.toFixed(1), 'compile ms: median (IQR, min–max)': showSpread(times, 2), 'KB per ms': (kb / median(times)).toFixed(1) };
    }),
  );
}
