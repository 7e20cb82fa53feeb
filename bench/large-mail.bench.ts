// Large e-mails: what reading one costs where postal-mime gathers a part of many lines.
//  - `scan` of three mails by the built CLI, as people start it (wall and CPU of the whole
//    process), beside another build's (CVG_CLI_COMPARE=<its bin/congvu-guard.js>), interleaved;
//    each round checks that both builds report the same findings;
//  - postal-mime alone in Chromium (the extension's reader runs it there), the same mails parsed
//    by two bundles of it side by side in one page: the browser's Blob, and the decoders given
//    PartsBlob as every build now does (scripts/postal-mime-blob.ts).
// The mails are real MIME: a 31 MB plain-text body of 200,000 lines sent 8-bit, a hostile one of
// 150,000 lines that each start like its boundary, 20 MB of text in quoted-printable
// (76-character lines), and a 20 MB attachment in base64.
// CVG_MAIL_ROUNDS sets the rounds (default 5).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { postalMimeBlobEsbuild } from '../scripts/postal-mime-blob';
import { noise } from './make-documents';
import { ratios, showSpread } from './stats';
import { vietnameseText } from './vietnamese-text';

const ROOT = process.cwd();
const MB = 1024 * 1024;
const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;

const HEAD = (type: string, encoding: string) =>
  [
    'From: "Văn phòng" <vanphong@danang.gov.vn>',
    'To: phongtonghop@danang.gov.vn',
    'Subject: =?UTF-8?B?' + Buffer.from('Báo cáo tổng hợp').toString('base64') + '?=',
    'Date: Tue, 1 Dec 2026 08:00:00 +0700',
    'Message-ID: <bench-large@danang.gov.vn>',
    'MIME-Version: 1.0',
    `Content-Type: ${type}`,
    `Content-Transfer-Encoding: ${encoding}`,
    '',
    '',
  ].join('\r\n');

/** Lines of Vietnamese text of about `bytes` UTF-8 bytes, a public address now and then. */
function bodyLines(bytes: number, seed: number): string[] {
  const text = vietnameseText(Math.ceil(bytes / 1.35), seed, 0.002).text;
  return text.split('\n').flatMap((line) => line.match(/.{1,110}(\s|$)/gu) ?? [line]);
}

function quotedPrintable(utf8: Buffer): string {
  const out: string[] = [];
  let line = '';
  for (const b of utf8) {
    const piece = b === 0x0a ? '\n' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') {
      out.push(line.endsWith(' ') ? `${line.slice(0, -1)}=20` : line);
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      out.push(`${line}=`);
      line = '';
    }
    line += piece;
  }
  out.push(line);
  return out.join('\r\n');
}

