// item.sessionData (Mailbox 1.11): string values kept with the draft while it is open, shared by
// every event of this add-in on the item, 50,000 characters in all. Used to carry what
// attachments-changed read over to send. Hosts without 1.11 get `undefined` and the caller
// keeps its in-memory copy.
import { officeCall } from './call';
import type { ComposeItem } from './compose';
import { supportsMailbox } from './requirements';

function sessionDataOf(item: ComposeItem): Office.SessionData | undefined {
  if (!supportsMailbox('1.11')) return undefined;
  const data = (item as { sessionData?: Office.SessionData }).sessionData;
  return data && typeof data.getAsync === 'function' ? data : undefined;
}

export function sessionDataAvailable(item: ComposeItem): boolean {
  return sessionDataOf(item) !== undefined;
}

/** The stored value, or undefined when absent, unsupported or unreadable. */
export async function sessionGet(item: ComposeItem, key: string, timeoutMs: number): Promise<string | undefined> {
  const data = sessionDataOf(item);
  if (!data) return undefined;
  try {
    const value = await officeCall<string>(`sessionData.getAsync(${key})`, timeoutMs, (cb) => data.getAsync(key, cb));
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  } catch {
    // An absent key is reported as Failed by the host.
    return undefined;
  }
}

/** Store a value; false when it could not be stored (unsupported, full, failed). */
export async function sessionSet(item: ComposeItem, key: string, value: string, timeoutMs: number): Promise<boolean> {
  const data = sessionDataOf(item);
  if (!data) return false;
  try {
    await officeCall<void>(`sessionData.setAsync(${key})`, timeoutMs, (cb) => data.setAsync(key, value, cb));
    return true;
  } catch {
    return false;
  }
}
