// The spam report's view of failures: every Office call goes through office/call.ts (failed,
// thrown or never answered all reject); here they become StepErrors the notification can name,
// and the steps of one run share a Deadline.

import { officeCall as callOffice, OfficeCallError } from '../office/call';

/**
 * `graph`: Microsoft Graph or the NAA token request failed; `consent`: Graph refused the
 * permission (401/403); `sign-in`: the host needs the user to sign in or consent, which a surface
 * without UI cannot ask for.
 */
export type FailureKind = 'timeout' | 'office' | 'ews' | 'graph' | 'consent' | 'sign-in' | 'unexpected';

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

/**
 * Calls an Office method that takes a callback, and waits at most `ms` for it, through the
 * add-in's one Office call wrapper; its failures become StepErrors the notification can name.
 */
export function officeCall<T>(label: string, ms: number, start: Parameters<typeof callOffice<T>>[2]): Promise<T> {
  return callOffice<T>(label, ms, start).catch((e: unknown) => {
    if (!(e instanceof OfficeCallError)) throw asStepError(e);
    if (e.failure === 'timeout') throw new StepError('timeout', 'Timeout', `${label}: no answer within ${ms} ms`);
    throw new StepError('office', e.code ?? 'Failed', e.message);
  });
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
