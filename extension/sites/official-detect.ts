// Which webmail product an official host runs. IT names only the URL; the page tells the rest
// through signals each product puts there for its own use — URL paths, resource paths, element
// ids and classes its templates always render — never UI text (our users' UI is Vietnamese,
// and every product is localised). Sources, read 2026-12-01:
//   Roundcube: roundcube/roundcubemail@28b4441 program/include/rcmail_output_html.php (app.js
//     from program/js/, login form ids rcmlogin*), skins/elastic/templates/includes/layout.html
//     (body class "task-… action-…", div#layout), compose.html (form "form", _task inputs).
//   OBM: linagora/OBM@f27e8c7 ui/php/webmail — Roundcube 1.1.4, larry skin, under /webmail/
//     (ui/obminclude/global.inc: "$path/webmail/webmail_index.php", which shows it in
//     iframe#webmail_iframe), OBM's own pages are obm.php and module folders served with
//     /obminclude/ resources. Opened on its own (outside the frame), OBM's Roundcube is
//     told only as Roundcube; the Roundcube adapter serves it as well (larry markup included).
//   Zimbra classic: Zimbra/zm-web-client@518cc8b WebRoot/public/launchZCS.jsp (packages
//     /js/Startup1_1_all.js, Startup1_2_all.js; skin.html containers skin_*; DwtShell z_shell),
//     login.jsp (form#zLoginForm, /css/common,login,zhtml,skin.css).
//   Zimbra Modern UI: zm-web-client public/modern.jsp redirects to /modern/; zm-x-web's
//     webpack template serves the app's bundles under that path.
//   Outlook on the web (Exchange 2016/2019/SE): the app lives under /owa/ (boot resources under
//     /owa/prem/<build>/ and /owa/<build>/), forms-based sign-in at /owa/auth/logon.aspx posting
//     to /owa/auth.owa (Microsoft Learn, "Configure forms-based authentication in Exchange").
// A page that shows none of these is undefined: nothing product-specific runs there.

export type OfficialProduct = 'owa' | 'roundcube' | 'zimbra-classic' | 'zimbra-modern' | 'obm';

const has = (doc: Document, selector: string): boolean => doc.querySelector(selector) !== null;

/** OWA's app, its build-stamped resources and its forms-based sign-in, all under /owa/. */
function isOwa(doc: Document, url: URL): boolean {
  if (/^\/owa(?:\/|$)/i.test(url.pathname)) return true;
  return has(doc, 'script[src*="/owa/prem/"], link[href*="/owa/prem/"], script[src*="/owa/auth/"], link[href*="/owa/auth/"], form[action*="/owa/auth.owa" i]');
}

function isZimbraModern(doc: Document, url: URL): boolean {
  if (/^\/modern(?:\/|$)/.test(url.pathname)) return true;
  return has(doc, 'script[src^="/modern/"], link[rel=manifest][href^="/modern/"]');
}

function isZimbraClassic(doc: Document): boolean {
  return has(doc, 'script[src*="/js/Startup1_"], #z_shell, [id^="skin_container_"], form#zLoginForm, link[href*="/css/common,login,zhtml"]');
}

/** Roundcube in any skin: its one application script, its login form, its request form. */
function isRoundcube(doc: Document, url: URL): boolean {
  if (has(doc, 'script[src*="program/js/app."], form input[name="_task"], #rcmloginuser, link[href*="/skins/elastic/"], link[href*="/skins/larry/"]')) return true;
  return url.searchParams.has('_task');
}

/** The frame OBM's webmail_index.php shows its Roundcube in (iframe#webmail_iframe), when same-origin. */
function inObmFrame(doc: Document): boolean {
  try {
    return doc.defaultView?.frameElement?.id === 'webmail_iframe';
  } catch {
    return false;
  }
}

/** OBM's webmail is a Roundcube under /webmail/, beside OBM's own pages (obm.php, /obminclude/). */
function isObm(doc: Document, url: URL): boolean {
  if (/\/obm\.php$/i.test(url.pathname) || /\/webmail\/webmail_index\.php$/i.test(url.pathname)) return true;
  if (inObmFrame(doc)) return true;
  return has(doc, 'script[src*="/obminclude/"], link[href*="/obminclude/"], a[href$="/obm.php"], script[src*="plugins/obm_"]');
}

/**
 * The product an official webmail page runs, from its URL and markup. Call once the document's
 * head has been parsed (DOMContentLoaded or later); at document_start only URL signals exist.
 * The Zimbra sign-in page is shared by both clients and reads as 'zimbra-classic' unless it is
 * served under /modern/.
 */
export function detectOfficialProduct(doc: Document, url: URL): OfficialProduct | undefined {
  if (isOwa(doc, url)) return 'owa';
  if (isZimbraModern(doc, url)) return 'zimbra-modern';
  if (isZimbraClassic(doc)) return 'zimbra-classic';
  const roundcube = isRoundcube(doc, url);
  if (isObm(doc, url)) return 'obm';
  return roundcube ? 'roundcube' : undefined;
}
