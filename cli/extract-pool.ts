// A small pool of extraction workers. Each job has a hard deadline beyond the core's own
// cooperative one: a parser stuck inside one call is stopped by terminating its thread.
import { Worker } from 'node:worker_threads';
import type { Finding, Policy } from '../core';
import type { SignatureState } from '../core/messages/signature-state';
import type { ExtractedDocument, ReadNotice } from '../core/types';
import type { ExtractJob, ExtractReply } from './extract-worker';

export class ExtractFailure extends Error {
  constructor(readonly code: string, message: string, readonly reason?: string, readonly format?: string) {
    super(message);
  }
}

export interface PoolOptions {
  size: number;
  /** The core's cooperative budget; the thread is killed a little after it. */
  timeoutMs: number;
  maxInputBytes: number;
  heapMb: number;
  /** unsigned-document: the policy's trusted roots, for checking signers' chains. */
  trustedRoots?: readonly string[];
  /** Given, the workers can check what they read (check()), under this policy. */
  policy?: Policy;
}

interface Slot {
  worker?: Worker;
  busy: boolean;
}

export class ExtractPool {
  private readonly slots: Slot[];
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly opts: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.size) }, () => ({ busy: false }));
  }

  async extract(name: string, bytes: Uint8Array): Promise<ExtractedDocument> {
    return (await this.run({ name, bytes, timeoutMs: this.opts.timeoutMs, maxInputBytes: this.opts.maxInputBytes })).document;
  }

  /** Reads and checks a file in a worker; `file` is what the message about it needs. */
  async check(name: string, bytes: Uint8Array, file: { path: string; size: number }): Promise<{ findings: Finding[]; notices: ReadNotice[]; signatures: SignatureState[] }> {
    if (!this.opts.policy) throw new Error('ExtractPool.check needs the pool to be given a policy');
    const reply = await this.run({ name, bytes, timeoutMs: this.opts.timeoutMs, maxInputBytes: this.opts.maxInputBytes, check: file });
    return { findings: reply.findings ?? [], notices: reply.notices ?? [], signatures: reply.signatures ?? [] };
  }

  private async run(job: ExtractJob): Promise<Extract<ExtractReply, { ok: true }>> {
    const slot = await this.acquire();
    try {
      return await this.runOn(slot, { ...job, trustedRoots: this.opts.trustedRoots });
    } finally {
      slot.busy = false;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private spawn(): Worker {
    return new Worker(new URL('./extract-worker.js', import.meta.url), {
      workerData: { policy: this.opts.policy },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb, maxYoungGenerationSizeMb: 64 },
    });
  }

  private runOn(slot: Slot, job: ExtractJob): Promise<Extract<ExtractReply, { ok: true }>> {
    const worker = (slot.worker ??= this.spawn());
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) {
          slot.worker = undefined;
          void worker.terminate();
        }
        fn();
      };
      const onMessage = (reply: ExtractReply) =>
        finish(() => (reply.ok ? resolve(reply) : reject(new ExtractFailure(reply.code, reply.message, reply.reason, reply.format))), false);
      const onError = (e: Error & { code?: string }) =>
        finish(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ExtractFailure('memory', e.message) : new ExtractFailure('corrupt', e.message)), true);
      const onExit = (code: number) => finish(() => reject(new ExtractFailure('memory', `worker stopped (exit ${code})`)), true);
      const timer = setTimeout(
        () => finish(() => reject(new ExtractFailure('timeout', `no result after ${this.opts.timeoutMs + 5000} ms`)), true),
        this.opts.timeoutMs + 5000,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });
  }
}
