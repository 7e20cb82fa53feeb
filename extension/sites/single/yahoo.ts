// content-yahoo.js's adapter registry (extension/build.ts): this webmail's adapter alone, so the
// script in its tabs does not carry the other webmails' adapters and selectors (issue 11).
import { createYahooAdapter, yahooAdapter } from '../yahoo/adapter.js';
import { siteRegistry } from '../registry.js';

export const { ADAPTERS, adapterFor } = siteRegistry([yahooAdapter], [createYahooAdapter]);
