// issue 11 (page weight): shared by the public and the official webmails' page scripts, whose
// checks arrive in a file of their own on the first compose (checks-loader.ts).
import type { ComposeHandle } from '../sites/types';

/**
 * A compose found while the checks are on their way: it holds every Send (nothing unchecked
 * goes out), and once its session exists, a Send it held is put to the session, which explains.
 */
export class ArrivingCompose {
  sendHeld = false;
  constructor(readonly handle: ComposeHandle) {}
  shouldStopSend(): boolean {
    this.sendHeld = true;
    return true;
  }
}

/** The compose (a session, or one whose checks are on their way) whose root holds `target`. */
export function composeHolding<T extends { handle: ComposeHandle }>(composes: Iterable<T>, target: EventTarget | null): T | undefined {
  if (!(target instanceof Node)) return undefined;
  for (const c of composes) if (c.handle.root.contains(target)) return c;
  return undefined;
}
