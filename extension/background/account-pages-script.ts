// The account-hygiene scripts (auto-forward-public, password-policy) run only on the policy's
// official webmail hosts, like the page hook (page-hook-script.ts, whose host list they share),
// never on other government sites and never in content.js. account-pages.js is small and
// recognises the pages; the checklist's bundle, with zxcvbn's dictionaries, is added to a frame
// only when that frame is a change-password page.
import type { Policy } from '../../core/policy';
import { browser, type Runtime, type Scripting } from '../host/browser-api';
import { officialWebmailMatches } from './page-hook-script';

const SCRIPT_ID = 'congvu-account-pages';
export const PASSWORD_CHECKLIST_FILE = 'password-checklist.js';

/** Where account-pages.js goes: the official hosts, unless both rules are off. */
export function accountPagesMatches(policy: Policy): string[] {
  if (policy.rules['auto-forward-public'] === 'off' && policy.rules['password-policy'] === 'off') return [];
  return officialWebmailMatches(policy);
}

export async function registerAccountPages(policy: Policy): Promise<void> {
  const script: Scripting.RegisteredContentScript = {
    id: SCRIPT_ID,
    js: ['account-pages.js'],
    matches: accountPagesMatches(policy),
    runAt: 'document_idle',
    // Roundcube shows its settings in a frame of the same host.
    allFrames: true,
    persistAcrossSessions: true,
  };
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (script.matches!.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  } else if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/** Adds the checklist to the frame that asked, if that frame is on an official host the policy names. */
export async function loadPasswordChecklist(sender: Runtime.MessageSender, policy: Policy): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url || policy.rules['password-policy'] === 'off') return false;
  const origin = new URL(sender.url).origin;
  if (!accountPagesMatches(policy).some((m) => m === `${origin}/*`)) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PASSWORD_CHECKLIST_FILE] });
  return true;
}
