// The adapter registry: one entry per supported webmail.
import type { SiteAdapter } from './types.js';
import { gmailAdapter } from './gmail/adapter.js';
import { yahooAdapter } from './yahoo/adapter.js';
import { outlookComAdapter } from './outlook-com/adapter.js';

export const ADAPTERS: readonly SiteAdapter[] = [gmailAdapter, yahooAdapter, outlookComAdapter];

export function adapterFor(url: URL): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.matches(url));
}
