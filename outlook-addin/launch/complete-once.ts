// Every launch-event handler must call event.completed exactly once, on every path, before
// Outlook's "taking longer" dialog (5 s for send). In classic Outlook a late second completed()
// can release a message the first one held back, so a second call is never made.

export interface CompletableEvent<O> {
  completed(options?: O): void;
}

export interface CompletionGuard<O> {
  /** Complete with `options`; true if this call completed the event, false if it was already done. */
  complete(options?: O): boolean;
  readonly done: boolean;
  /** Milliseconds left before the bound fires. */
  remainingMs(): number;
  /** Settles when the event has been completed, by whichever path. */
  readonly finished: Promise<void>;
}

/**
 * Guard `event` so it completes exactly once: by the first `complete()`, or when `timeoutMs`
 * passes, with what `decideOnTimeout()` returns. A throwing decider or completed() is contained.
 */
export function completeOnce<O>(event: CompletableEvent<O>, timeoutMs: number, decideOnTimeout: () => O | undefined): CompletionGuard<O> {
  const started = Date.now();
  let done = false;
  let markFinished: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (markFinished = resolve));
  const finish = (options: O | undefined): boolean => {
    if (done) return false;
    done = true;
    clearTimeout(timer);
    markFinished();
    try {
      if (options === undefined) event.completed();
      else event.completed(options);
    } catch {
      // The host refused the completion (item already closed); nothing more can be done.
    }
    return true;
  };
  const timer = setTimeout(() => {
    let options: O | undefined;
    try {
      options = decideOnTimeout();
    } catch {
      options = undefined;
    }
    finish(options);
  }, timeoutMs);
  return {
    complete: finish,
    get done() {
      return done;
    },
    remainingMs: () => Math.max(0, timeoutMs - (Date.now() - started)),
    finished,
  };
}

/**
 * Run `work` under a completion guard: its result completes the event; a throw or rejection
 * completes it with `decideOnFailure(error)`; the bound completes it with `decideOnFailure('timeout')`.
 */
export function runGuarded<O>(
  event: CompletableEvent<O>,
  timeoutMs: number,
  decideOnFailure: (reason: unknown) => O | undefined,
  work: (guard: CompletionGuard<O>) => Promise<O | undefined>,
): Promise<void> {
  const guard = completeOnce(event, timeoutMs, () => decideOnFailure('timeout'));
  const failed = (err: unknown) => {
    let options: O | undefined;
    try {
      options = decideOnFailure(err);
    } catch {
      options = undefined;
    }
    guard.complete(options);
  };
  try {
    work(guard).then((result) => guard.complete(result), failed);
  } catch (err) {
    failed(err);
  }
  // Resolves once the event is completed; work cut off by the bound may still be running.
  return guard.finished;
}
