import { launchChromium } from './harness';
import { defineExtensionSuite } from './extension-suite';
import { defineKitSuite } from './kit-suite';

// One file per browser, so the two run in parallel; within it, the kit's system-wide policy
// files are written only after the extension suite is done.
defineExtensionSuite(launchChromium);
defineKitSuite('chromium', launchChromium);
