// Writes Firefox's system-wide policies.json: run under flock /tmp/congvu-global.lock.
import { defineAccountPagesSuite } from './account-pages-suite';
import { launchFirefox } from './harness';

defineAccountPagesSuite('firefox', launchFirefox, { forwarding: false });
