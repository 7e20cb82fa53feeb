// What a tab tells the background about itself for the popup (site, drafts, findings), sent
// only when it changes (issue 11): a check runs at every pause in typing, and most leave the
// count as it was, while each message wakes the service worker if it is stopped.
import type { TabStatus } from '../host/messages';

/** A reporter that sends a status only when it differs from the last one sent; a failed send is tried again next time. */
export function changedStatusReporter(send: (status: TabStatus) => Promise<unknown>): (status: TabStatus) => void {
  let last: string | undefined;
  return (status) => {
    const key = JSON.stringify([status.site, status.composes, status.findings]);
    if (key === last) return;
    last = key;
    send(status).catch(() => {
      if (last === key) last = undefined;
    });
  };
}
