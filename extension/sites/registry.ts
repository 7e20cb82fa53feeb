// The adapter lookup, apart from the list of adapters: content.js gets every public webmail's
// adapter (sites/index.ts), each per-site content script only its own (sites/single/, issue 11).
import type { SiteAdapter, UnreadableReport } from './types.js';

export type AdapterFactory = (report: UnreadableReport) => SiteAdapter;

export function siteRegistry(adapters: readonly SiteAdapter[], factories: readonly AdapterFactory[]) {
  /** The adapter for a page; `report` hears of every compose part it could not read. */
  function adapterFor(url: URL, report?: UnreadableReport): SiteAdapter | undefined {
    const index = adapters.findIndex((a) => a.matches(url));
    if (index < 0) return undefined;
    return report ? factories[index]!(report) : adapters[index];
  }
  return { ADAPTERS: adapters, adapterFor };
}
