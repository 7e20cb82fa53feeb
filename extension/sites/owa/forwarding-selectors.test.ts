// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { OWA_INBOX_RULES } from './forwarding-selectors';

/** Parsed, never innerHTML: the markup becomes the test document's body. */
function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

const targets = () => OWA_INBOX_RULES.targets(document).map((t) => t.address);

describe('Outlook on the web inbox-rule targets', () => {
  it('reads resolved recipients and what is still being typed in the actions’ recipient wells', () => {
    load(`<div autoid="_ir_actions">
      <div class="_ir_well"><span class="_ir_rcpt" title="a@gmail.com">A</span><input autoid="_ir_to" value="b@yahoo.com; c@danang.gov.vn"></div>
      <div class="_ir_well"><input autoid="_ir_to" value=""></div></div>`);
    expect(targets()).toEqual(['a@gmail.com', 'b@yahoo.com', 'c@danang.gov.vn']);
  });

  it('ignores recipients of the conditions (“from”, “sent to”): they are not where mail goes', () => {
    load(`<div autoid="_ir_conditions"><div class="_ir_well"><span title="sep@gmail.com">S</span><input autoid="_ir_to" value="x@gmail.com"></div></div>
      <div autoid="_ir_actions"></div>`);
    expect(targets()).toEqual([]);
    expect(document.querySelector(OWA_INBOX_RULES.page)).toBeNull();
  });
});
