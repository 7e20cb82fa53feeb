// Helpers every adapter shares for turning webmail DOM into a ComposeDraft. No site knowledge
// lives here: selectors stay in sites/<site>/selectors.ts.

import type { ComposeDraft } from './types.js';

/** One address in a string: the part between <…> if present, else the first bare address. */
const ANGLE_ADDRESS = /<\s*([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)\s*>/u;
const BARE_ADDRESS = /[^\s<>(),;:"'@]+@[^\s<>(),;:"'@]+\.[^\s<>(),;:"'@]+/u;

/** Lower-cased address found in `text`, or undefined when it holds none (a display name). */
export function addressIn(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.normalize('NFC');
  const found = ANGLE_ADDRESS.exec(t)?.[1] ?? BARE_ADDRESS.exec(t)?.[0];
  return found ? found.replace(/^mailto:/iu, '').toLowerCase() : undefined;
}

/** Visible text of an element, NFC, whitespace runs collapsed (for names and chip labels). */
export function labelOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Plain text of an editable body. innerText keeps the line breaks the user sees; it is
 * missing (or empty for detached/hidden nodes) in some environments, so textContent backs it.
 */
export function bodyTextOf(el: HTMLElement | null | undefined): string {
  if (!el) return '';
  const inner = typeof el.innerText === 'string' ? el.innerText : '';
  const text = inner.trim() ? inner : (el.textContent ?? '');
  return text.normalize('NFC');
}

/** href of every link in the body, as written (mailto: included). */
export function linksOf(el: Element | null | undefined): string[] {
  if (!el) return [];
  const out: string[] = [];
  for (const a of el.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (href) out.push(href.trim());
  }
  return out;
}

const SIZE = /([\d]+(?:[.,]\d+)?)\s*(b|byte|bytes|k|kb|m|mb|g|gb)\b/iu;
const UNIT: Record<string, number> = { b: 1, byte: 1, bytes: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Bytes from a size label as the sites print it: "(245K)", "1,2 MB" (Vietnamese decimal comma), "30 KB". */
export function sizeIn(text: string | null | undefined): number | undefined {
  const m = text ? SIZE.exec(text) : null;
  if (!m?.[1] || !m[2]) return undefined;
  const n = Number(m[1].replace(',', '.'));
  const unit = UNIT[m[2].toLowerCase()];
  return Number.isFinite(n) && unit ? Math.round(n * unit) : undefined;
}

/** First element under `root` matching any selector in the list, in list order (fallbacks). */
export function firstMatch<T extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const s of selectors) {
    const el = root.querySelector<T & Element>(s);
    if (el) return el;
  }
  return null;
}

/** Every element under `root` matching any selector of the first list entry that matches at all. */
export function allOfFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const s of selectors) {
    const found = root.querySelectorAll(s);
    if (found.length) return Array.from(found);
  }
  return [];
}

/** Whether `node` is an Element (works across realms, unlike instanceof). */
export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/** The element an event target stands for: itself, or a text node's parent. */
export function elementOf(target: EventTarget | null): Element | null {
  if (isElement(target)) return target;
  const node = target as Node | null;
  return node && node.nodeType === 3 ? node.parentElement : null;
}

/** Sorts found recipients into the draft: addresses (deduplicated) or unknown display names. */
export class RecipientSink {
  readonly to = new Set<string>();
  readonly cc = new Set<string>();
  readonly bcc = new Set<string>();
  readonly unknown = new Set<string>();
  // official-directory (issue 14): the chip's display name, by address
  readonly names: Record<string, string> = {};

  /** Adds one recipient: the first candidate holding an address wins; else `name` is unknown. */
  add(field: 'to' | 'cc' | 'bcc', candidates: ReadonlyArray<string | null | undefined>, name: string): void {
    for (const c of candidates) {
      const a = addressIn(c);
      if (a) {
        this[field].add(a);
        const shown = name.normalize('NFC').trim();
        if (shown && !shown.includes('@')) this.names[a] = shown;
        return;
      }
    }
    const n = name.normalize('NFC').trim();
    if (n) this.unknown.add(n);
  }

  /** Typed but not yet committed text: counted only when it is an address. */
  addTyped(field: 'to' | 'cc' | 'bcc', value: string | null | undefined): void {
    for (const part of (value ?? '').split(/[,;]/u)) {
      const a = addressIn(part);
      if (a) this[field].add(a);
    }
  }

  fill(draft: Pick<ComposeDraft, 'to' | 'cc' | 'bcc' | 'unknownRecipients' | 'recipientNames'>): void {
    if (Object.keys(this.names).length > 0) draft.recipientNames = { ...this.names };
    draft.to = [...this.to];
    draft.cc = [...this.cc];
    draft.bcc = [...this.bcc];
    draft.unknownRecipients = [...this.unknown];
  }
}

export function emptyDraft(): ComposeDraft {
  return { to: [], cc: [], bcc: [], unknownRecipients: [], subject: '', bodyText: '', bodyLinks: [], attachments: [] };
}

// official-directory (issue 14)
/**
 * Sets a recipient input's text as typing would leave it: through the element's own value
 * setter (which frameworks watching the input observe) and an `input` event that bubbles.
 */
export function setTypedValue(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  input.focus();
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: value }));
}

export const BANNER_HOST_ATTR = 'data-congvu-banner-host';

/**
 * Returns the compose's banner host, creating it once. It sits right before `anchor` (the
 * body editor, so it scrolls with the compose) or, with no anchor, first inside `root`.
 * A host the site removed or moved out of the compose is recreated.
 */
export function ensureBannerHost(root: HTMLElement, anchor: Element | null): HTMLElement {
  let host = root.querySelector<HTMLElement>(`[${BANNER_HOST_ATTR}]`);
  if (host && anchor && host.nextElementSibling !== anchor && !host.contains(anchor)) {
    // The site re-rendered the editor elsewhere: move the host back above it.
    anchor.before(host);
  }
  if (host) return host;
  host = root.ownerDocument.createElement('div');
  host.setAttribute(BANNER_HOST_ATTR, '');
  if (anchor && root.contains(anchor) && anchor !== root) anchor.before(host);
  else root.prepend(host);
  return host;
}

/** Reports a field the adapter could not find, once per compose and field. */
export function makeOnceReporter<W extends string>(report: (what: W) => void): (what: W) => void {
  const seen = new Set<W>();
  return (what) => {
    if (seen.has(what)) return;
    seen.add(what);
    report(what);
  };
}
