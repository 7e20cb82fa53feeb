// Extraction time and peak memory for a 20 MB docx, a 20 MB PDF and a 100,000-row xlsx, each in a fresh process,
// beside a baseline process that only reads the same file. The files' sizes on disk are
// printed with the results, so that a generator that stops making what it claims shows.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { makeDocx, makePdf, makeXlsx } from './make-documents';
import { showSpread } from './stats';

interface Measure {
  ms: number;
  cpuMs: number;
  peakRssMB: number;
  chars: number;
  parts: number;
}

/**
 * CVG_DOCS_COMPARE=<another build's extract-one.js> adds that build's extraction to every round,
 * between the read-only floor and this build's, so that a change is measured side by side.
 */
const COMPARE = process.env.CVG_DOCS_COMPARE;
/** CVG_DOCS_ONLY=pdf (or docx, xlsx) builds and measures that document alone. */
const ONLY = process.env.CVG_DOCS_ONLY;

function measure(file: string, baseline: boolean, script = join(dirname(process.argv[1]!), 'extract-one.js')): Measure | string {
  // Built beside run.js (dist/bench/), which is the script node was started with.
  try {
    const out = execFileSync(process.execPath, [script, file, ...(baseline ? ['--baseline'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out) as Measure;
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? err);
    return /ExtractError: [^\n]*/.exec(stderr)?.[0] ?? stderr.split('\n')[0]!;
  }
}

export async function runDocumentBench(rounds = Number(process.env.CVG_DOCS_ROUNDS) || 5): Promise<void> {
  const dir = join(process.cwd(), 'bench/.data');
  mkdirSync(dir, { recursive: true });
  const all = { docx: join(dir, 'large.docx'), pdf: join(dir, 'large.pdf'), 'xlsx, 100k rows': join(dir, 'rows.xlsx') };
  const makers: Record<string, () => Promise<Uint8Array> | Uint8Array> = { docx: makeDocx, pdf: makePdf, 'xlsx, 100k rows': makeXlsx };
  const files = Object.fromEntries(Object.entries(all).filter(([name]) => !ONLY || name.startsWith(ONLY)));
  for (const [name, file] of Object.entries(files)) writeFileSync(file, await makers[name]!());
  const rows = [];
  const failures: string[] = [];
  for (const [name, file] of Object.entries(files)) {
    const base: Measure[] = [];
    const ours: Measure[] = [];
    const other: Measure[] = [];
    for (let r = 0; r < rounds; r++) {
      const steps: [Measure[], boolean, string | undefined][] = [[base, true, undefined], ...(COMPARE ? [[other, false, COMPARE] as [Measure[], boolean, string]] : []), [ours, false, undefined]];
      for (const [into, baseline, script] of steps) {
        const m = measure(file, baseline, script);
        if (typeof m === 'string') failures.push(`${name} ${baseline ? 'read only' : script ? 'compared build' : 'extract'}, round ${r + 1}: ${m}`);
        else into.push(m);
      }
    }
    const col = (ms: Measure[], pick: (m: Measure) => number, digits = 0) => (ms.length > 0 ? showSpread(ms.map(pick), digits) : 'failed');
    rows.push({
      document: name,
      'MB on disk': (statSync(file).size / (1024 * 1024)).toFixed(1),
      'read only ms': col(base, (m) => m.ms),
      'extract ms': col(ours, (m) => m.ms),
      'extract CPU ms': col(ours, (m) => m.cpuMs),
      ...(COMPARE
        ? {
            'compared CPU ms': col(other, (m) => m.cpuMs),
            'CPU ratio per round': other.length === ours.length && ours.length > 0 ? showSpread(ours.map((m, k) => m.cpuMs / other[k]!.cpuMs), 2) : '-',
            'compared peak RSS MB': col(other, (m) => m.peakRssMB),
          }
        : {}),
      'read only peak RSS MB': col(base, (m) => m.peakRssMB),
      'extract peak RSS MB': col(ours, (m) => m.peakRssMB),
      'runs ok': `${ours.length}/${rounds}`,
      'text chars': ours[0]?.chars.toLocaleString('en') ?? '-',
      'parts read': ours[0]?.parts ?? '-',
    });
  }
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(`\nDocument extraction (${rounds} fresh processes each, interleaved with read-only; median (IQR, min–max)); load average at the end ${load}`);
  console.table(rows);
  for (const f of failures) console.log(`failed: ${f}`);
}
