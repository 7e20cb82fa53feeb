// Test-only helpers for the adapter suites: load a saved page into the DOM environment and
// collect what an adapter reports. Not imported by extension code.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComposeHandle, SiteAdapter } from './types.js';

// A string, not new URL(): the DOM environment replaces the URL global.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/webmail/');

/** Replaces the current document's content with a fixture page (parsed, never innerHTML). */
export function loadFixture(relPath: string): Document {
  const html = readFileSync(FIXTURES + relPath, 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceChildren(document.importNode(parsed.head, true), document.importNode(parsed.body, true));
  return document;
}

/** Lets pending MutationObserver callbacks run. */
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface Recorder {
  opened: ComposeHandle[];
  closed: ComposeHandle[];
  controller: AbortController;
}

export function startWatching(adapter: SiteAdapter, doc: Document = document): Recorder {
  const rec: Recorder = { opened: [], closed: [], controller: new AbortController() };
  adapter.watch(doc, rec.controller.signal, (c) => rec.opened.push(c), (c) => rec.closed.push(c));
  return rec;
}

/** Simulates a click landing on `el` and returns its target as the host would see it. */
export function clickTarget(el: Element): EventTarget | null {
  let seen: EventTarget | null = null;
  const listener = (e: Event) => { seen = e.target; };
  el.ownerDocument.addEventListener('click', listener, true);
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  el.ownerDocument.removeEventListener('click', listener, true);
  return seen;
}
