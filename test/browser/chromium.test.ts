import { launchChromium } from './harness';
import { defineExtensionSuite } from './extension-suite';

defineExtensionSuite(launchChromium);
