// Content scripts use the browser's own promise-based API: Firefox's `browser.*`, and Chrome
// MV3's `chrome.*`, which returns promises for everything a page uses (sendMessage, storage,
// ports). Swapped in for browser-api.ts by extension/build.ts, so that no webmail tab loads
// webextension-polyfill. The background and the extension's pages, whose onMessage listeners
// answer with promises, take browser-api.promised.ts (issue 11); no bundle carries the polyfill.
import type Browser from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: typeof Browser; chrome: unknown };

export const browser: typeof Browser = scope.browser ?? (scope.chrome as typeof Browser);
export type { Runtime, Scripting, Storage, Tabs } from 'webextension-polyfill';
