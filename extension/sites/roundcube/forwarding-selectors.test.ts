// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUNDCUBE_FORWARDING } from './forwarding-selectors';

/** Parsed, never innerHTML: the page becomes the test document's body. */
function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

const targets = () => ROUNDCUBE_FORWARDING.targets(document).map((t) => t.address);

describe('Roundcube forwarding targets', () => {
  it('reads the Forwarding page only while forwarding is switched on', () => {
    load(readFileSync(join(process.cwd(), 'test/fixtures/official/roundcube/forwarding-vi.html'), 'utf8'));
    (document.getElementById('action_target') as HTMLInputElement).value = 'canbo@gmail.com';
    expect(targets()).toEqual([]); // the fixture's status is "off"
    (document.getElementById('forward_status') as HTMLSelectElement).value = 'on';
    expect(targets()).toEqual(['canbo@gmail.com']);
  });

  it('joins the local part to the domain list where managesieve_domains is set', () => {
    load(`<select id="forward_status"><option value="on" selected></option></select><input id="action_target" value="canbo"><select id="action_domain"><option value="gmail.com" selected></option></select>`);
    expect(targets()).toEqual(['canbo@gmail.com']);
  });

  it('reads a filter’s redirect actions, with and without :copy, and nothing from other actions', () => {
    load(`
      <select name="_action_type[0]"><option value="fileinto" selected></option></select><input name="_action_target[0]" value="x@yahoo.com">
      <select name="_action_type[1]"><option value="redirect" selected></option></select><input name="_action_target[1]" value="a@gmail.com">
      <select name="_action_type[2]"><option value="redirect_copy" selected></option></select><input name="_action_target[2]" value="b">
      <select name="_action_target_domain[2]"><option value="hotmail.com" selected></option></select>`);
    expect(targets()).toEqual(['a@gmail.com', 'b@hotmail.com']);
  });
});
