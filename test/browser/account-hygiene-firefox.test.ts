// Writes Firefox's global policies.json: run under `flock /tmp/congvu-global.lock`.
import { describe } from 'vitest';
import { defineAccountHygieneSuite } from './account-hygiene-suite';
import { launchFirefox } from './harness';

describe('account hygiene in Firefox', () => defineAccountHygieneSuite('firefox', () => launchFirefox({ keepProfile: true })));
