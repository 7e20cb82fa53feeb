// check() of this build beside another build's (CVG_CHECK_COMPARE: that build's
// dist/bench/check-core.js), in one process, on the same new text each round (then the same text
// again, read afresh as a host reads it; then after a word typed mid-body: what a host checks
// next, and after a letter overtyped near the end; then as a document attached to a letter typed
// into; then new again, saying "bảo mật" once), with the bare indexOf('@') pass as the floor. The
// two builds alternate which goes first, every rule is on, and each build is lent a directory
// built by its own code from the same people. The findings of both must be identical in every
// round, or the run stops. Timings are wall-clock, each after a collection, so that neither build
// pays for the other's garbage.
//
// A build from before bench/check-core.ts existed has no such file: bundle one from an entry that
// re-exports the same names from that tree's core (check, emptyMessage; compactDirectory,
// loadDirectory; PRESETS), as an SSR build to ES modules like bench/vite.config.ts's.
import { indexOfPass, load, timeOnce, directoryAddress, draft, DENSITIES, type Density } from './address.bench';
import { sampleDirectory } from '../core/directory/sample-directory.test-util';
import type { Finding, MessageView } from '../core/types';
import * as here from './check-core';
import { ratios, showSpread } from './stats';
import { vietnameseText } from './vietnamese-text';

type Core = typeof here;

function checker(core: Core) {
  const people = sampleDirectory(50_000, { personalShare: 0.1 });
  const env = { directory: core.loadDirectory(core.compactDirectory(people)) };
  const policy = core.PRESETS.danang;
  return (msg: ReturnType<typeof draft>): Finding[] => core.check(msg, policy, env);
}

const summary = (f: Finding[]) => JSON.stringify(f);

/** The checks timed each round, in the order of the table. */
const ROWS = [
  ['first', 'check(), new text'],
  ['again', 'check() again, unchanged (read afresh)'],
  ['typed', 'check() after typing a word mid-body'],
  ['overtyped', 'check() after overtyping a letter near the end'],
  ['mat', 'check(), new text saying "bảo mật"'],
  ['attached', 'a 20 K letter with the text attached, after typing'],
] as const;
type Row = (typeof ROWS)[number][0];
const collect = () => (globalThis as { gc?: () => void }).gc?.();

