// Chrome/Edge content scripts: MV3's own chrome.* already returns promises for everything the
// pages use (sendMessage, storage, ports), so they go without webextension-polyfill. Swapped
// in for browser-api.ts by extension/build.ts; the background keeps the polyfill, whose
// promise-returning onMessage listeners Chrome's API does not take.
import type Browser from 'webextension-polyfill';

export const browser = chrome as unknown as typeof Browser;
export type { Runtime, Scripting, Storage, Tabs } from 'webextension-polyfill';
