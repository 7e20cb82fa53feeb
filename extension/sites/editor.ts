// Official webmail (issue 12): reading and rewriting the editors official products use — a
// plain textarea, a contenteditable element, or an HTML editor (TinyMCE, CKEditor) whose
// document lives in a same-origin iframe. Conversion changes only the characters of text
// nodes (never markup), so formatting, signatures and quoted history stay as they were.
import { bodyTextOf, linksOf } from './read.js';
import type { LegacyConverter } from './types.js';

const isTag = (el: Element | null | undefined, tag: string): boolean => !!el && el.tagName === tag;

/** The element holding an editor's text: the iframe's body for iframe editors, else the element itself. */
export function editableOf(el: Element | null): HTMLElement | null {
  if (!el) return null;
  if (isTag(el, 'IFRAME')) {
    try {
      return (el as HTMLIFrameElement).contentDocument?.body ?? null;
    } catch {
      return null; // another origin: not an editor of this page
    }
  }
  return el as HTMLElement;
}

export function editorText(el: Element | null): string {
  if (isTag(el, 'TEXTAREA') || isTag(el, 'INPUT')) return ((el as HTMLTextAreaElement).value ?? '').normalize('NFC');
  return bodyTextOf(editableOf(el));
}

export function editorLinks(el: Element | null): string[] {
  if (isTag(el, 'TEXTAREA') || isTag(el, 'INPUT')) return [];
  return linksOf(editableOf(el));
}

/** Sets a form field's value as typing would: the native setter (frameworks watch it), then input and change. */
function setFieldValue(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Converts legacy text in a field or an editor in place; returns how many runs changed. */
export function convertIn(el: Element | null, { hasLegacyText, convertLegacyText }: LegacyConverter): number {
  if (!el) return 0;
  if (isTag(el, 'TEXTAREA') || isTag(el, 'INPUT')) {
    const field = el as HTMLInputElement | HTMLTextAreaElement;
    if (!hasLegacyText(field.value)) return 0;
    const { text, runs } = convertLegacyText(field.value);
    if (runs.length > 0) setFieldValue(field, text.normalize('NFC'));
    return runs.length;
  }
  const root = editableOf(el);
  if (!root) return 0;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let count = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!hasLegacyText(node.data)) continue;
    const { text, runs } = convertLegacyText(node.data);
    if (runs.length === 0) continue;
    node.data = text.normalize('NFC');
    count += runs.length;
  }
  // Editors keep their own model in step with the DOM on input (TinyMCE, contenteditable apps).
  if (count > 0) root.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
  return count;
}
