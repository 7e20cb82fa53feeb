// issue 11 (page weight): adds the compose checks to the frame of a webmail that asks for them, on
// its first compose (content/checks-loader.ts): content-checks.js to a public webmail's frame,
// official-checks.js to a frame of one of the policy's official webmail hosts (where official.js
// is registered). The file is chosen here from the sender's origin, never named by the message,
// and goes into the extension's isolated world (executeScript's default), never the page's.
import { isCheckedWebmailPage } from '../../core/policy/official-webmail';
import { browser, type Runtime } from '../host/browser-api';
import { WEBMAIL_MATCHES } from '../manifest-matches';
import { getPolicy } from './policy';

export const PAGE_CHECKS_FILE = 'content-checks.js';
export const OFFICIAL_CHECKS_FILE = 'official-checks.js';

/** The checks file for a frame at `url`, or none where no page script of ours asks for one. */
async function checksFileFor(url: URL): Promise<string | undefined> {
  if (WEBMAIL_MATCHES.includes(`${url.origin}/*`)) return PAGE_CHECKS_FILE;
  if (url.protocol !== 'https:') return undefined;
  return isCheckedWebmailPage((await getPolicy()).policy, url) ? OFFICIAL_CHECKS_FILE : undefined;
}

export async function loadPageChecks(sender: Runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.id !== browser.runtime.id || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const file = await checksFileFor(url);
  if (!file) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
  return true;
}

/** The background's listener for it: answers only its own message type. */
export function pageChecksMessage(raw: unknown, sender: Runtime.MessageSender): Promise<boolean> | undefined {
  return (raw as { type?: unknown } | undefined)?.type === 'load-page-checks' ? loadPageChecks(sender) : undefined;
}
