// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
// Each product is told from the signals its own templates render (see official-detect.ts for
// the sources); a government portal with a mail-looking host and Vietnamese UI text is not.
import { describe, expect, it } from 'vitest';
import { detectOfficialProduct } from './official-detect';

const page = (html: string): Document => new DOMParser().parseFromString(`<!doctype html><html><head>${html}</head><body></body></html>`, 'text/html');
const body = (html: string): Document => new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
const at = (href: string) => new URL(href);

describe('detectOfficialProduct', () => {
  it('Outlook on the web: its /owa/ app, sign-in page and build-stamped resources', () => {
    expect(detectOfficialProduct(page(''), at('https://mail.danang.gov.vn/owa/#path=/mail'))).toBe('owa');
    expect(detectOfficialProduct(page(''), at('https://mail.danang.gov.vn/owa/auth/logon.aspx?replaceCurrent=1'))).toBe('owa');
    expect(detectOfficialProduct(page('<link rel="stylesheet" href="/owa/prem/15.2.1544.4/resources/styles/0/boot.worldwide.mouse.css">'), at('https://mail.danang.gov.vn/'))).toBe('owa');
  });

  it('Roundcube: its application script, request form or login form, in elastic or larry', () => {
    expect(detectOfficialProduct(page('<script src="program/js/app.min.js?s=1700000000"></script>'), at('https://mail.example.gov.vn/?_task=mail&_action=compose'))).toBe('roundcube');
    expect(detectOfficialProduct(body('<form name="form"><input type="hidden" name="_task" value="mail"></form>'), at('https://mail.example.gov.vn/'))).toBe('roundcube');
    expect(detectOfficialProduct(body('<input id="rcmloginuser" name="_user">'), at('https://mail.example.gov.vn/'))).toBe('roundcube');
    // A plain Roundcube under /webmail/ is still Roundcube, not OBM.
    expect(detectOfficialProduct(page('<script src="program/js/app.js"></script>'), at('https://portal.example.gov.vn/webmail/?_task=mail'))).toBe('roundcube');
  });

  it('OBM: its Roundcube under /webmail/webmail_index.php, or pages carrying OBM resources', () => {
    expect(detectOfficialProduct(page('<script src="program/js/app.min.js"></script>'), at('https://thudientu.danang.gov.vn/webmail/webmail_index.php?_task=mail'))).toBe('obm');
    expect(detectOfficialProduct(page('<script src="/obminclude/javascript/obm.js"></script>'), at('https://thudientu.danang.gov.vn/calendar/calendar_index.php'))).toBe('obm');
    expect(detectOfficialProduct(page(''), at('https://thudientu.danang.gov.vn/obm.php'))).toBe('obm');
  });

  it('Zimbra classic: its startup packages, shell or sign-in form', () => {
    expect(detectOfficialProduct(page('<script src="/js/Startup1_2_all.js?v=240925"></script>'), at('https://mail.example.gov.vn/'))).toBe('zimbra-classic');
    expect(detectOfficialProduct(body('<div id="z_shell"></div>'), at('https://mail.example.gov.vn/#1'))).toBe('zimbra-classic');
    expect(detectOfficialProduct(body('<form id="zLoginForm" name="loginForm"></form>'), at('https://mail.example.gov.vn/'))).toBe('zimbra-classic');
  });

  it('Zimbra Modern UI: the app under /modern/', () => {
    expect(detectOfficialProduct(page(''), at('https://mail.example.gov.vn/modern/email/Inbox'))).toBe('zimbra-modern');
    expect(detectOfficialProduct(page('<script src="/modern/bundle.5f3a.js"></script>'), at('https://mail.example.gov.vn/'))).toBe('zimbra-modern');
  });

  it('a government portal, whatever its host name and words, is no product', () => {
    const portal = body('<h1>Hộp thư công vụ</h1><a href="https://mail.danang.gov.vn/owa">Đăng nhập thư</a><form action="/search"><input name="q"></form>');
    expect(detectOfficialProduct(portal, at('https://mail.danang.gov.vn/portal/trang-chu'))).toBeUndefined();
    expect(detectOfficialProduct(page('<script src="/js/app.js"></script>'), at('https://dichvucong.danang.gov.vn/'))).toBeUndefined();
  });
});

describe('detectOfficialProduct in OBM’s frame', () => {
  it('OBM’s Roundcube inside webmail_index.php’s iframe#webmail_iframe is OBM; in another frame it is Roundcube', () => {
    const framed = (id: string) => {
      const inner = body('<form name="form"><input type="hidden" name="_task" value="mail"></form>');
      // The frame's window names its element (happy-dom loads no frames): what a same-origin frame sees.
      return new Proxy(inner, { get: (t, k) => (k === 'defaultView' ? { frameElement: { id } } : (Reflect.get(t, k) as unknown)) });
    };
    const url = at('https://thudientu.danang.gov.vn/webmail/?_task=mail&_action=compose');
    expect(detectOfficialProduct(framed('webmail_iframe'), url)).toBe('obm');
    expect(detectOfficialProduct(framed('preview'), url)).toBe('roundcube');
  });
});
