// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZIMBRA_MODERN_FILTERS } from './forwarding-selectors';

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

describe('Zimbra Modern filter targets', () => {
  it('reads the address only while the action is actionRedirect', () => {
    load(`<div class="zimbra-client_filter-modal_filterModalContent"><div class="zimbra-client_filter-modal_subsectionBody">
      <select><option value="actionFileInto">a</option><option value="actionRedirect">b</option></select>
      <input type="text" value="canbo@gmail.com"></div></div>`);
    expect(ZIMBRA_MODERN_FILTERS.targets(document)).toEqual([]);
    document.querySelector('select')!.value = 'actionRedirect';
    expect(ZIMBRA_MODERN_FILTERS.targets(document).map((t) => t.address)).toEqual(['canbo@gmail.com']);
  });

  it('recognises the filter dialog only once the user opens it', () => {
    load(readFileSync(join(process.cwd(), 'test/fixtures/official/zimbra-modern/filters-vi.html'), 'utf8'));
    expect(document.querySelector(ZIMBRA_MODERN_FILTERS.page)).toBeNull();
  });
});
