// issue 11 (page weight): the composes of a frame, kept by the public and the official webmails'
// page scripts alike, whose checks arrive in a file of their own on the first compose
// (checks-loader.ts): until then a compose holds Send and files wait for its session.
import type { ComposeHandle } from '../sites/types';
import type { ComposeSession } from './compose-session';
import { interceptSend, type GatedCompose } from './send-gate';

/**
 * A compose found while the checks are on their way: it holds every Send (nothing unchecked
 * goes out), and once its session exists, a Send it held is put to the session, which explains.
 */
type ArrivingCompose = GatedCompose & { sendHeld?: true };

/*
 * The registry of this frame's composes, for the one page script it runs in (each bundle has its
 * own copy): those with a session, and those whose checks are on their way. Module functions
 * rather than an object, so that the minifier shortens every name and drops what a script does
 * not use (issue 11: the page scripts' weight).
 */

/** The composes whose checks have arrived, by handle. */
export const sessions = new Map<ComposeHandle, ComposeSession>();
/** Composes found while the checks are loading; a compose closed meanwhile leaves it. */
const arriving = new Map<ComposeHandle, ArrivingCompose>();
/** Files met before their compose's session exists (dropped as the page loads, or attached while the checks load). */
const early: [target: EventTarget | null, give: (session: ComposeSession) => void][] = [];
let lastFocused: ComposeSession | undefined;
let changed: (() => void) | undefined;

/** The compose (a session, or one whose checks are on their way) whose root holds `target`. */
function holding<T extends { handle: ComposeHandle }>(composes: Map<ComposeHandle, T>, target: EventTarget | null): T | undefined {
  if (!(target instanceof Node)) return undefined;
  for (const [, c] of composes) if (c.handle.root.contains(target)) return c;
  return undefined;
}

const sessionAt = (target: EventTarget | null) => holding(sessions, target);

/**
 * Stops Send in every compose that refuses it (one whose checks are on their way refuses all),
 * and follows focus, for files dropped outside any compose. `onChange`: a session opened or closed.
 */
export function guardComposes(until: AbortSignal, onChange?: () => void): void {
  changed = onChange;
  interceptSend(() => [...sessions.values(), ...arriving.values()], (target) => sessionAt(target) ?? holding(arriving, target), until);
  // Focus outside every compose is not read (issue 11: reading a target wraps it, see send-gate.ts).
  document.addEventListener('focusin', (e) => sessions.size && (lastFocused = sessionAt(e.target) ?? lastFocused), { capture: true, signal: until });
}

/** A compose found: it holds Send until the checks arrive and `open` gives it its session. */
export function composeFound<C>(handle: ComposeHandle, checks: Promise<C>, open: (checks: C) => ComposeSession): void {
  const waiting: ArrivingCompose = { handle, shouldStopSend: () => (waiting.sendHeld = true) };
  arriving.set(handle, waiting);
  void checks.then((c) => {
    if (arriving.get(handle) !== waiting) return;
    arriving.delete(handle);
    const session = open(c);
    sessions.set(handle, session);
    // Files wait for the compose they were meant for, not for the first session to open.
    for (const [target, give] of early.splice(0)) {
      if (holding(arriving, target)) early.push([target, give]);
      else give(sessionAt(target) ?? session);
    }
    if (waiting.sendHeld) session.answerHeldSend();
    changed?.();
  });
}

export function composeClosed(handle: ComposeHandle): void {
  arriving.delete(handle);
  sessions.get(handle)?.dispose();
  sessions.delete(handle);
  changed?.();
}

/** Lets every compose go: the Outlook add-in checks this page from now on. */
export function dropComposes(): void {
  for (const s of sessions.values()) s.dispose();
  sessions.clear();
  arriving.clear();
  lastFocused = undefined;
}

/**
 * Hands files to their compose's session, or keeps them until it exists. With `orElse`, files
 * with no session to go to and no compose on its way are its own, not kept.
 */
export function toSession(target: EventTarget | null, give: (session: ComposeSession) => void, orElse?: () => unknown): void {
  const session = !holding(arriving, target) && (sessionAt(target) ?? lastFocused ?? [...sessions.values()].at(-1));
  if (session) give(session);
  else if (orElse && !arriving.size) orElse();
  else early.push([target, give]);
}
