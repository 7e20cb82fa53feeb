// The Worker that reads one attached file: the only place the extension parses documents, so a
// crafted file can hold up nothing but this thread, which its host terminates at the deadline.
import { ExtractError, extractDocument } from '../../core/extract';
import { READ_RESULT, type ReadJob, type ReadResult } from './worker-reader';

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<ReadJob>) => void) | null; postMessage(m: ReadResult): void };

scope.onmessage = (e) => {
  const { name, bytes, timeoutMs, trustedRoots } = e.data;
  extractDocument(name, bytes, { timeoutMs }, { trustedRoots }).then(
    (document) => scope.postMessage({ kind: READ_RESULT, document }),
    (err: unknown) => scope.postMessage({ kind: READ_RESULT, error: err instanceof Error ? err.message : String(err), code: err instanceof ExtractError ? err.code : 'corrupt' }),
  );
};