export async function runCheckCompare(rounds = Number(process.env.CVG_ROUNDS ?? 15), chars = 10 * 1024 * 1024): Promise<void> {
  const other = process.env.CVG_CHECK_COMPARE;
  if (!other) throw new Error('set CVG_CHECK_COMPARE to another build’s dist/bench/check-core.js');
  const base = checker((await import(other)) as Core);
  const ours = checker(here);
  for (const { label, rate } of DENSITIES as Density[]) {
    const times = () => Object.fromEntries(ROWS.map(([row]) => [row, [] as number[]])) as Record<Row, number[]>;
    const t = { indexOf: [] as number[], base: times(), ours: times() };
    let counts = '';
    const loadBefore = load();
    for (let r = 0; r <= rounds; r++) {
      const text = vietnameseText(chars, 300 + r, rate, directoryAddress).text;
      const msg = draft(text);
      // The same draft read afresh, as a page or pane reads its body for every check: an equal
      // string, not the same one, and flat in the heap as innerText's is. (Not through Buffer: a
      // string that long comes back external, and compares ~4.5× slower than a page's would.)
      const afresh = text.slice(0, text.length >> 1) + text.slice(text.length >> 1);
      /x/.test(afresh);
      const againMsg = draft(afresh);
      // The same draft after a word typed in the middle of the body, flattened as a host's text is:
      // what a host checks next, a few keystrokes later.
      const typed = `${text.slice(0, text.length >> 1)}nhé ${text.slice(text.length >> 1)}`;
      /x/.test(typed);
      const typedMsg = draft(typed);
      // Then a letter overtyped near the end: the same length as the draft checked before it.
      const overtypedMsg = draft(`${typed.slice(0, -1000)}x${typed.slice(-999)}`);
      // The text as a document attached to a letter of a few pages, typed into: each check reads
      // the body and the document in turn.
      const letter = text.slice(0, 20_000);
      const attached = (body: string): MessageView => ({ ...draft(body), attachments: [{ name: 'tai-lieu.docx', size: 2 * text.length, document: { text, links: [], legacy: [], parts: [] } }] });
      const letterMsg = attached(letter);
      const typedLetterMsg = attached(`${letter.slice(0, 10_000)}nhé ${letter.slice(10_000)}`);
      // A new draft that says "bảo mật" once: the stamp search then reads the whole body. Its halves
      // swapped, so that it shares neither end with the text and no build reads it as an edit.
      const matMsg = draft(`Đề nghị bảo mật thông tin.\n${text.slice(text.length >> 1)}\n${text.slice(0, text.length >> 1)}`);
      const results: Record<string, string> = {};
      const run = (name: 'base' | 'ours', fn: typeof base) => {
        // Neither build pays for the other's garbage.
        collect();
        const first = timeOnce(() => summary(fn(msg)), false);
        collect();
        const again = timeOnce(() => summary(fn(againMsg)), false);
        collect();
        const afterTyping = timeOnce(() => summary(fn(typedMsg)), false);
        collect();
        const overtyped = timeOnce(() => summary(fn(overtypedMsg)), false);
        results[`${name} overtyped`] = overtyped.result as string;
        fn(letterMsg);
        collect();
        const letterTyped = timeOnce(() => summary(fn(typedLetterMsg)), false);
        results[name] = first.result as string;
        results[`${name} typed`] = afterTyping.result as string;
        results[`${name} letter`] = letterTyped.result as string;
        collect();
        const mentioning = timeOnce(() => summary(fn(matMsg)), false);
        results[`${name} mat`] = mentioning.result as string;
        if (again.result !== first.result) throw new Error(`${name}: a second check of the same draft found otherwise`);
        if (r > 0) {
          const row = t[name];
          row.first.push(first.ms);
          row.again.push(again.ms);
          row.typed.push(afterTyping.ms);
          row.overtyped.push(overtyped.ms);
          row.attached.push(letterTyped.ms);
          row.mat.push(mentioning.ms);
        }
      };
      collect();
      const floor = timeOnce(() => indexOfPass(text), true);
      if (r > 0) t.indexOf.push(floor.ms);
      if (r % 2 === 0) {
        run('base', base);
        run('ours', ours);
      } else {
        run('ours', ours);
        run('base', base);
      }
      if (results.base !== results.ours) throw new Error(`round ${r}: the findings differ\nbase: ${results.base!.slice(0, 2000)}\nours: ${results.ours!.slice(0, 2000)}`);
      if (results['base typed'] !== results['ours typed']) throw new Error(`round ${r}: the findings after typing differ`);
      if (results['base overtyped'] !== results['ours overtyped']) throw new Error(`round ${r}: the findings after overtyping differ`);
      if (results['base letter'] !== results['ours letter']) throw new Error(`round ${r}: the findings of the letter with the text attached differ`);
      if (results['base mat'] !== results['ours mat']) throw new Error(`round ${r}: the findings of the draft saying "bảo mật" differ`);
      const found = JSON.parse(results.ours!) as Finding[];
      counts = `${found.length} findings, ${found.reduce((n, f) => n + (f.evidence.addresses?.length ?? 0), 0)} addresses`;
    }
    console.log(`\ncheck(), ${label}: ${chars.toLocaleString('en')} chars, ${rounds} rounds (+1 warm-up), builds alternating; findings identical every round (${counts}); load ${loadBefore} before, ${load()} after`);
    console.table([
      { candidate: 'indexOf(@) pass', 'ms: median (IQR, min–max)': showSpread(t.indexOf) },
      ...(['base', 'ours'] as const).flatMap((k) =>
        ROWS.map(([row, label]) => ({
          candidate: `${k}: ${label}`,
          'ms: median (IQR, min–max)': showSpread(t[k][row]),
          'vs indexOf, per round': showSpread(ratios(t[k][row], t.indexOf), 1, '×'),
          'vs base, per round': showSpread(ratios(t[k][row], t.base[row]), 2, '×'),
        })),
      ),
    ]);
  }
}
