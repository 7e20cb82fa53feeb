// scan: read and check every file; a file that cannot be read becomes an error entry and the
// scan always goes on. Small files are read on the main thread under a tight budget (a worker
// costs more to start than a small docx costs to read); the rest, and every small file that
// meets that budget's bounds, go to worker threads. Many small files are shared between the
// main thread and the workers, several files to a worker message.
import { stat } from './fs-async';
import { availableParallelism } from 'node:os';
import { renderReadFailure, t, type Finding, type Lang, type Policy } from '../core';
import { DEFAULT_LIMITS, type ExtractLimits } from '../core/extract';
import type { SignatureState } from '../core/messages/signature-state';
import type { ReadNotice } from '../core/types';
import { ExtractPool } from './extract-pool';
import type { WorkerJob } from './extract-worker';
import type { ListedFile } from './files';
import { scanSmallFile, unreadOutcome, type FileOutcome, type ScanBudget } from './scan-file';

export const SCAN_LIMITS = {
  maxInputMB: 100,
  timeoutMs: 20_000,
  heapMb: 768,
};

/**
 * The main thread's share: files up to `maxBytes`, read under a budget small enough that the
 * scanner's own heap stays small (a worker's heap is capped; the main thread's is not) and
 * short enough that a slow file soon moves to a worker, whose deadline can stop any parser.
 */
export const MAIN_THREAD = {
  maxBytes: 512 * 1024,
  maxExpandedBytes: 16 * 1024 * 1024,
  timeoutMs: 5_000,
};

/** Fewer small files than this are not worth a worker's start (about as long as reading 100 small docx). */
const SOLO_FILES = 32;
const BATCH = 8;

export interface FileResult {
  path: string;
  /** The path's exact bytes when they are not UTF-8 (`path` then shows them as `\xNN`). */
  raw?: Buffer;
  findings: Finding[];
  /** The whole file could not be read: the reason in words. */
  error?: string;
  /** What was not read or not checked inside a file that was read (none: read whole). */
  notices: ReadNotice[];
  /** unsigned-document: the signature state of the file and of its attachments that carry one. */
  signatures?: SignatureState[];
}

/** The limits the scanner reads under, for the words of a reason. */
export const READING = { limitMB: SCAN_LIMITS.maxInputMB, seconds: SCAN_LIMITS.timeoutMs / 1000 };

function resultOf(file: ListedFile, outcome: FileOutcome, lang: Lang): FileResult {
  const { path, raw } = file;
  const { findings, notices, signatures, failure } = outcome;
  const error = failure && t(lang, 'document.unreadable', { reason: renderReadFailure(failure, lang, { ...READING, detail: failure.detail }) });
  return { path, ...(raw && { raw }), findings, ...(error && { error }), notices: error ? [] : notices, ...(signatures.length > 0 && { signatures }) };
}

function budgets(policy: Policy): { worker: ScanBudget; main: ScanBudget } {
  const worker: ExtractLimits = { ...DEFAULT_LIMITS, maxInputBytes: SCAN_LIMITS.maxInputMB * 1024 * 1024, timeoutMs: SCAN_LIMITS.timeoutMs };
  const main: ExtractLimits = { ...worker, maxExpandedBytes: MAIN_THREAD.maxExpandedBytes, maxEntryBytes: MAIN_THREAD.maxExpandedBytes, timeoutMs: MAIN_THREAD.timeoutMs };
  const trustedRoots = policy.trustedSignatureRoots;
  return { worker: { limits: worker, trustedRoots }, main: { limits: main, trustedRoots } };
}

export async function scanFiles(
  targets: readonly (string | ListedFile)[],
  policy: Policy,
  lang: Lang,
  onProgress: (done: number) => void = () => {},
): Promise<FileResult[]> {
  const files: ListedFile[] = targets.map((f) => (typeof f === 'string' ? { path: f } : f));
  const results: FileResult[] = new Array(files.length);
  const budget = budgets(policy);
  const job = (id: number): WorkerJob => ({ id, path: files[id]!.path, ...(files[id]!.raw && { raw: files[id]!.raw }) });
  // Files a worker must read (large ones, and small ones that met the main thread's bounds)
  // come first; the small ones are shared by the main thread and the workers.
  const workerOnly: WorkerJob[] = [];
  const small: number[] = [];
  files.forEach((f, id) => (f.size !== undefined && f.size > MAIN_THREAD.maxBytes ? workerOnly.push(job(id)) : small.push(id)));
  let nextSmall = 0;

  let done = 0;
  let allDone!: () => void;
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  const settle = (id: number, outcome: FileOutcome) => {
    results[id] = resultOf(files[id]!, outcome, lang);
    onProgress(++done);
    if (done === files.length) allDone();
  };
  if (files.length === 0) allDone();

  const parallel = Math.min(4, availableParallelism());
  const pool = new ExtractPool(
    { size: parallel, batch: BATCH, timeoutMs: SCAN_LIMITS.timeoutMs, heapMb: SCAN_LIMITS.heapMb, setup: { policy, budget: budget.worker } },
    {
      take: (count) => {
        const out = workerOnly.splice(0, count);
        while (out.length < count && nextSmall < small.length) out.push(job(small[nextSmall++]!));
        return out;
      },
      giveBack: (jobs) => workerOnly.unshift(...jobs),
      done: settle,
      lost: (id, failure) => {
        // Size rules still apply to a file no worker could read.
        void stat(files[id]!.raw ?? files[id]!.path).then(
          (info) => settle(id, unreadOutcome(files[id]!.path, info.size, failure, policy)),
          () => settle(id, unreadOutcome(files[id]!.path, 0, failure, policy)),
        );
      },
    },
  );
  // The main thread is one of the cores: with small files to share, one worker fewer.
  const sharing = small.length > SOLO_FILES ? parallel - 1 : 0;
  pool.grow(Math.max(sharing, Math.min(parallel, workerOnly.length)));

  try {
    while (nextSmall < small.length) {
      // Reading a small file never waits on anything: without this turn of the event loop the
      // workers' messages (ready, done) would wait until the main thread had read every file.
      if (pool.workers > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (nextSmall >= small.length) break;
      const id = small[nextSmall++]!;
      const outcome = await scanSmallFile(files[id]!, policy, budget.main, MAIN_THREAD.maxBytes);
      if (outcome === 'worker') {
        workerOnly.push(job(id));
        pool.grow(1);
        pool.feed();
      } else settle(id, outcome);
    }
    await finished;
  } finally {
    await pool.close();
  }
  return results;
}
