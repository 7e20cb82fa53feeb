import { defineAccountPagesSuite } from './account-pages-suite';
import { launchChromium } from './harness';

defineAccountPagesSuite('chromium', launchChromium);
