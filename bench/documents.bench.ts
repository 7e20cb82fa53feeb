// Extraction time and peak memory for a 20 MB docx, a 20 MB PDF and a 100,000-row xlsx, each in a fresh process,
// beside a baseline process that only reads the same file. The files' sizes on disk are
// printed with the results, so that a generator that stops making what it claims shows.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
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

function measure(file: string, baseline: boolean): Measure | string {
  // Built beside run.js (dist/bench/), which is the script node was started with.
  const script = join(dirname(process.argv[1]!), 'extract-one.js');
  try {
    const out = execFileSync(process.execPath, [script, file, ...(baseline ? ['--baseline'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out) as Measure;
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? err);
    return /ExtractError: [^\n]*/.exec(stderr)?.[0] ?? stderr.split('\n')[0]!;
  }
}

export async function runDocumentBench(rounds = 5): Promise<void> {
  const dir = join(process.cwd(), 'bench/.data');
  mkdirSync(dir, { recursive: true });
  const files = { docx: join(dir, 'large.docx'), pdf: join(dir, 'large.pdf'), 'xlsx, 100k rows': join(dir, 'rows.xlsx') };
  writeFileSync(files.docx, await makeDocx());
  writeFileSync(files.pdf, await makePdf());
  writeFileSync(files['xlsx, 100k rows'], makeXlsx());
  const rows = [];
  const failures: string[] = [];
  for (const [name, file] of Object.entries(files)) {
    const base: Measure[] = [];
    const ours: Measure[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const [into, baseline] of [[base, true], [ours, false]] as const) {
        const m = measure(file, baseline);
        if (typeof m === 'string') failures.push(`${name} ${baseline ? 'read only' : 'extract'}, round ${r + 1}: ${m}`);
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
      'read only peak RSS MB': col(base, (m) => m.peakRssMB),
      'extract peak RSS MB': col(ours, (m) => m.peakRssMB),
      'runs ok': `${ours.length}/${rounds}`,
      'text chars': ours[0]?.chars.toLocaleString('en') ?? '-',
      'parts read': ours[0]?.parts ?? '-',
    });
  }
  console.log(`\nDocument extraction (${rounds} fresh processes each, interleaved with read-only; median (IQR, min–max))`);
  console.table(rows);
  for (const f of failures) console.log(`failed: ${f}`);
}
