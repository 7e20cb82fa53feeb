// The scanner's costs, each beside its floor in the same run (medians with IQR and min–max;
// the machine is shared, so only ratios count):
//  - `scan` of one tiny file of each kind (txt, docx, odt, xlsx, pptx, eml, pdf): CPU (user +
//    system, from /usr/bin/time) of the whole process, next to `node -e 0`, the floor any Node
//    command pays;
//  - a folder of 1,000 small docx on this machine's cores: files per second of `scan --json`
//    (worker pool) against one thread reading and checking the same files in order
//    (scan-one-thread.ts), both under the danang preset (with the default preset the scan ran
//    fewer rules than the one thread it was compared with: unsigned-document's official-document
//    test alone is about a fifth of a one-thread profile). The documents differ from one another
//    as a real folder's do: 2,000 to 40,000 characters of Vietnamese text written by the `docx`
//    library, some with a logo or a scanned stamp, some with a public address, and the real Word
//    and LibreOffice fixtures.
// Each build runs as people start it, `node bin/congvu-guard.js …` (the bin is part of the cost).
// CVG_CLI_COMPARE=<another checkout's bin/congvu-guard.js> adds that build to both (before/after),
// and CVG_CLI_COMPARE_ONE_THREAD=<its dist/bench/scan-one-thread.js> its own one-thread figure.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AlignmentType, Document, Footer, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { noise } from './make-documents';
import { showSpread } from './stats';
import { vietnameseText } from './vietnamese-text';

const ROOT = process.cwd();

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

const cliArgs = (bin: string, rest: string[]) => [process.execPath, bin, ...rest];

/** Wall ms of several commands started together, until the last one ends. */
function together(commands: string[][]): Promise<number> {
  const t0 = performance.now();
  const runs = commands.map(
    ([cmd, ...args]) =>
      new Promise<void>((done, fail) =>
        spawn(cmd!, args, { stdio: 'ignore' }).on('exit', (code) => (code === 0 ? done() : fail(new Error(`${args.join(' ')} exited ${code}`)))),
      ),
  );
  return Promise.all(runs).then(() => performance.now() - t0);
}

/**
 * The folder dealt out, file by file, into one folder per core (hard links): each core's
 * one-thread process then reads a like mix of documents.
 */
function dealt(folder: string, parts: number): string[] {
  const out = Array.from({ length: parts }, (_, k) => `${folder}-part-${k}`);
  for (const part of out) mkdirSync(part);
  readdirSync(folder)
    .sort()
    .forEach((name, i) => linkSync(join(folder, name), join(out[i % parts]!, name)));
  return out;
}

const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;

/**
 * A docx of `chars` characters of Vietnamese text, brought up to `totalBytes` by a stored
 * picture when it is smaller. (make-documents' makeDocx insists on its exact size, which a
 * text-only small docx has no reason to meet.)
 */
async function smallDocx(totalBytes: number, chars: number): Promise<Uint8Array<ArrayBufferLike>> {
  const { text } = vietnameseText(chars, 3);
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('Liên hệ: vanphong@danang.gov.vn')] })] });
  const doc = new Document({ sections: [{ footers: { default: footer }, children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  const plain = new Uint8Array(await Packer.toBuffer(doc));
  const room = totalBytes - plain.length;
  if (room <= 0) return plain;
  const entries: Record<string, Uint8Array> = unzipSync(plain);
  entries['word/media/scan.jpg'] = noise(room);
  const types = strFromU8(entries['[Content_Types].xml']!).replace('<Default Extension="rels"', '<Default Extension="jpg" ContentType="image/jpeg"/><Default Extension="rels"');
  entries['[Content_Types].xml'] = strToU8(types);
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { level: k.endsWith('.jpg') ? 0 : 6 }]])));
}

/** 1,000 docx of 28 kinds: 24 written here, of varied length and pictures, and the 4 real fixtures. */
export async function docxFolder(folder: string): Promise<number> {
  mkdirSync(folder);
  const kinds: string[] = [];
  for (let k = 0; k < 24; k++) {
    const chars = 2000 + ((k * 7919) % 38_000);
    // Every third one carries a picture (a logo, a scanned stamp) of 8 to 60 KB.
    const bytes = k % 3 === 0 ? 8 * 1024 + ((k * 104_729) % (52 * 1024)) : 0;
    const kind = join(folder, `.kind-${k}.docx`);
    writeFileSync(kind, await smallDocx(bytes, chars));
    kinds.push(kind);
  }
  const fixtures = join(ROOT, 'test/fixtures/docs');
  for (const name of readdirSync(fixtures)) if (name.endsWith('.docx')) kinds.push(join(fixtures, name));
  let total = 0;
  for (let k = 0; k < 1000; k++) {
    const to = join(folder, `van-ban-${String(k).padStart(4, '0')}.docx`);
    copyFileSync(kinds[k % kinds.length]!, to);
    total += statSync(to).size;
  }
  for (const kind of kinds) if (kind.startsWith(folder)) rmSync(kind);
  return total;
}

