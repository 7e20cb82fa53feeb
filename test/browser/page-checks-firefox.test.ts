import { launchFirefox } from './harness';
import { definePageChecksSuite } from './page-checks-suite';

// issue 11 (page weight). Writes Firefox's policies.json: run under the global lock.
definePageChecksSuite(launchFirefox, 'firefox');
