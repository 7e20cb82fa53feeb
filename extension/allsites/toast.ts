// The nudge beside a field and the reuse alert, each in a closed shadow root: the page cannot
// read or restyle them, and page text is only ever set as text. Plain DOM, no framework: this
// code loads into every site.
import { BANNER_CSS } from '../ui/banner-style';
import type { ToastWords } from './config';

export interface ToastAction {
  id: string;
  label: string;
  primary?: boolean;
  run(): void;
}

export interface Toast {
  host: HTMLElement;
  remove(): void;
}

const EXTRA_CSS = '.banner{margin:0;max-width:420px}';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render(host: HTMLElement, mode: string, words: ToastWords, text: string, actions: ToastAction[], remove: () => void): void {
  const root = host.attachShadow({ mode: 'closed' });
  const style = el('style', '', BANNER_CSS + EXTRA_CSS);
  const box = el('div', `banner ${mode}`);
  box.setAttribute('role', mode === 'nudge' ? 'status' : 'alert');
  const head = el('div', 'head');
  head.append(el('span', '', words.product));
  const close = el('button', 'close', '×');
  close.setAttribute('aria-label', words.close);
  close.dataset.action = 'close';
  close.addEventListener('click', remove);
  head.append(close);
  const item = el('div', 'item');
  const label = el('span', `label ${mode}`, words.severity);
  const body = el('div', 'text');
  body.append(label, document.createTextNode(text));
  item.append(body, el('div', 'cite', words.citation));
  if (actions.length > 0) {
    const row = el('div', 'actions');
    for (const a of actions) {
      const b = el('button', a.primary ? 'primary' : '', a.label);
      b.dataset.action = a.id;
      b.addEventListener('click', a.run);
      row.append(b);
    }
    item.append(row);
  }
  box.append(head, item);
  root.append(style, box);
}

function mount(style: string, mode: string, words: ToastWords, text: string, actions: ToastAction[]): Toast {
  const host = document.createElement('div');
  host.setAttribute('data-congvu-toast', '');
  host.style.cssText = style;
  const toast: Toast = { host, remove: () => host.remove() };
  render(host, mode, words, text, actions, toast.remove);
  document.documentElement.append(host);
  return toast;
}

const NUDGE_WIDTH = 420;

/**
 * Beside `field`, in the page's coordinates (it scrolls with the field), without touching the
 * form's own markup: to its right when the window has room, so the next field stays in view, else just below.
 */
export function showBeside(field: HTMLElement, mode: string, words: ToastWords, text: string, actions: ToastAction[] = []): Toast {
  const r = field.getBoundingClientRect();
  const right = r.right + 8 + NUDGE_WIDTH <= document.documentElement.clientWidth;
  const top = (right ? r.top : r.bottom + 4) + window.scrollY;
  const left = (right ? r.right + 8 : Math.max(4, r.left)) + window.scrollX;
  return mount(`position:absolute;top:${top}px;left:${left}px;z-index:2147483647;width:max-content;max-width:min(${NUDGE_WIDTH}px,calc(100vw - 16px));`, mode, words, text, actions);
}

/** In the top right corner of the window. */
export function showAlert(mode: string, words: ToastWords, text: string, actions: ToastAction[]): Toast {
  return mount('position:fixed;top:12px;right:12px;z-index:2147483647;max-width:min(440px,calc(100vw - 24px));', mode, words, text, actions);
}
