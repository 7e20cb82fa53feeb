// Whether this page is on one of the policy's official webmail hosts. The account-hygiene scripts are
// registered only there (background/account-pages-script.ts); this second look keeps them idle
// if the policy changed since the tab opened.
import type { Policy } from '../../core/policy';
import { officialWebmailUrlsOf } from '../../core/policy/official-webmail';

export function onOfficialWebmail(policy: Policy, host = location.host): boolean {
  try {
    return officialWebmailUrlsOf(policy).some((u) => new URL(u).host === host);
  } catch {
    return false;
  }
}
