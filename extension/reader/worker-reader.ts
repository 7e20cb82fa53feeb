// Runs document reading in a dedicated Worker, one file at a time. Each file has a deadline;
// at the deadline the Worker is terminated (whatever it is stuck in) and the file is reported
// as not read because it took too long, never as clean. The next file gets a fresh Worker.
import type { ExtractedDocument } from '../../core/types';

export interface ReadJob {
  name: string;
  bytes: Uint8Array;
  /** The reader's own budget; the Worker is killed a little after it. */
  timeoutMs: number;
  /** unsigned-document: roots a signer's chain is checked against (the policy's). */
  trustedRoots?: readonly string[];
}

/**
 * Marks the reader's own answers. pdfjs's worker module, loaded in this Worker for the first
 * PDF, takes any Worker scope for its own port and posts a "ready" message on it; that and any
 * other stray message is not a verdict on the file.
 */
export const READ_RESULT = 'congvu-guard:read-result';

export interface ReadResult {
  kind?: typeof READ_RESULT;
  document?: ExtractedDocument;
  error?: string;
  /** An ExtractErrorCode, or 'timeout' / 'memory' when the Worker had to be stopped. */
  code?: string;
}

/** What reading one file may take in the extension. */
export const READ_TIMEOUT_MS = 20_000;
/** Past the reader's own budget, how long the Worker gets before it is terminated. */
const KILL_GRACE_MS = 2_000;

/** The part of a Worker this module uses (a Web Worker in both browsers). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<ReadResult>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: ReadJob, transfer: Transferable[]): void;
  terminate(): void;
}

export class WorkerReader {
  private worker?: WorkerLike;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly spawn: () => WorkerLike,
    private readonly timeoutMs = READ_TIMEOUT_MS,
  ) {}

  /** Reads `bytes` after the files before it; always resolves. */
  read(name: string, bytes: Uint8Array, trustedRoots?: readonly string[]): Promise<ReadResult> {
    const run = this.queue.then(() => this.readNow(name, bytes, trustedRoots));
    this.queue = run;
    return run;
  }

  private readNow(name: string, bytes: Uint8Array, trustedRoots?: readonly string[]): Promise<ReadResult> {
    return new Promise((resolve) => {
      let worker: WorkerLike;
      try {
        worker = this.worker ??= this.spawn();
      } catch (err) {
        resolve({ error: `the reader could not start (${err instanceof Error ? err.message : String(err)})`, code: 'unsupported' });
        return;
      }
      const finish = (result: ReadResult, kill: boolean) => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        if (kill) {
          worker.terminate();
          if (this.worker === worker) this.worker = undefined;
        }
        resolve(result);
      };
      const timer = setTimeout(
        () => finish({ error: `Reading took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped.`, code: 'timeout' }, true),
        this.timeoutMs + KILL_GRACE_MS,
      );
      worker.onmessage = (e) => {
        if (e.data?.kind === READ_RESULT) finish(e.data, false);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        finish({ error: `The reader stopped (${e.message || 'out of memory'}).`, code: 'memory' }, true);
      };
      worker.postMessage({ name, bytes, timeoutMs: this.timeoutMs, ...(trustedRoots && { trustedRoots }) }, [bytes.buffer]);
    });
  }
}
