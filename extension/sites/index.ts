// The adapter registry: one entry per supported webmail.
import { createGmailAdapter, gmailAdapter } from './gmail/adapter.js';
import { createOutlookComAdapter, outlookComAdapter } from './outlook-com/adapter.js';
import { siteRegistry } from './registry.js';
import { createYahooAdapter, yahooAdapter } from './yahoo/adapter.js';

export const { ADAPTERS, adapterFor } = siteRegistry([gmailAdapter, yahooAdapter, outlookComAdapter], [createGmailAdapter, createYahooAdapter, createOutlookComAdapter]);
