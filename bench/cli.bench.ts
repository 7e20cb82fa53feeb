// The scanner's costs, each beside its floor in the same run (medians with p10–p90 spreads;
// the machine is shared, so only ratios count):
//  - `scan` of one tiny file: CPU (user + system, from /usr/bin/time) of the whole process,
//    next to `node -e 0`, the floor any Node command pays;
//  - a folder of 1,000 small docx on this machine's cores: files per second of `scan --json`
//    (worker pool) against one thread reading and checking the same files in order
//    (scan-one-thread.ts).
// CVG_CLI_COMPARE=<another dist/cli/main.js> adds that build to both (before/after).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDocx } from './make-documents';
import { showSpread } from './stats';

const ROOT = process.cwd();
const RUN_MAIN = 'const { main } = await import(process.argv[1]); process.exitCode = await main(process.argv.slice(2));';

interface Run {
  wallMs: number;
  cpuMs: number;
}

function timed(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'CVG-TIME %U %S', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const m = /CVG-TIME ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m || (r.status !== 0 && r.status !== 1)) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-400)}`);
  return { wallMs, cpuMs: (Number(m[1]) + Number(m[2])) * 1000 };
}

const cliArgs = (main: string, rest: string[]) => [process.execPath, '--input-type=module', '-e', RUN_MAIN, main, ...rest];

export async function runCliBench(rounds = 15): Promise<void> {
  const builds: [string, string][] = [['scan (this build)', join(ROOT, 'dist/cli/main.js')]];
  const other = process.env.CVG_CLI_COMPARE;
  if (other) builds.push([`scan (${other})`, join(ROOT, other)]);
  for (const [, main] of builds) if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);

  const dir = mkdtempSync(join(tmpdir(), 'congvu-cli-bench-'));
  try {
    const tiny = join(dir, 'cong-van.txt');
    writeFileSync(tiny, 'Kính gửi Văn phòng UBND thành phố,\nXin liên hệ vanthu.ubnd@gmail.com để biết thêm.\n');
    const fixed = new Map<string, number[]>([['node -e 0 (floor)', []], ...builds.map(([name]) => [name, []] as [string, number[]])]);
    for (let r = 0; r < rounds; r++) {
      fixed.get('node -e 0 (floor)')!.push(timed([process.execPath, '-e', '0']).cpuMs);
      for (const [name, main] of builds) fixed.get(name)!.push(timed(cliArgs(main, ['scan', tiny])).cpuMs);
    }
    console.log(`\nscan of one tiny file: CPU ms of the whole process (${rounds} interleaved rounds)`);
    console.table([...fixed].map(([what, xs]) => ({ what, 'CPU ms': showSpread(xs, 0) })));

    const folder = join(dir, 'docx');
    mkdirSync(folder);
    const sample = await makeDocx(24 * 1024, 6000);
    for (let k = 0; k < 1000; k++) writeFileSync(join(folder, `van-ban-${String(k).padStart(4, '0')}.docx`), sample);
    const single = join(ROOT, 'dist/bench/scan-one-thread.js');
    const rate: Map<string, number[]> = new Map([['one thread, no pool', []], ...builds.map(([name]) => [`${name}: worker pool`, []] as [string, number[]])]);
    const folderRounds = Math.max(3, Math.floor(rounds / 3));
    for (let r = 0; r < folderRounds; r++) {
      rate.get('one thread, no pool')!.push(1000 / (timed([process.execPath, single, folder]).wallMs / 1000));
      for (const [name, main] of builds) rate.get(`${name}: worker pool`)!.push(1000 / (timed(cliArgs(main, ['scan', '--json', folder])).wallMs / 1000));
    }
    const base = rate.get('one thread, no pool')!;
    console.log(`\nFolder of 1,000 small docx (${(sample.length / 1024).toFixed(0)} KB each) on ${availableParallelism()} cores: files per second (${folderRounds} interleaved rounds)`);
    console.table([...rate].map(([what, xs]) => ({ what, 'files/s': showSpread(xs, 0), 'vs one thread (per round)': showSpread(xs.map((x, i) => x / base[i]!), 2, '×') })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
