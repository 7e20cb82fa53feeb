// One MutationObserver per page that finds compose surfaces for an adapter. Per mutation it looks
// only at added and removed element nodes: added ones (and their descendants) are matched against
// the adapter's marker selector, and each marker is mapped to its compose root; a root already
// seen is skipped (WeakMap). Removals only check the few tracked roots for isConnected, so a
// compose Gmail re-parents within one task (mole <-> full screen) is not reported as closed.

import type { ComposeHandle } from './types.js';
import { isElement } from './read.js';

export interface ComposeWatchSpec {
  /** Elements that exist only inside a compose (its editor, subject, Send button…). */
  readonly markerSelector: string;
  /** The compose root a marker belongs to, or null while the compose is still incomplete. */
  rootOf(marker: Element): HTMLElement | null;
  /** Builds the handle for a newly found root. */
  makeHandle(root: HTMLElement): ComposeHandle;
}

export function watchComposes(
  doc: Document,
  signal: AbortSignal,
  spec: ComposeWatchSpec,
  onCompose: (c: ComposeHandle) => void,
  onClosed: (c: ComposeHandle) => void,
): void {
  if (signal.aborted) return;
  const handles = new WeakMap<HTMLElement, ComposeHandle>();
  const open = new Set<HTMLElement>();

  const consider = (marker: Element): void => {
    const root = spec.rootOf(marker);
    if (!root || open.has(root) || !root.isConnected) return;
    let handle = handles.get(root);
    if (!handle) {
      handle = spec.makeHandle(root);
      handles.set(root, handle);
    }
    open.add(root);
    onCompose(handle);
  };

  const scan = (el: Element): void => {
    if (el.matches(spec.markerSelector)) consider(el);
    // Leaf nodes (text runs, icons) are most of what webmail inserts: skip the query for them.
    if (el.firstElementChild) for (const m of el.querySelectorAll(spec.markerSelector)) consider(m);
  };

  const sweepClosed = (): void => {
    for (const root of open) {
      if (root.isConnected) continue;
      open.delete(root);
      const handle = handles.get(root);
      if (handle) onClosed(handle);
    }
  };

  const observer = new MutationObserver((records) => {
    // issue 11 (page weight): reading a record's nodes wraps them in this world, and the first
    // wrapper of a kind sets up its whole interface (Element and HTMLElement alone: tens of KB,
    // kept for the tab's life). With no compose open, one query of the document, which wraps
    // nothing when it finds nothing, says whether any added node can hold a marker: none can
    // unless a marker is in the document now (an added node that left again is skipped below).
    // The query walks the page (about 0.5 ms for a 5,500-element inbox), so only when nodes came.
    if (!open.size && (!records.some((r) => r.addedNodes.length) || !doc.querySelector(spec.markerSelector))) return;
    let removed = false;
    for (const r of records) {
      if (r.removedNodes.length && open.size) {
        for (const n of r.removedNodes) if (isElement(n)) removed = true;
      }
    }
    // Closures first, so a page that swaps one compose for another reports close before open.
    if (removed) sweepClosed();
    for (const r of records) {
      for (const n of r.addedNodes) if (isElement(n) && n.isConnected) scan(n);
    }
  });

  // issue 11 (page weight): while the parser builds the page, every node it inserts is a record
  // of its own, and reading one gives it a wrapper in this isolated world, which sets up that
  // element type's whole interface here (Element and HTMLElement alone: ~50 KB, kept for the
  // tab's life). So the page as served is queried once it is parsed and watched from then on.
  // The webmails build their composes with script once loaded (official.js waits for the parse
  // itself), so none is missed; a compose in the served page is found by the query.
  const begin = () => {
    if (signal.aborted) return;
    observer.observe(doc, { childList: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    // A query of the document wraps only what it finds: no element type is set up for a page without a compose.
    for (const m of doc.querySelectorAll(spec.markerSelector)) consider(m);
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', begin, { once: true, signal });
  else begin();
}
