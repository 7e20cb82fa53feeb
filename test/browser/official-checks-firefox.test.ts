// issue 11 (official page weight) in Firefox ESR, under the policy IT writes to Firefox's
// policies.json (the harness's setUserPolicy puts it there and restarts Firefox): run under
// `flock /tmp/congvu-global.lock`.
import { launchFirefox } from './harness';
import { defineOfficialChecksSuite } from './official-checks-suite';

defineOfficialChecksSuite(async (extension, policy) => {
  const session = await launchFirefox({ extension });
  await session.setUserPolicy(policy);
  return session;
}, 'firefox');
