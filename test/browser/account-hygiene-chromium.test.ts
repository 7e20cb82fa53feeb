import { describe } from 'vitest';
import { defineAccountHygieneSuite } from './account-hygiene-suite';
import { launchChromium } from './harness';

describe('account hygiene in Chromium', () => defineAccountHygieneSuite('chromium', () => launchChromium()));