export async function runCliBench(rounds = Number(process.env.CVG_CLI_ROUNDS ?? 15)): Promise<void> {
  const builds: [string, string][] = [['scan (this build)', join(ROOT, 'bin/congvu-guard.js')]];
  const other = process.env.CVG_CLI_COMPARE;
  if (other) builds.push([`scan (${other})`, resolve(ROOT, other)]);
  for (const [, bin] of builds) if (!existsSync(bin)) throw new Error(`${bin} is missing`);

  const dir = mkdtempSync(join(tmpdir(), 'congvu-cli-bench-'));
  try {
    const tiny = join(dir, 'cong-van.txt');
    writeFileSync(tiny, 'Kính gửi Văn phòng UBND thành phố,\nXin liên hệ vanthu.ubnd@gmail.com để biết thêm.\n');
    // One small file of each kind the scanner reads: each kind loads its own reader (a PDF, a worker and pdfjs).
    const fixture = (name: string) => join(ROOT, 'test/fixtures/docs', name);
    const tinies: [string, string][] = [
      ['txt', tiny],
      ['docx', fixture('cong-van-lien-he-gmail.docx')],
      ['odt', fixture('cong-van-lien-he-gmail.odt')],
      ['xlsx', fixture('danh-ba-lien-he.xlsx')],
      ['pptx', fixture('bao-cao-hoi-nghi.pptx')],
      ['eml', fixture('thu-html.eml')],
      ['eml with a docx and an e-mail attached', fixture('thu-dinh-kem-cong-van.eml')],
      ['pdf', fixture('cong-van-lien-he-gmail.pdf')],
    ];
    const floor = 'node -e 0 (floor)';
    const fixed = new Map<string, number[]>([[floor, []]]);
    for (const [kind] of tinies) for (const [name] of builds) fixed.set(`${name}, ${kind}`, []);
    const loadBefore = load();
    for (let r = 0; r < rounds; r++) {
      fixed.get(floor)!.push(timed([process.execPath, '-e', '0']).cpuMs);
      for (const [kind, file] of tinies) for (const [name, bin] of builds) fixed.get(`${name}, ${kind}`)!.push(timed(cliArgs(bin, ['scan', file])).cpuMs);
    }
    if (rounds > 0) console.log(`\nscan of one tiny file: CPU ms of the whole process (${rounds} interleaved rounds; ${loadBefore} before, ${load()} after)`);
    const floorMs = fixed.get(floor)!;
    if (rounds > 0) console.table([...fixed].map(([what, xs]) => ({ what, 'CPU ms': showSpread(xs, 0), 'vs node -e 0 (per round)': showSpread(xs.map((x, i) => x / floorMs[i]!), 2, '×'), 'above node -e 0 ms': showSpread(xs.map((x, i) => x - floorMs[i]!), 0) })));

    const folder = join(dir, 'docx');
    const folderBytes = await docxFolder(folder);
    const singles: [string, string][] = [['one thread, no pool (this build)', join(ROOT, 'dist/bench/scan-one-thread.js')]];
    const otherSingle = process.env.CVG_CLI_COMPARE_ONE_THREAD;
    if (otherSingle) singles.push([`one thread, no pool (${otherSingle})`, resolve(ROOT, otherSingle)]);
    // What this machine's cores give at most right now: one one-thread process per core, each on
    // its share of the folder, sharing nothing. The pool is measured against the one-thread
    // figure; this says how far above it any pool could go on these cores and this load.
    const cores = availableParallelism();
    const parts = dealt(folder, cores);
    const ceiling = `${cores} one-thread processes side by side, ${(1000 / cores).toFixed(0)} files each (this build)`;
    const rate: Map<string, number[]> = new Map([
      ...singles.map(([name]) => [name, []] as [string, number[]]),
      [ceiling, []],
      ...builds.map(([name]) => [`${name}: worker pool`, []] as [string, number[]]),
    ]);
    const folderRounds = Number(process.env.CVG_CLI_FOLDER_ROUNDS ?? Math.max(3, Math.floor(rounds / 3)));
    const loadBeforeFolder = load();
    for (let r = 0; r < folderRounds; r++) {
      for (const [name, single] of singles) rate.get(name)!.push(1000 / (timed([process.execPath, single, folder]).wallMs / 1000));
      rate.get(ceiling)!.push(1000 / ((await together(parts.map((part) => [process.execPath, singles[0]![1], part]))) / 1000));
      for (const [name, bin] of builds) rate.get(`${name}: worker pool`)!.push(1000 / (timed(cliArgs(bin, ['scan', '--json', '--preset', 'danang', folder])).wallMs / 1000));
      // Each round as it ends: on a busy machine a round takes minutes.
      console.log(`round ${r + 1}: ${[...rate].map(([what, xs]) => `${what} ${xs[r]!.toFixed(0)} files/s`).join('; ')}; ${load()}`);
    }
    const base = rate.get(singles[0]![0])!;
    console.log(
      `\nFolder of 1,000 small docx (${(folderBytes / 1000 / 1024).toFixed(0)} KB on average) on ${availableParallelism()} cores: files per second (${folderRounds} interleaved rounds; ${loadBeforeFolder} before, ${load()} after)`,
    );
    // Each pool against the one-thread figure of its own build, when there is one.
    const own = (what: string) => (otherSingle && other && what.includes(other) ? rate.get(singles[1]![0])! : base);
    console.table([...rate].map(([what, xs]) => ({ what, 'files/s': showSpread(xs, 0), 'vs one thread of its build (per round)': showSpread(xs.map((x, i) => x / own(what)[i]!), 2, '×') })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
