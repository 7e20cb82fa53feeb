// One measurement in a fresh process, so that peak memory belongs to this document alone:
// `node extract-one.js FILE [--baseline]` prints {ms, cpuMs, peakRssMB, chars, parts}. The baseline
// only reads the file, the floor any reader pays. The time limit is lifted: on a shared
// machine the product's limit would stop the run, and the bench is here to measure it.
import { readFileSync } from 'node:fs';
import { extractDocument } from '../core/extract';

const [file, mode] = process.argv.slice(2);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// One copy of the file, as the scanner holds it (read into one array, transferred to its worker).
const read = readFileSync(file!);
const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
let chars = 0;
let parts = 0;
if (mode !== '--baseline') {
  const doc = await extractDocument(file!, bytes, { timeoutMs: 600_000 });
  chars = doc.text.length;
  // Embedded files and attachments looked at (read, or listed as unread with a reason).
  parts = doc.parts.length;
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// getrusage's maxRSS keeps the parent's high-water mark through exec (Linux), so a child that
// peaks below its parent would show the parent's figure; VmHWM is this process image's own peak.
function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: the rusage figure is the best there is
  }
  return process.resourceUsage().maxRSS / 1024;
}
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMB: peakRssMB(), chars, parts }));
