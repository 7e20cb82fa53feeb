// Promises over Office.js callback calls, each with a time limit. An Office call can fail
// (AsyncResult status "failed"), throw synchronously (bad arguments, missing API) or never call
// back at all (a host that lost its connection): all three become a rejected promise, so a
// handler can always reach `event.completed()`.
// TODO [2026-01-31]: move to outlook-addin/office/ once that folder's wrappers land (owned there).

/** `graph`: Microsoft Graph or Office SSO refused; `consent`: the permission or consent is missing (401/403, 13005). */
export type FailureKind = 'timeout' | 'office' | 'ews' | 'graph' | 'consent' | 'unexpected';

/** Why a step failed, in a form the notification can name in a few words. */
export class StepError extends Error {
  constructor(
    readonly kind: FailureKind,
    /** Office error name/code, the EWS ResponseCode (e.g. ErrorItemNotFound), or the Graph status and code. */
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'StepError';
  }
}

export function asStepError(e: unknown): StepError {
  if (e instanceof StepError) return e;
  return new StepError('unexpected', e instanceof Error ? e.name : 'Error', e instanceof Error ? e.message : String(e));
}

/** Resolves after `ms`, never rejects. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** `promise`, or a StepError('timeout') after `ms`. The timer never outlives the race. */
export function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepError('timeout', 'Timeout', `${label}: no answer within ${ms} ms`)), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface AsyncResultLike<T> {
  status: Office.AsyncResultStatus | 'succeeded' | 'failed';
  value: T;
  error?: { name?: string; message?: string; code?: number | string };
}

/**
 * Calls an Office method that takes a callback, and waits at most `ms` for it.
 * `start` receives the callback to hand to the Office method.
 */
export function officeCall<T>(label: string, ms: number, start: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
  const call = new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        // Office.AsyncResultStatus.Succeeded is the string "succeeded" (documented enum value).
        if (result && String(result.status) === 'succeeded') resolve(result.value);
        else {
          const err = result?.error;
          reject(new StepError('office', String(err?.code ?? err?.name ?? 'Failed'), `${label}: ${err?.message ?? 'failed'}`));
        }
      });
    } catch (e) {
      reject(new StepError('office', e instanceof Error ? e.name : 'Error', `${label}: ${e instanceof Error ? e.message : String(e)}`));
    }
  });
  return withTimeout(call, ms, label);
}

/** A fixed end time shared by the steps of one handler run. */
export class Deadline {
  private readonly end: number;
  constructor(ms: number) {
    this.end = Date.now() + ms;
  }
  remaining(): number {
    return Math.max(0, this.end - Date.now());
  }
  /** The time a step may take: at most `cap`, never past the deadline minus `reserve`. */
  budget(cap: number, reserve = 0): number {
    return Math.max(0, Math.min(cap, this.remaining() - reserve));
  }
}
