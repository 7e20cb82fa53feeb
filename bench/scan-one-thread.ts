// The single-thread figure the scanner's worker pool is measured against (bench/cli.bench.ts):
// `node scan-one-thread.js FOLDER` reads, extracts and checks every file in FOLDER one after
// the other on this thread, as the scan would without a pool, and prints {files, findings}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, resolvePolicy } from '../core';
import { extractDocument } from '../core/extract';
import { useWholeInflater } from '../core/extract/zip';
import { zlibInflater } from '../cli/native-inflate';
import { messageFor } from '../cli/scan-message';

// The scan's own inflater (cli/scan-file.ts), so that the pool is compared with the same reading.
useWholeInflater(zlibInflater);

const [folder] = process.argv.slice(2);
const { policy } = resolvePolicy({ preset: 'danang' });
let findings = 0;
const names = readdirSync(folder!).sort();
for (const name of names) {
  const bytes = new Uint8Array(readFileSync(join(folder!, name)));
  const document = await extractDocument(name, bytes, { timeoutMs: 20_000 });
  findings += check(messageFor(join(folder!, name), bytes.length, document), policy).length;
}
process.stdout.write(JSON.stringify({ files: names.length, findings }));
