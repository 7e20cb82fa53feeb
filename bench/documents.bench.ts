// Extraction time and peak memory for a 20 MB docx and a 20 MB PDF, each in a fresh process,
// beside a baseline process that only reads the same file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDocx, makePdf } from './make-documents';

interface Measure {
  ms: number;
  peakRssMB: number;
  chars: number;
}

function measure(file: string, baseline: boolean): Measure {
  // Built beside run.js (dist/bench/), which is the script node was started with.
  const script = join(dirname(process.argv[1]!), 'extract-one.js');
  const out = execFileSync(process.execPath, [script, file, ...(baseline ? ['--baseline'] : [])], { encoding: 'utf8' });
  return JSON.parse(out) as Measure;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runDocumentBench(rounds = 5): Promise<void> {
  const dir = join(process.cwd(), 'bench/.data');
  mkdirSync(dir, { recursive: true });
  const files = { 'docx 20 MB': join(dir, 'large.docx'), 'pdf 20 MB': join(dir, 'large.pdf') };
  writeFileSync(files['docx 20 MB'], await makeDocx());
  writeFileSync(files['pdf 20 MB'], await makePdf());
  const rows = [];
  for (const [name, file] of Object.entries(files)) {
    const base: Measure[] = [];
    const ours: Measure[] = [];
    for (let r = 0; r < rounds; r++) {
      base.push(measure(file, true));
      ours.push(measure(file, false));
    }
    rows.push({
      document: name,
      'read only ms': median(base.map((m) => m.ms)).toFixed(0),
      'extract ms': median(ours.map((m) => m.ms)).toFixed(0),
      'read only peak RSS MB': median(base.map((m) => m.peakRssMB)).toFixed(0),
      'extract peak RSS MB': median(ours.map((m) => m.peakRssMB)).toFixed(0),
      'text chars': ours[0]!.chars.toLocaleString('en'),
    });
  }
  console.log(`\nDocument extraction (median of ${rounds} fresh processes each)`);
  console.table(rows);
}
