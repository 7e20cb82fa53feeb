// issue 11 (page weight): adds content-checks.js (the compose checks) to the frame of a public
// webmail that asks for it, on its first compose (content/checks-loader.ts). The file is fixed
// here, never named by the message, and goes only to a frame on a public webmail's own host,
// into the extension's isolated world (executeScript's default), never the page's.
import { browser, type Runtime } from '../host/browser-api';
import { WEBMAIL_MATCHES } from '../manifest-matches';

export const PAGE_CHECKS_FILE = 'content-checks.js';

export async function loadPageChecks(sender: Runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.id !== browser.runtime.id || !sender.url) return false;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return false;
  }
  if (!WEBMAIL_MATCHES.includes(`${origin}/*`)) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PAGE_CHECKS_FILE] });
  return true;
}

/** The background's listener for it: answers only its own message type. */
export function pageChecksMessage(raw: unknown, sender: Runtime.MessageSender): Promise<boolean> | undefined {
  return (raw as { type?: unknown } | undefined)?.type === 'load-page-checks' ? loadPageChecks(sender) : undefined;
}
