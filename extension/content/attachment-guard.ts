// Stops files over the policy's limits before the page can upload them: file inputs in
// the document (change), drag and drop, and paste, all in the capture phase at window, so
// the page's own listeners never see the event. Detached inputs are the page hook's.
import { CONTENT_SOURCE, isFromPage, type ContentToPage, type FileInfo } from './page-bridge';

export interface Limits {
  maxFileBytes: number;
  maxTotalBytes: number;
}

export interface GuardCallbacks {
  limits(): Limits | undefined;
  /** Files stopped; `target` is where they were headed (an input, a drop zone), if known. */
  blocked(files: FileInfo[], target: EventTarget | null): void;
  /** Files let through, for the content checks (documents citing public contacts…). */
  accepted(files: File[], target: EventTarget | null): void;
}

function overLimit(files: readonly File[], limits: Limits): FileInfo[] {
  const over = files.filter((f) => f.size > limits.maxFileBytes);
  if (over.length > 0) return over;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  return total > limits.maxTotalBytes ? [...files] : [];
}

export function startAttachmentGuard(cb: GuardCallbacks, signal: AbortSignal): void {
  const handle = (e: Event, files: File[], onBlock: () => void) => {
    if (files.length === 0) return;
    const limits = cb.limits();
    const over = limits ? overLimit(files, limits) : [];
    if (over.length > 0) {
      e.preventDefault();
      e.stopImmediatePropagation();
      onBlock();
      cb.blocked(over.map((f) => ({ name: f.name, size: f.size })), e.target);
      return;
    }
    cb.accepted(files, e.target);
  };
  const opts = { capture: true, signal };
  window.addEventListener(
    'change',
    (e) => {
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
  window.addEventListener(
    'message',
    (e) => {
      if (e.source !== window || !isFromPage(e.data)) return;
      if (e.data.kind === 'blocked') cb.blocked(e.data.files, null);
      else cb.accepted(e.data.files, null);
    },
    opts,
  );
}

/** Tells the page hook the limits it enforces on detached inputs. */
export function sendLimitsToPage(limits: Limits): void {
  const msg: ContentToPage = { source: CONTENT_SOURCE, kind: 'limits', ...limits };
  window.postMessage(msg, location.origin);
}
