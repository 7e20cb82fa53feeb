// Runs in a worker thread so that a hostile file can only ever cost one worker: the pool
// kills it on its deadline, and the thread's heap limit stops runaway memory.
import { parentPort } from 'node:worker_threads';
import { ExtractError, extractDocument } from '../core/extract';

export interface ExtractJob {
  name: string;
  bytes: Uint8Array;
  timeoutMs: number;
  maxInputBytes: number;
  trustedRoots?: readonly string[];
}

export type ExtractReply =
  | { ok: true; document: import('../core/types').ExtractedDocument }
  | { ok: false; code: string; message: string; reason?: string; format?: string };

parentPort?.on('message', (job: ExtractJob) => {
  extractDocument(job.name, job.bytes, { timeoutMs: job.timeoutMs, maxInputBytes: job.maxInputBytes }, { trustedRoots: job.trustedRoots }).then(
    (document) => parentPort?.postMessage({ ok: true, document } satisfies ExtractReply),
    (e: unknown) => {
      const reply: ExtractReply =
        e instanceof ExtractError
          ? { ok: false, code: e.code, message: e.message, reason: e.reason, format: e.format }
          : { ok: false, code: 'corrupt', message: e instanceof Error ? e.message : String(e) };
      parentPort?.postMessage(reply);
    },
  );
});
