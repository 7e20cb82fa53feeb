// The official directory in the compose pane, never in launchevent.js (a fresh, small runtime per
// event): fetched only when a draft has something to look up (a recipient outside the official
// domains, an attachment, an address in the body), kept in localStorage where the host allows it,
// and revalidated with its ETag. The one request is a GET of IT's file; nothing of the draft goes.
import type { AddressClassifier } from '../../core/address/classify';
import { fetchDirectory, loadDirectory, type CachedDirectory, type DirectoryIndex, type DirectoryStore } from '../../core/directory';
import type { MessageView, Policy } from '../../core';
import { officeCall } from '../office/call';
import type { ComposeItem, RecipientField } from '../office/compose';

const STORE_KEY = 'congvu-guard.directory';

const localStore: DirectoryStore = {
  read: () => {
    try {
      const raw = localStorage.getItem(STORE_KEY);
      return Promise.resolve(raw ? (JSON.parse(raw) as CachedDirectory) : undefined);
    } catch {
      return Promise.resolve(undefined);
    }
  },
  write: (value) => {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(value));
    } catch {
      // Storage full or refused (some hosts): the copy in memory serves this pane.
    }
    return Promise.resolve();
  },
};

let current: { url: string; index: Promise<DirectoryIndex | undefined> } | undefined;

/** Whether the draft has anything the directory could answer about. */
export function worthLookingUp(view: MessageView, classifier: AddressClassifier): boolean {
  const recipients = [...view.to, ...view.cc, ...view.bcc];
  return recipients.some((a) => classifier.classify(a) !== 'official') || view.attachments.length > 0 || /@|\[\s*at\s*\]|\(\s*at\s*\)/i.test(view.bodyText);
}

export function paneDirectory(policy: Policy, fetchFn: typeof fetch = fetch.bind(globalThis)): Promise<DirectoryIndex | undefined> {
  const url = policy.officialDirectoryUrl;
  if (!url) return Promise.resolve(undefined);
  if (current?.url !== url) {
    const index = fetchDirectory(url, { fetchFn: (u, init) => fetchFn(u, init), store: localStore }).then((r) => {
      if (r.error) console.warn(`congvu-guard: the official directory could not be refreshed from ${url}: ${r.error}`);
      return r.directory ? loadDirectory(r.directory) : undefined;
    });
    current = { url, index };
  }
  return current.index;
}

/** Display names Outlook shows for the recipients, by address: the directory can match a colleague by name. */
export async function readRecipientNames(item: ComposeItem, callMs: number): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const recipients = item[field] as Office.Recipients | undefined;
    if (!recipients || typeof recipients.getAsync !== 'function') continue;
    const list = (await officeCall<Office.EmailAddressDetails[]>(`item.${field}.getAsync`, callMs, (cb) => recipients.getAsync(cb)).catch(() => [])) ?? [];
    for (const r of list) if (r.emailAddress && r.displayName && !r.displayName.includes('@')) names[r.emailAddress.toLowerCase()] = r.displayName.normalize('NFC');
  }
  return names;
}

/**
 * Puts `to` in place of `from` in one recipient field through Office.js: Recipients.getAsync,
 * then Recipients.setAsync with the same list (Mailbox 1.1), so the others stay as they were.
 */
export async function replaceRecipient(item: ComposeItem, field: RecipientField, from: string, to: { address: string; name: string }, callMs: number): Promise<boolean> {
  const recipients = item[field] as Office.Recipients | undefined;
  if (!recipients || typeof recipients.setAsync !== 'function') return false;
  const list = (await officeCall<Office.EmailAddressDetails[]>(`item.${field}.getAsync`, callMs, (cb) => recipients.getAsync(cb))) ?? [];
  const at = list.findIndex((r) => r.emailAddress?.toLowerCase() === from.toLowerCase());
  if (at < 0) return false;
  const next = list.map((r, k) => (k === at ? { displayName: to.name, emailAddress: to.address } : { displayName: r.displayName, emailAddress: r.emailAddress }));
  await officeCall<void>(`item.${field}.setAsync`, callMs, (cb) => recipients.setAsync(next, cb));
  return true;
}
