// One promise wrapper for every Office.js `…Async(…, callback)` call. Office reports failure in
// three ways and the add-in must survive each: an AsyncResult with status Failed, an exception
// thrown by the call itself (unsupported API, bad argument), and a callback that never comes
// (classic Outlook under load, a lost host connection). The promise settles exactly once; a
// callback arriving after the timeout is ignored.

export type OfficeFailure = 'failed' | 'threw' | 'timeout' | 'unsupported';

export class OfficeCallError extends Error {
  constructor(
    readonly call: string,
    readonly failure: OfficeFailure,
    detail: string,
    /** Office's error code or name (e.g. 9020, "APINotSupported"), when it gave one. */
    readonly code?: string,
  ) {
    super(`${call}: ${failure}${detail ? ` (${detail})` : ''}`);
    this.name = 'OfficeCallError';
  }
}

interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { name?: string; message?: string; code?: number | string } | null;
}

/** `Office.AsyncResultStatus.Failed` as the running host spells it ("failed" in office.js). */
function failedStatus(): unknown {
  return typeof Office !== 'undefined' && Office.AsyncResultStatus ? Office.AsyncResultStatus.Failed : 'failed';
}

/**
 * Runs `start(callback)` and settles with the callback's value, or rejects with an
 * OfficeCallError on Failed status, on a throw, or when no callback arrives in `timeoutMs`.
 */
export function officeCall<T>(call: string, timeoutMs: number, start: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => settle(() => reject(new OfficeCallError(call, 'timeout', `no answer in ${timeoutMs} ms`))), timeoutMs);
    function settle(action: () => void): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    }
    try {
      start((result) =>
        settle(() => {
          if (!result || result.status === failedStatus()) {
            const e = result?.error;
            const code = e?.code ?? e?.name;
            reject(new OfficeCallError(call, 'failed', [e?.name, e?.message].filter(Boolean).join(': '), code === undefined ? undefined : String(code)));
          } else {
            resolve(result.value);
          }
        }),
      );
    } catch (err) {
      settle(() => reject(new OfficeCallError(call, 'threw', err instanceof Error ? err.message : String(err), err instanceof Error ? err.name : 'Error')));
    }
  });
}

/** Any promise, bounded: rejects with a timeout OfficeCallError when `ms` pass first. */
export function withTimeout<T>(call: string, ms: number, promise: Promise<T>): Promise<T> {
  return officeCall<T>(call, ms, (callback) => {
    promise.then(
      (value) => callback({ status: 'succeeded', value }),
      (err: unknown) => callback({ status: failedStatus(), value: undefined as T, error: { message: err instanceof Error ? err.message : String(err) } }),
    );
  });
}
