// Runs in a worker thread so that a hostile file can only ever cost one worker: the pool
// kills it on its deadline, and the thread's heap limit stops runaway memory. The worker
// opens, reads, extracts and checks the files it is given, several to a message, and answers
// one message per file as each is done, so the main thread only hands out paths and gathers
// verdicts, and the pool always knows which file a stuck or dead worker was on.
import { parentPort, workerData } from 'node:worker_threads';
import type { Policy } from '../core';
import { scanFile, type FileOutcome, type ScanBudget, type ScanTarget } from './scan-file';

export interface WorkerSetup {
  policy: Policy;
  budget: ScanBudget;
}

export interface WorkerJob extends ScanTarget {
  id: number;
}

export type WorkerReply = { ready: true } | { id: number; outcome: FileOutcome };

const { policy, budget } = workerData as WorkerSetup;

// Files are read one after another, in the order they were given: the pool counts on it.
let queue = Promise.resolve();
parentPort?.on('message', (jobs: WorkerJob[]) => {
  queue = queue.then(async () => {
    for (const job of jobs) {
      const outcome = await scanFile(job, policy, budget);
      parentPort?.postMessage({ id: job.id, outcome } satisfies WorkerReply);
    }
  });
});
parentPort?.postMessage({ ready: true } satisfies WorkerReply);
