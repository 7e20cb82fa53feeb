// Runs in the page's own world (MAIN), before the page's scripts. Webmail sites open the
// file picker on <input type=file> elements they never attach to the document, so a
// listener on window never sees their `change`. This hook puts a listener on every input
// the page creates, ahead of the page's own, stops files over the limit there, and hands
// the other files to the content script for checking.
import { isFromContent, PAGE_SOURCE, type PageToContent } from './page-bridge';

(() => {
  let maxFileBytes = Infinity;
  let maxTotalBytes = Infinity;
  const watched = new WeakSet<HTMLInputElement>();

  window.addEventListener('message', (e) => {
    if (e.source === window && isFromContent(e.data) && e.data.kind === 'limits') {
      maxFileBytes = e.data.maxFileBytes;
      maxTotalBytes = e.data.maxTotalBytes;
    }
  });

  const post = (msg: PageToContent) => window.postMessage(msg, location.origin);

  function onChange(this: HTMLInputElement, e: Event): void {
    // Inputs inside the document are the content script's: it listens at window.
    if (this.type !== 'file' || this.isConnected || !this.files?.length) return;
    const files = Array.from(this.files);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const over = files.filter((f) => f.size > maxFileBytes);
    if (over.length > 0 || total > maxTotalBytes) {
      e.stopImmediatePropagation();
      this.value = '';
      post({ source: PAGE_SOURCE, kind: 'blocked', files: (over.length ? over : files).map((f) => ({ name: f.name, size: f.size })) });
      return;
    }
    post({ source: PAGE_SOURCE, kind: 'files', files });
  }

  function watch(input: HTMLInputElement): void {
    if (watched.has(input)) return;
    watched.add(input);
    input.addEventListener('change', onChange, true);
  }

  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    const el = createElement.call(this, tag, options);
    if (el instanceof HTMLInputElement) watch(el);
    return el;
  } as typeof Document.prototype.createElement;

  // Inputs made another way (cloned, parsed from HTML) are caught when the picker opens.
  for (const method of ['click', 'showPicker'] as const) {
    const original = HTMLInputElement.prototype[method];
    if (typeof original !== 'function') continue;
    HTMLInputElement.prototype[method] = function (this: HTMLInputElement, ...args: []) {
      if (this.type === 'file') watch(this);
      return original.apply(this, args);
    };
  }
})();