/** The three mails, written into `dir`: name → path. */
function writeMails(dir: string): [string, string][] {
  const eightBit = bodyLines(31 * MB, 11).join('\r\n');
  const qp = quotedPrintable(Buffer.from(bodyLines(20 * MB, 12).join('\n')));
  const attachment = Buffer.from(noise(20 * MB, 13)).toString('base64').replace(/.{76}/g, '$&\r\n');
  const boundary = 'bench-boundary-2026';
  const withAttachment =
    HEAD(`multipart/mixed; boundary="${boundary}"`, '7bit') +
    [
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Kính gửi anh chị, văn phòng gửi kèm bản chụp hồ sơ.',
      `--${boundary}`,
      'Content-Type: image/jpeg; name="ho-so.jpg"',
      'Content-Disposition: attachment; filename="ho-so.jpg"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment,
      `--${boundary}--`,
      '',
    ].join('\r\n');
  // A hostile mail: a part of lines that each start like its boundary and are not it.
  const nearBoundaries = Array.from({ length: 150_000 }, (_, k) => `--${boundary}X${k}`).join('\r\n');
  const crafted =
    HEAD(`multipart/mixed; boundary="${boundary}"`, '7bit') +
    [`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', nearBoundaries, 'Liên hệ: hopthu.x@gmail.com', `--${boundary}--`, ''].join('\r\n');
  const mails: [string, string][] = [
    ['31 MB, 8-bit text body of ~200,000 lines', HEAD('text/plain; charset=utf-8', '8bit') + eightBit],
    ['crafted: 150,000 lines that start like the boundary', crafted],
    ['20 MB of text, quoted-printable', HEAD('text/plain; charset=utf-8', 'quoted-printable') + qp],
    ['20 MB attachment in base64', withAttachment],
  ];
  return mails.map(([what, content], k) => {
    const path = join(dir, `thu-${k}.eml`);
    writeFileSync(path, content);
    return [`${what} (${(Buffer.byteLength(content) / MB).toFixed(0)} MB file)`, path];
  });
}

interface Run {
  wallMs: number;
  cpuMs: number;
  findings: string;
}

function scan(bin: string, file: string): Run {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'CVG-TIME %U %S', process.execPath, bin, 'scan', '--json', '--preset', 'danang', file], { encoding: 'utf8', maxBuffer: 256 * MB });
  const wallMs = performance.now() - t0;
  const m = /CVG-TIME ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m || (r.status !== 0 && r.status !== 1)) throw new Error(`scan ${file} with ${bin} failed (${r.status}): ${r.stderr.slice(-400)}`);
  const report = JSON.parse(r.stdout) as { files: { findings: { rule: string; message: string }[] }[] };
  const findings = report.files.flatMap((f) => f.findings.map((x) => `${x.rule}: ${x.message}`)).join('\n');
  return { wallMs, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, findings };
}

async function runCli(mails: [string, string][], rounds: number): Promise<void> {
  const builds: [string, string][] = [['this build', join(ROOT, 'bin/congvu-guard.js')]];
  const other = process.env.CVG_CLI_COMPARE;
  if (other) builds.push([other, resolve(ROOT, other)]);
  for (const [, bin] of builds) if (!existsSync(bin)) throw new Error(`${bin} is missing`);
  const rows: Record<string, string>[] = [];
  const before = load();
  const runs = new Map<string, Run[]>();
  for (let r = 0; r < rounds; r++) {
    for (const [what, file] of mails) {
      const findings = new Set<string>();
      for (const [name, bin] of builds) {
        const run = scan(bin, file);
        findings.add(run.findings);
        runs.set(`${what}|${name}`, [...(runs.get(`${what}|${name}`) ?? []), run]);
      }
      if (findings.size !== 1) throw new Error(`${what}: the builds report different findings`);
    }
  }
  for (const [what] of mails) {
    const mine = runs.get(`${what}|this build`)!;
    for (const [name] of builds) {
      const xs = runs.get(`${what}|${name}`)!;
      rows.push({
        mail: what,
        build: name,
        'wall s': showSpread(xs.map((x) => x.wallMs / 1000), 2),
        'CPU s': showSpread(xs.map((x) => x.cpuMs / 1000), 2),
        'this build ÷ it, wall (per round)': showSpread(ratios(mine.map((x) => x.wallMs), xs.map((x) => x.wallMs)), 2, '×'),
        findings: String(xs[0]!.findings.split('\n').filter(Boolean).length),
      });
    }
  }
  console.log(`\nscan --json of one large e-mail, the whole process (${rounds} interleaved rounds; ${before} before, ${load()} after; findings equal in every round)`);
  console.table(rows);
}

/** postal-mime bundled for a page, its decoders given PartsBlob or not; exposes parseMail(bytes) → a summary. */
async function pageBundle(partsBlob: boolean): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import PostalMime from 'postal-mime';
globalThis.parseMail = async (bytes) => { const m = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' }); return (m.text ?? '').length + ':' + m.attachments.map((a) => a.content.byteLength).join(','); };`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: partsBlob ? [postalMimeBlobEsbuild(join(ROOT, 'core/extract/parts-blob.ts'))] : [],
  });
  return out.outputFiles[0]!.text;
}

async function runChromium(mails: [string, string][], rounds: number): Promise<void> {
  const variants: [string, string][] = [
    ["the browser's Blob", await pageBundle(false)],
    ['PartsBlob (every build now)', await pageBundle(true)],
  ];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const rows: Record<string, string>[] = [];
  try {
    for (const [what, file] of mails) {
      const times = variants.map(() => [] as number[]);
      for (let r = 0; r < rounds; r++) {
        const answers = new Set<string>();
        for (const [k, [, script]] of variants.entries()) {
          // A page per parse: nothing one parse left behind (Blob storage, heap) weighs on the next.
          const page = await browser.newPage();
          await page.addScriptTag({ content: script });
          const bytes = readFileSync(file).toString('base64');
          const { ms, summary } = await page.evaluate(async (b64) => {
            const bin = atob(b64);
            const bytes = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
            const t0 = performance.now();
            const summary = await (globalThis as unknown as { parseMail(b: Uint8Array): Promise<string> }).parseMail(bytes);
            return { ms: performance.now() - t0, summary };
          }, bytes);
          await page.close();
          times[k]!.push(ms);
          answers.add(summary);
        }
        if (answers.size !== 1) throw new Error(`${what}: the two bundles parsed it differently (${[...answers].join(' / ')})`);
      }
      for (const [k, [name]] of variants.entries()) {
        rows.push({ mail: what, Blob: name, 'parse ms': showSpread(times[k]!, 0), 'PartsBlob ÷ it (per round)': showSpread(ratios(times[1]!, times[k]!), 2, '×') });
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\npostal-mime in Chromium, one page per parse (${rounds} rounds; ${load()}; both bundles read the same text and attachments every round)`);
  console.table(rows);
}

export async function runLargeMailBench(rounds = Number(process.env.CVG_MAIL_ROUNDS ?? 5)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'congvu-mail-bench-'));
  try {
    const mails = writeMails(dir);
    await runCli(mails, rounds);
    await runChromium(mails, rounds);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
