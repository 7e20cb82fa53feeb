// issue 11 (official page weight): the official webmail's checks come in official-checks.js, which
// the background adds on the first compose, as content-checks.js on a public webmail. Until they
// are there, nothing goes out unchecked and files over the limit still never reach the page. The
// checks file is taken out of a copy of the build, so "still loading" lasts as long as the test
// needs, without depending on any timing.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../core/messages/vi';
import { FIXTURE_PARTS } from '../fixtures/official/parts';
import { OFFICIAL_SITES, officialFixtureFile, officialUrl } from '../fixtures/official/routes';
import { ROOT, type BrowserSession } from './harness';
import { officialPolicy, untilRegistered } from './official-suite';

const MB = 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const product = 'roundcube';
const parts = FIXTURE_PARTS[product].compose!;

/**
 * `start` launches the browser on the given extension folder with the policy naming Roundcube's
 * origin as an official webmail, as IT delivers it in that browser.
 */
export function defineOfficialChecksSuite(start: (extension: string, policy: Record<string, unknown>) => Promise<BrowserSession>, target: 'chrome' | 'firefox'): void {
  let session: BrowserSession;
  const copy = mkdtempSync(join(tmpdir(), 'congvu-no-official-checks-'));

  beforeAll(async () => {
    mkdirSync(join(ROOT, 'dist/screenshots'), { recursive: true });
    cpSync(join(ROOT, 'dist', target), copy, { recursive: true });
    rmSync(join(copy, 'official-checks.js'));
    session = await start(copy, officialPolicy([product]));
    await untilRegistered(session, OFFICIAL_SITES[product].origin);
  }, 420_000);

  afterAll(async () => {
    await session?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  describe('Roundcube, while the official checks have not arrived', () => {
    it('holds Send, keeps files over the limit off the page through the real chooser, and answers the held Send once the checks come', async () => {
      const page = await session.open({ url: officialUrl(product, 'compose'), html: readFileSync(officialFixtureFile(product, 'compose'), 'utf8') });
      await page.waitFor(`!!document.querySelector(${JSON.stringify(parts.send)})`, 30_000);
      // Long enough for several of the loader's attempts.
      await new Promise((r) => setTimeout(r, 3000));
      await page.click(parts.send);
      await new Promise((r) => setTimeout(r, 500));
      expect(await page.evaluate<boolean>('window.__sent')).toBe(false);
      // The attachment guard does not wait for the checks: a real click on attach, the browser's
      // chooser, then the files, several times in a row.
      for (const name of ['ho-so-quet.pdf', 'ban-ve.pdf']) {
        expect(await page.chooseFiles(parts.attach, [{ name, mimeType: 'application/pdf', buffer: Buffer.alloc(25 * MB, 0x20) }])).toBe(true);
      }
      const clean = readFileSync(join(ROOT, 'test/fixtures/docs/cong-van-sach.docx'));
      expect(await page.chooseFiles(parts.attach, [{ name: 'cong-van-sach.docx', mimeType: DOCX, buffer: clean }])).toBe(true);
      await page.waitFor(`window.__uploads.length === 1`, 30_000);
      expect(await page.evaluate<Array<{ name: string }>>('window.__uploads')).toEqual([{ name: 'cong-van-sach.docx', size: clean.length }]);
      await page.click(parts.send);
      await new Promise((r) => setTimeout(r, 500));
      expect(await page.evaluate<boolean>('window.__sent')).toBe(false);

      // The checks file comes back (the loader keeps asking): the held press is answered in the
      // banner, and the next press sends. Chromium only: Firefox does not take up a file put back
      // into a temporary add-on's folder within the session (see page-checks-suite.ts).
      if (target === 'chrome') {
        cpSync(join(ROOT, 'dist', target, 'official-checks.js'), join(copy, 'official-checks.js'));
        await page.waitForBanner(vi['banner.checked-send-again'], 60_000);
        await page.screenshot(join(ROOT, 'dist/screenshots', `${target}-official-held-send-answered.png`));
        expect(await page.evaluate<boolean>('window.__sent')).toBe(false);
        await page.click(parts.send);
        await page.waitFor('window.__sent === true', 20_000);
      }
      await page.close();
    }, 240_000);
  });
}
