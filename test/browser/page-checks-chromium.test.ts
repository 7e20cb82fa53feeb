import { launchChromium } from './harness';
import { definePageChecksSuite } from './page-checks-suite';

// issue 11 (page weight). Writes no policy file.
definePageChecksSuite(launchChromium, 'chrome');
