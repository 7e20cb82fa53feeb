// Official webmail (issue 12) in Firefox ESR, under the policy IT writes to Firefox's
// policies.json (the harness's setUserPolicy puts it there and restarts Firefox): run under
// `flock /tmp/congvu-global.lock`.
import { launchFirefox } from './harness';
import { defineOfficialSuite } from './official-suite';

defineOfficialSuite(['roundcube', 'zimbra-classic'], launchFirefox, async (session, policy) => {
  if (session) await session.setUserPolicy(policy);
});
