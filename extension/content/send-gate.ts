// Send, pressed with mouse, pointer or keyboard (and Ctrl/Cmd+Enter), is stopped in the capture
// phase at window when the compose's session refuses it; the public and the official webmails
// share it. Products act on different events of the press, so every one of them is stopped once
// Send is refused.
import type { ComposeSession } from './compose-session';

/** What the gate asks of a compose: a session, or one whose checks are still loading (issue 11). */
export type GatedCompose = Pick<ComposeSession, 'handle' | 'shouldStopSend'>;

export function interceptSend(sessions: () => Iterable<GatedCompose>, sessionAt: (t: EventTarget | null) => GatedCompose | undefined, signal: AbortSignal): void {
  // issue 11 (page weight): an event's target is read only while a compose is open, as reading it
  // wraps the page's element in this world (see compose-watcher.ts); with none, no Send is ours.
  const owner = (e: Event, gated = [...sessions()]) => {
    if (gated.length === 0) return undefined;
    const target = e.target;
    return gated.find((s) => s.handle.isSendControl(target));
  };
  let refusedPress = false;
  const onPress = (e: Event) => {
    const session = owner(e);
    if (!session) return;
    if (e.type === 'mousedown' || e.type === 'pointerdown') refusedPress = session.shouldStopSend();
    else if (e.type === 'click' && !refusedPress) refusedPress = session.shouldStopSend();
    if (refusedPress) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
    if (e.type === 'click') refusedPress = false;
  };
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) window.addEventListener(type, onPress, { capture: true, signal });
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const gated = [...sessions()];
      if (gated.length === 0) return;
      const button = owner(e, gated);
      const sendKey = e.key === 'Enter' && (e.ctrlKey || e.metaKey);
      if (!sendKey && !button) return;
      const session = button ?? sessionAt(e.target);
      if (session?.shouldStopSend()) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    { capture: true, signal },
  );
}
