// Runs in a worker thread so that a hostile file can only ever cost one worker: the pool
// kills it on its deadline, and the thread's heap limit stops runaway memory. A file read
// here is also checked here, so the main thread only hands out files and gathers verdicts:
// with check() on the main thread, a folder of small files kept every worker waiting on it.
import { parentPort, workerData } from 'node:worker_threads';
import { check, type Finding, type Policy } from '../core';
import { ExtractError, extractDocument } from '../core/extract';
import { readNotices } from '../core/extract/notices';
import { signatureStates, type SignatureState } from '../core/messages/signature-state';
import type { ReadNotice } from '../core/types';
import { messageFor } from './scan-message';

export interface ExtractJob {
  name: string;
  bytes: Uint8Array;
  timeoutMs: number;
  maxInputBytes: number;
  trustedRoots?: readonly string[];
  /** Check the file too, under the policy the pool was started with (workerData.policy). */
  check?: { path: string; size: number };
}

export type ExtractReply =
  | { ok: true; document: import('../core/types').ExtractedDocument; findings?: Finding[]; notices?: ReadNotice[]; signatures?: SignatureState[] }
  | { ok: false; code: string; message: string; reason?: string; format?: string };

const policy = (workerData as { policy?: Policy } | undefined)?.policy;

parentPort?.on('message', (job: ExtractJob) => {
  extractDocument(job.name, job.bytes, { timeoutMs: job.timeoutMs, maxInputBytes: job.maxInputBytes }, { trustedRoots: job.trustedRoots }).then(
    (document) => {
      const checked = job.check && policy ? { findings: check(messageFor(job.check.path, job.check.size, document), policy), notices: readNotices(document), signatures: signatureStates(document) } : {};
      parentPort?.postMessage({ ok: true, document, ...checked } satisfies ExtractReply);
    },
    (e: unknown) => {
      const reply: ExtractReply =
        e instanceof ExtractError
          ? { ok: false, code: e.code, message: e.message, reason: e.reason, format: e.format }
          : { ok: false, code: 'corrupt', message: e instanceof Error ? e.message : String(e) };
      parentPort?.postMessage(reply);
    },
  );
});
