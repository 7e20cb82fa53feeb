// The user's own private record: counts only, in storage.local, never sent anywhere.
import { browser } from '../host/browser-api';
import { EMPTY_RECORD, type RecordEvent, type UserRecord } from '../host/messages';

const KEY = 'userRecord';
let queue: Promise<unknown> = Promise.resolve();

export async function getRecord(): Promise<UserRecord> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<UserRecord> | undefined;
  return { ...EMPTY_RECORD, ...stored, unreadable: { ...stored?.unreadable } };
}

/** Counts one event; writes are queued so that two events at once both count. */
export function record(event: RecordEvent): Promise<UserRecord> {
  const next = queue.then(async () => {
    const r = await getRecord();
    if (typeof event === 'string') r[event] += 1;
    else r.unreadable[event.unreadable] = (r.unreadable[event.unreadable] ?? 0) + 1;
    await browser.storage.local.set({ [KEY]: r });
    return r;
  });
  queue = next.catch(() => undefined);
  return next;
}
