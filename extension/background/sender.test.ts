import { describe, expect, it } from 'vitest';
import { isOwnPage } from './sender';

const ID = 'ndhphkmdabgpabpifackhmgahedmchgp';
const BASE = `chrome-extension://${ID}/`;

describe('isOwnPage', () => {
  it('accepts the options page and the popup', () => {
    expect(isOwnPage({ id: ID, url: `${BASE}options.html` }, ID, BASE)).toBe(true);
    expect(isOwnPage({ id: ID, url: `${BASE}popup.html` }, ID, BASE)).toBe(true);
  });

  it('refuses a content script in a webmail page, another extension, and a sender with no URL', () => {
    expect(isOwnPage({ id: ID, url: 'https://mail.google.com/mail/u/0/' }, ID, BASE)).toBe(false);
    expect(isOwnPage({ id: 'abcdefghijklmnopabcdefghijklmnop', url: `chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html` }, ID, BASE)).toBe(false);
    expect(isOwnPage({ id: ID }, ID, BASE)).toBe(false);
  });
});
