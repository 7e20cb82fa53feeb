// Official webmail (issue 12) in Chromium, under a managed policy written where IT puts it
// (/etc/chromium/policies/managed): run under `flock /tmp/congvu-global.lock`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../extension/manifest';
import type { OfficialProduct } from '../fixtures/official/routes';
import { launchChromium } from './harness';
import { defineOfficialSuite } from './official-suite';

const DIR = '/etc/chromium/policies/managed';
const FILE = join(DIR, 'congvu-guard-official.json');
afterAll(() => rmSync(FILE, { force: true }));

defineOfficialSuite((process.env.CONGVU_PRODUCTS?.split(',') as OfficialProduct[] | undefined) ?? ['roundcube', 'zimbra-classic', 'owa', 'zimbra-modern', 'obm'], launchChromium, async (_session, policy) => {
  mkdirSync(DIR, { recursive: true });
  // The kit's Linux file, 3rdparty part: Chromium reads it at start into storage.managed.
  writeFileSync(FILE, JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } } }, null, 2));
  return launchChromium();
});
