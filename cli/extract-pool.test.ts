// The pool hands several files to a worker at once: when that worker hangs or dies on one of
// them, that file alone is reported, and every file queued behind it is still read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../core';
import { DEFAULT_LIMITS } from '../core/extract';
import { ExtractPool, type JobSource } from './extract-pool';
import type { WorkerJob } from './extract-worker';
import type { FileOutcome } from './scan-file';

// A worker that speaks the pool's protocol and behaves by the file's name, as a parser that
// loops forever, a thread that dies and a reader that answers would.
const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (jobs) => {
  for (const job of jobs) {
    if (job.path.includes('hang')) for (;;) {}
    if (job.path.includes('die')) process.exit(3);
    if (job.path.includes('slow')) { const end = Date.now() + 500; while (Date.now() < end); }
    parentPort.postMessage({ id: job.id, outcome: { findings: [], notices: [], signatures: [] } });
  }
});
parentPort.postMessage({ ready: true });
`;

function script(): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'congvu-pool-')), 'worker.mjs');
  writeFileSync(file, WORKER);
  return pathToFileURL(file);
}

async function runPool(names: string[], size: number, batch: number, deadline = { timeoutMs: 4000, graceMs: 2000 }): Promise<Map<string, string>> {
  const queue: WorkerJob[] = names.map((path, id) => ({ id, path }));
  const verdicts = new Map<string, string>();
  let pool!: ExtractPool;
  const finished = new Promise<void>((resolve) => {
    const settle = (id: number, verdict: string) => {
      expect(verdicts.has(names[id]!), `${names[id]} reported twice`).toBe(false);
      verdicts.set(names[id]!, verdict);
      if (verdicts.size === names.length) resolve();
    };
    const source: JobSource = {
      take: (count) => queue.splice(0, count),
      giveBack: (jobs) => queue.unshift(...jobs),
      done: (id, outcome: FileOutcome) => settle(id, outcome.failure?.code ?? 'read'),
      lost: (id, failure) => settle(id, failure.code),
    };
    pool = new ExtractPool(
      { size, batch, ...deadline, heapMb: 64, setup: { policy: resolvePolicy({}).policy, budget: { limits: DEFAULT_LIMITS } }, script: script() },
      source,
    );
    pool.grow(size);
  });
  try {
    // A file never reported shows as missing from the verdicts instead of as a test timeout.
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  } finally {
    await pool.close();
  }
  return verdicts;
}

describe('extract pool', () => {
  it('reports the file a worker died on, and reads the files handed over with it', { timeout: 120_000 }, async () => {
    const names = ['a.docx', 'b.docx', 'die.docx', 'c.docx', 'd.docx', 'e.docx', 'f.docx', 'g.docx', 'h.docx', 'i.docx'];
    const verdicts = await runPool(names, 1, 4);
    expect(Object.fromEntries(verdicts)).toEqual({ ...Object.fromEntries(names.map((n) => [n, 'read'])), 'die.docx': 'memory' });
  });

  it('stops a worker stuck on one file: that file times out, the rest of its batch and of the queue are read', { timeout: 120_000 }, async () => {
    const names = ['a.docx', 'hang.docx', 'b.docx', 'c.docx', 'die.docx', 'd.docx', 'e.docx', 'hang-2.docx', 'f.docx', 'g.docx', 'h.docx'];
    const verdicts = await runPool(names, 2, 3);
    expect(Object.fromEntries(verdicts)).toEqual({
      ...Object.fromEntries(names.map((n) => [n, 'read'])),
      'hang.docx': 'timeout',
      'hang-2.docx': 'timeout',
      'die.docx': 'memory',
    });
  });

  it('gives each file its own time: a batch of slow files that together outlast the deadline is read, a hang after them is stopped', { timeout: 120_000 }, async () => {
    // 1 s for a file; five 0.5 s files in one batch take 2.5 s together.
    const names = ['slow-1.docx', 'slow-2.docx', 'slow-3.docx', 'slow-4.docx', 'slow-5.docx', 'hang.docx', 'a.docx'];
    const verdicts = await runPool(names, 1, 8, { timeoutMs: 600, graceMs: 400 });
    expect(Object.fromEntries(verdicts)).toEqual({ ...Object.fromEntries(names.map((n) => [n, 'read'])), 'hang.docx': 'timeout' });
  });
});
