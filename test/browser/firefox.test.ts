import { launchFirefox } from './harness';
import { defineExtensionSuite } from './extension-suite';

defineExtensionSuite(launchFirefox);
