// Stops files over the policy's limits before the page can upload them: file inputs in
// the document (change), drag and drop, and paste, all in the capture phase at window, so
// the page's own listeners never see the event. Files picked for inputs the page never
// attaches to the document come from the page hook over the private channel; their sizes
// are checked here, and only the files allowed go back to the page.
import type { ContentToHook, FileInfo, HookToContent } from './page-bridge';

export interface Limits {
  maxFileBytes: number;
  maxTotalBytes: number;
}

export interface GuardCallbacks {
  /** Settles once the policy is known; picks that arrive earlier wait for it. */
  ready: Promise<unknown>;
  limits(): Limits | undefined;
  /** Files stopped; `target` is where they were headed (an input, a drop zone), if known. */
  blocked(files: FileInfo[], target: EventTarget | null): void;
  /** Files let through, for the content checks (documents citing public contacts…). */
  accepted(files: File[], target: EventTarget | null): void;
}

function overLimit(files: readonly File[], limits: Limits): File[] {
  const over = files.filter((f) => f.size > limits.maxFileBytes);
  if (over.length > 0) return over;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  return total > limits.maxTotalBytes ? [...files] : [];
}

const info = (f: File): FileInfo => ({ name: f.name, size: f.size });

export function startAttachmentGuard(cb: GuardCallbacks, signal: AbortSignal, hook?: MessagePort): void {
  const handle = (e: Event, files: File[], onBlock: () => void) => {
    if (files.length === 0) return;
    const limits = cb.limits();
    const over = limits ? overLimit(files, limits) : [];
    if (over.length > 0) {
      e.preventDefault();
      e.stopImmediatePropagation();
      onBlock();
      cb.blocked(over.map(info), e.target);
      return;
    }
    cb.accepted(files, e.target);
  };
  const opts = { capture: true, signal };
  window.addEventListener(
    'change',
    (e) => {
      // issue 11 (page time): the target alone is looked at, not the page (a query for a file
      // input walks every element when there is none: ~0.5 ms in a 54,000-element inbox, at every
      // change of a checkbox or a search box). Wrapping the target sets up its element type in
      // this world once per tab (an input's: ~14 KB in Chromium, which the all-sites script's
      // input listener sets up as soon as a field is typed in).
      const input = e.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
      handle(e, Array.from(input.files ?? []), () => {
        input.value = '';
      });
    },
    opts,
  );
  window.addEventListener('drop', (e) => handle(e, Array.from(e.dataTransfer?.files ?? []), () => undefined), opts);
  window.addEventListener('paste', (e) => handle(e, Array.from(e.clipboardData?.files ?? []), () => undefined), opts);
  if (hook) serveHook(hook, cb, signal);
}

// Firefox hands the page's File to the content script through a wrapper that fails instanceof.
const isFile = (f: unknown): f is File => f instanceof File || Object.prototype.toString.call(f) === '[object File]';

function serveHook(hook: MessagePort, cb: GuardCallbacks, signal: AbortSignal): void {
  hook.onmessage = async (m: MessageEvent<HookToContent>) => {
    const { kind, id } = m.data;
    if (kind !== 'picked' || typeof id !== 'number') return;
    // Anything that is not a real File is left out, whatever the page world sent.
    const sent = Array.from(m.data.files ?? []);
    const real = sent.map(isFile);
    const files = sent.filter((_, k) => real[k]);
    await cb.ready;
    if (signal.aborted) return;
    const limits = cb.limits();
    const over = limits ? overLimit(files, limits) : [];
    const allow = over.length > 0 ? [] : sent.flatMap((_, k) => (real[k] ? [k] : []));
    const reply: ContentToHook = { kind: 'verdict', id, allow };
    hook.postMessage(reply);
    if (over.length > 0) cb.blocked(over.map(info), null);
    else cb.accepted(files, null);
  };
  signal.addEventListener('abort', () => hook.close());
}
