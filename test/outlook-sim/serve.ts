// Shared by the add-in's real-browser tests: Debian's Chromium, and a page of the built add-in
// (dist/outlook-addin/) served from IT's host with the simulated Office host standing in for
// office.js. Requests anywhere else are refused and recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const ADDIN_ORIGIN = 'https://mail.danang.gov.vn/congvu-guard/';
const DIST = join(ROOT, 'dist/outlook-addin');
const SIM = readFileSync(join(ROOT, 'test/outlook-sim/office-sim.js'), 'utf8');
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript', json: 'application/json' };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

export interface HostedPage {
  /** The add-in file to open, e.g. commands.html. */
  file: string;
  /** window.__officeSim before the simulated host loads (see office-sim.js). */
  config: object;
  viewport?: { width: number; height: number };
  /** Collects every request that was not for the add-in's own files. */
  stray?: string[];
  // official-directory (issue 14)
  /** Files IT hosts in the folder (policy.json, directory.json), by path, in place of the built ones; each request is recorded. */
  hosted?: Record<string, { body: string; headers?: Record<string, string> }>;
  requests?: Array<{ path: string; method: string; headers: Record<string, string>; postData: string | null }>;
}

export async function openHostedPage(browser: Browser, opts: HostedPage): Promise<Page> {
  const page = await browser.newPage(opts.viewport ? { viewport: opts.viewport } : {});
  await page.addInitScript(`window.__officeSim = ${JSON.stringify(opts.config)};`);
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(ADDIN_ORIGIN)) {
      opts.stray?.push(url);
      return route.abort();
    }
    const path = url.slice(ADDIN_ORIGIN.length).split('?')[0]!;
    const own = opts.hosted?.[path];
    if (own) {
      const req = route.request();
      opts.requests?.push({ path, method: req.method(), headers: await req.allHeaders(), postData: req.postData() });
      return route.fulfill({ status: 200, contentType: TYPES[path.split('.').pop()!] ?? 'application/octet-stream', headers: own.headers, body: own.body });
    }
    if (path === 'office-js/office.js') return route.fulfill({ contentType: 'text/javascript', body: SIM });
    try {
      return route.fulfill({ contentType: TYPES[path.split('.').pop()!] ?? 'application/octet-stream', body: readFileSync(join(DIST, path)) });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
  await page.goto(`${ADDIN_ORIGIN}${opts.file}`);
  return page;
}
