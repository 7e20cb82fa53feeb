// The page-world hook runs only where it is needed: on the public webmails and on the
// policy's official webmail hosts, never on other government sites (e-service portals keep
// their own file pickers and native functions). It is registered once the policy is known
// and re-registered when the policy changes. Both browsers support `world: 'MAIN'` in
// scripting.registerContentScripts (Chrome 111+, Firefox 128+); hosts outside the
// extension's existing host permissions are left out, so no new host permission is needed.
import type { Policy } from '../../core/policy';
import { browser, type Scripting } from '../host/browser-api';
import { OFFICIAL_HOST_SUFFIX } from '../manifest-matches';

const SCRIPT_ID = 'congvu-page-hook';

/** Official webmail URLs the policy names: one today, a list is just more entries. */
function officialUrls(policy: Policy): string[] {
  return policy.officialWebmailUrl ? [policy.officialWebmailUrl] : [];
}

/** Match patterns to register the hook on: each official host under .gov.vn over https (the manifest declares it for the public webmails). */
export function pageHookMatches(policy: Policy): string[] {
  const hosts = new Set<string>();
  for (const raw of officialUrls(policy)) {
    try {
      const url = new URL(raw);
      if (url.protocol === 'https:' && url.hostname.endsWith(OFFICIAL_HOST_SUFFIX)) hosts.add(url.hostname);
    } catch {
      // not a URL: no hook for it
    }
  }
  return [...hosts].map((h) => `https://${h}/*`);
}

export async function registerPageHook(policy: Policy): Promise<void> {
  const script: Scripting.RegisteredContentScript = {
    id: SCRIPT_ID,
    js: ['page-hook.js'],
    matches: pageHookMatches(policy),
    runAt: 'document_start',
    world: 'MAIN',
    allFrames: false,
    // Also kept across restarts; the background registers it again at start-up in any case.
    persistAcrossSessions: true,
  };
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  // No official host in the policy: nothing to register (an empty match list is refused).
  if (script.matches!.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  } else if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}
