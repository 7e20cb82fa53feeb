// Whether this page is on the policy's official webmail host. The account-hygiene scripts are
// registered only there (background/account-pages-script.ts); this second look keeps them idle
// if the policy changed since the tab opened.
import type { Policy } from '../../core/policy';

export function onOfficialWebmail(policy: Policy, host = location.host): boolean {
  try {
    return !!policy.officialWebmailUrl && new URL(policy.officialWebmailUrl).host === host;
  } catch {
    return false;
  }
}
