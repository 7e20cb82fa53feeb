// The reading Worker's host: one file at a time, and a Worker stuck past the deadline is
// terminated with the file reported as not read because it took too long.
import { describe, expect, it } from 'vitest';
import { READ_RESULT, WorkerReader, type ReadJob, type ReadResult, type WorkerLike } from './worker-reader';

/** A Worker as the browser gives it, whose answers the test decides (or withholds, like a stuck parser). */
class ScriptedWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<ReadResult>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  jobs: ReadJob[] = [];
  constructor(private readonly answer: (job: ReadJob) => ReadResult | undefined) {}
  /** What pdfjs's worker module posts on the Worker's scope when the first PDF loads it. */
  stray: unknown[] = [];
  postMessage(job: ReadJob): void {
    this.jobs.push(job);
    const result = this.answer(job);
    for (const m of this.stray) setTimeout(() => this.onmessage?.({ data: m } as MessageEvent<ReadResult>), 1);
    if (result) setTimeout(() => this.onmessage?.({ data: { kind: READ_RESULT, ...result } } as MessageEvent<ReadResult>), 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const doc = { text: 'ok', links: [], legacy: [], parts: [] };

describe('WorkerReader', () => {
  it('terminates a Worker stuck past the deadline and says the file took too long; the next file gets a fresh Worker', async () => {
    const spawned: ScriptedWorker[] = [];
    const reader = new WorkerReader(() => {
      const w = new ScriptedWorker((job) => (job.name === 'stuck.html' ? undefined : { document: doc }));
      spawned.push(w);
      return w;
    }, 50);
    const stuck = reader.read('stuck.html', new Uint8Array(10));
    const next = reader.read('ok.txt', new Uint8Array(3));
    const verdict = await stuck;
    expect(verdict.code).toBe('timeout');
    expect(verdict.document).toBeUndefined();
    expect(spawned[0]!.terminated).toBe(true);
    expect(await next).toEqual({ kind: READ_RESULT, document: doc });
    expect(spawned).toHaveLength(2);
    expect(spawned[1]!.jobs.map((j) => j.name)).toEqual(['ok.txt']);
  });

  it('reads one file at a time, in order', async () => {
    const order: string[] = [];
    const w = new ScriptedWorker((job) => {
      order.push(job.name);
      return { document: { ...doc, text: job.name } };
    });
    const reader = new WorkerReader(() => w, 1000);
    const results = await Promise.all(['a', 'b', 'c'].map((n) => reader.read(n, new Uint8Array(1))));
    expect(results.map((r) => r.document?.text)).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('takes only the reader\'s own answer: pdfjs\'s "ready" on the Worker scope is not a verdict', async () => {
    const w = new ScriptedWorker(() => ({ document: { ...doc, text: 'Liên hệ: canbo@gmail.com' } }));
    w.stray = [{ sourceName: 'worker', targetName: 'main', action: 'ready', data: null }];
    const result = await new WorkerReader(() => w, 1000).read('cong-van.pdf', new Uint8Array(4));
    expect(result.document?.text).toBe('Liên hệ: canbo@gmail.com');
  });
});
