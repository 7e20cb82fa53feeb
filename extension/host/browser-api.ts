// The only module that touches the browser's extension API. webextension-polyfill gives
// Chrome/Edge (including older Chromium on government PCs) the promise-based `browser`.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Scripting, Storage, Tabs } from 'webextension-polyfill';
