// The service worker is compiled and run again at every start (the browser stops it when idle)
// and the popup at every click, so their weight is a budget (issue 11). background.js keeps the
// listeners and the light work; the policy engine (JSON Schema, Public Suffix List, catalogs)
// and the public-webmail list are files of their own, loaded on first need.
// Reads the built files: run `npm run build` first. Timings belong to bench/, not here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../core/messages';
import { ENGINE_FILE, PUBLIC_DOMAINS_FILE } from './lazy-parts.split';

const dist = join(process.cwd(), 'dist');
/** Reached: 19.6 KB (from 573 KB); room for a few small features, not for a library. */
const BACKGROUND_BUDGET = 24_000;
/** Reached: 21.2 KB (from 92 KB). */
const POPUP_BUDGET = 26_000;
const POLYFILL = 'This script should only be loaded in a browser extension';
/** A provider from the middle of the upstream list (a label of the grouped form), and a Public Suffix List entry no code names. */
const PROVIDER_LABEL = 'hazelnuts4u';
const SUFFIX_ENTRY = 'blogspot';

describe.each(['chrome', 'firefox'] as const)('%s build', (target) => {
  const read = (file: string) => {
    const path = join(dist, target, file);
    expect(existsSync(path), `${file} is missing: run npm run build`).toBe(true);
    return readFileSync(path, 'utf8');
  };

  it(`background.js stays within ${BACKGROUND_BUDGET / 1000} KB and carries none of the heavy parts`, () => {
    const source = read('background.js');
    expect(source.length).toBeLessThanOrEqual(BACKGROUND_BUDGET);
    expect(source).not.toContain(POLYFILL);
    expect(source).not.toContain(PROVIDER_LABEL);
    expect(source).not.toContain(SUFFIX_ENTRY);
    // Neither language's messages: they come with the resolved policy.
    expect(source).not.toContain(t('vi', 'popup.record.heading'));
    expect(source).not.toContain(t('en', 'popup.record.heading'));
  });

  it('the heavy parts are built where background.js loads them from', () => {
    expect(read(ENGINE_FILE)).toContain(SUFFIX_ENTRY);
    expect(read(PUBLIC_DOMAINS_FILE)).toContain(PROVIDER_LABEL);
  });

  it(`popup.js stays within ${POPUP_BUDGET / 1000} KB, without the polyfill or the messages it does not show before the policy arrives`, () => {
    const source = read('popup.js');
    expect(source.length).toBeLessThanOrEqual(POPUP_BUDGET);
    expect(source).not.toContain(POLYFILL);
    expect(source).not.toContain(t('vi', 'options.title'));
    expect(source).toContain(t('vi', 'popup.record.heading'));
  });
});
