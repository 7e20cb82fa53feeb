// The adapter registry: one entry per supported webmail.
import { createGmailAdapter, gmailAdapter } from './gmail/adapter.js';
import { createOutlookComAdapter, outlookComAdapter } from './outlook-com/adapter.js';
import type { SiteAdapter, UnreadableReport } from './types.js';
import { createYahooAdapter, yahooAdapter } from './yahoo/adapter.js';

export const ADAPTERS: readonly SiteAdapter[] = [gmailAdapter, yahooAdapter, outlookComAdapter];

const FACTORIES = [createGmailAdapter, createYahooAdapter, createOutlookComAdapter];

/** The adapter for a page; `report` hears of every compose part it could not read. */
export function adapterFor(url: URL, report?: UnreadableReport): SiteAdapter | undefined {
  const index = ADAPTERS.findIndex((a) => a.matches(url));
  if (index < 0) return undefined;
  return report ? FACTORIES[index]!(report) : ADAPTERS[index];
}
