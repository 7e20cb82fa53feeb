// The scan's worker threads. Each worker is handed several files to a message and answers one
// message per file, in order, so that it never waits on the main thread between two small
// files. A hard deadline beyond the core's own cooperative one watches the file a worker is on:
// a parser stuck inside one call is stopped by terminating its thread, that file alone is
// reported (timeout, memory), and the files queued behind it go to a fresh worker.
import type { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerReply, WorkerSetup } from './extract-worker';
import type { FileOutcome } from './scan-file';

/** Where the pool takes its files from and gives back the ones a dead worker never read. */
export interface JobSource {
  take(count: number): WorkerJob[];
  giveBack(jobs: WorkerJob[]): void;
  done(id: number, outcome: FileOutcome): void;
  /** The worker reading this file died or overran. */
  lost(id: number, failure: NonNullable<FileOutcome['failure']>): void;
}

export interface PoolOptions {
  /** Most workers at once. */
  size: number;
  /** Files handed over in one message; a worker holds at most two such batches. */
  batch: number;
  /** The core's cooperative budget for one file; the thread is killed a little after it. */
  timeoutMs: number;
  heapMb: number;
  /** How long past `timeoutMs` the thread is given before it is killed. */
  graceMs?: number;
  setup: WorkerSetup;
  /** The worker's script; tests give one that hangs or dies on cue. */
  script?: URL;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Handed over and not yet answered, in the order the worker reads them. */
  inFlight: WorkerJob[];
  /** When the worker began the file it is on (the first of `inFlight`). */
  since: number;
  /** Watches `since`; one timer per busy worker, not one per file (see `watch`). */
  timer?: ReturnType<typeof setTimeout>;
}

export class ExtractPool {
  private readonly slots = new Set<Slot>();

  constructor(
    private readonly opts: PoolOptions,
    private readonly source: JobSource,
  ) {}

  get workers(): number {
    return this.slots.size;
  }

  /** Starts workers up to `count` (never above the pool's size); they take files once loaded. */
  grow(count: number): void {
    while (this.slots.size < Math.min(count, this.opts.size)) this.spawn();
  }

  /** Hands queued files to every loaded worker that has room for another batch. */
  feed(): void {
    for (const slot of this.slots) this.fill(slot);
  }

  async close(): Promise<void> {
    const all = [...this.slots];
    this.slots.clear();
    await Promise.all(all.map((s) => this.stop(s)));
  }

  private fill(slot: Slot): void {
    if (!slot.ready) return;
    while (slot.inFlight.length <= this.opts.batch) {
      const jobs = this.source.take(this.opts.batch);
      if (jobs.length === 0) return;
      if (slot.inFlight.length === 0) this.begin(slot);
      slot.inFlight.push(...jobs);
      slot.worker.postMessage(jobs);
    }
  }

  private get deadlineMs(): number {
    return this.opts.timeoutMs + (this.opts.graceMs ?? 5000);
  }

  /** An idle worker is handed files: its first file starts now. */
  private begin(slot: Slot): void {
    slot.since = performance.now();
    if (!slot.timer) this.watch(slot, this.deadlineMs);
  }

  /**
   * The deadline of the file the worker is on. Each answer only moves `since` on: setting and
   * clearing a timer for each of a thousand small files cost the main thread more than reading
   * several of them. When the timer fires it looks at how long the current file has taken and
   * either stops the worker or waits out the rest of that file's time.
   */
  private watch(slot: Slot, delayMs: number): void {
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      if (slot.inFlight.length === 0) return;
      const left = slot.since + this.deadlineMs - performance.now();
      if (left <= 0) this.lose(slot, { code: 'timeout' });
      else this.watch(slot, left);
    }, delayMs);
  }

  private spawn(): void {
    // worker_threads loads with the first worker: a scan that reads everything here never needs it.
    const { Worker: Thread } = process.getBuiltinModule('node:worker_threads');
    // Young generation 24 MB: at 64 the 20 MB bench PDF peaked at ~255 MB RSS, at 24 at ~205 MB
    // (the 100k-row xlsx 214 → 172 MB) for the same CPU (5 interleaved runs of `scan` each, issue 11).
    const worker = new Thread(this.opts.script ?? new URL('./extract-worker.cjs', import.meta.url), {
      workerData: this.opts.setup,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb, maxYoungGenerationSizeMb: 24 },
    });
    const slot: Slot = { worker, ready: false, inFlight: [], since: 0 };
    this.slots.add(slot);
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.fill(slot);
        return;
      }
      const job = slot.inFlight.shift();
      slot.since = performance.now();
      this.source.done(job?.id ?? reply.id, reply.outcome);
      this.fill(slot);
    });
    worker.on('error', (e: Error & { code?: string }) => this.lose(slot, { code: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'corrupt' }));
    worker.on('exit', () => this.lose(slot, { code: 'memory' }));
  }

  /**
   * The worker died or overran: the file it was on is reported with `failure`, the files
   * behind it are queued again, and a fresh worker takes the slot's place.
   */
  private lose(slot: Slot, failure: NonNullable<FileOutcome['failure']>): void {
    if (!this.slots.delete(slot)) return;
    void this.stop(slot);
    // A worker that dies before it has loaded is charged to the next file, so that a worker
    // that cannot start ends the scan with every file reported instead of looping.
    const [current, ...behind] = slot.ready ? slot.inFlight : this.source.take(1);
    this.source.giveBack(behind);
    if (current) this.source.lost(current.id, failure);
    if (current) this.spawn();
  }

  private async stop(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    slot.worker.removeAllListeners();
    // A terminated worker may still emit 'error'; it is no longer ours to report.
    slot.worker.on('error', () => {});
    await slot.worker.terminate();
  }
}
