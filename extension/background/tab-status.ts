// What each tab's content script last reported, for the popup. Content scripts report only
// when their status changes (content/tab-status.ts), and the service worker is stopped when
// idle, so the reports are kept in storage.session: in memory, for this browser session only,
// and out of the content scripts' reach, across the worker's restarts.
import { browser } from '../host/browser-api';
import type { TabStatus } from '../host/messages';

const keyOf = (tabId: number) => `tabStatus:${tabId}`;

export async function keepTabStatus(tabId: number, status: TabStatus): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: status });
}

export async function tabStatusOf(tabId: number): Promise<TabStatus | null> {
  return ((await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)] as TabStatus | undefined) ?? null;
}

export async function forgetTabStatus(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
