// The page-world hook and the official-webmail content script run only where they are needed:
// the hook on the public webmails (declared in the manifest) and on the policy's official
// webmail hosts; official.js on those official hosts only (issue 12), never on other
// government sites (e-service portals keep their own file pickers and native functions, and
// get no content script at all). Both are registered once the policy is known and updated when
// it changes. Both browsers support `world: 'MAIN'` in scripting.registerContentScripts
// (Chrome 111+, Firefox 128+); hosts outside the extension's host permissions (*.gov.vn) are
// left out, and the policy check warns IT about them (core/policy/risks.ts).
import type { Policy } from '../../core/policy';
import { checkedWebmailHosts } from '../../core/policy/official-webmail';
import { browser, type Scripting } from '../host/browser-api';

const HOOK_ID = 'congvu-page-hook';
const OFFICIAL_ID = 'congvu-official';

/** Match patterns of the policy's official webmail hosts: https, under .gov.vn. */
export function officialWebmailMatches(policy: Policy): string[] {
  return checkedWebmailHosts(policy).map((h) => `https://${h}/*`);
}


export function officialScripts(policy: Policy): Scripting.RegisteredContentScript[] {
  const matches = officialWebmailMatches(policy);
  return [
    // Kept across restarts; the background registers them again at start-up in any case.
    { id: HOOK_ID, js: ['page-hook.js'], matches, runAt: 'document_start', world: 'MAIN', allFrames: false, persistAcrossSessions: true },
    // All frames: some products show a message in a same-origin frame (Roundcube's preview).
    { id: OFFICIAL_ID, js: ['official.js'], matches, runAt: 'document_start', allFrames: true, persistAcrossSessions: true },
  ];
}

export async function registerOfficialScripts(policy: Policy): Promise<void> {
  const scripts = officialScripts(policy);
  const ids = scripts.map((s) => s.id);
  const existing = new Set((await browser.scripting.getRegisteredContentScripts({ ids })).map((s) => s.id));
  // No official host in the policy: nothing to register (an empty match list is refused).
  if (scripts[0]!.matches!.length === 0) {
    if (existing.size > 0) await browser.scripting.unregisterContentScripts({ ids: [...existing] });
    return;
  }
  const update = scripts.filter((s) => existing.has(s.id));
  const add = scripts.filter((s) => !existing.has(s.id));
  if (update.length > 0) await browser.scripting.updateContentScripts(update);
  if (add.length > 0) await browser.scripting.registerContentScripts(add);
}
