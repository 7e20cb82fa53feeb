// issue 11 (official page weight) in Chromium, under a managed policy written where IT puts it
// (/etc/chromium/policies/managed): run under `flock /tmp/congvu-global.lock`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../extension/manifest';
import { launchChromium } from './harness';
import { defineOfficialChecksSuite } from './official-checks-suite';

const DIR = '/etc/chromium/policies/managed';
const FILE = join(DIR, 'congvu-guard-official-checks.json');
afterAll(() => rmSync(FILE, { force: true }));

defineOfficialChecksSuite(async (extension, policy) => {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(FILE, JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } } }, null, 2));
  return launchChromium({ extension });
}, 'chrome');
