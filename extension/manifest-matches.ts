// Where the extension runs, shared by the manifest (built in Node) and the background
// (which registers the page hook): the content scripts' matches are its only hosts.

/** Public webmail where drafts are checked. */
/**
 * issue 11 (budget): each public webmail gets its own content script, content-<site>.js, built
 * with that site's adapter only (extension/sites/single/<site>.ts).
 */
export const WEBMAIL_SITE_MATCHES = {
  gmail: ['https://mail.google.com/*'],
  yahoo: ['https://mail.yahoo.com/*'],
  'outlook-com': ['https://outlook.live.com/*'],
} as const satisfies Record<string, readonly string[]>;
export type WebmailSite = keyof typeof WEBMAIL_SITE_MATCHES;
export const WEBMAIL_MATCHES: string[] = Object.values(WEBMAIL_SITE_MATCHES).flat();
/**
 * Official webmail: the hosts where the policy's official webmails may live. No script is
 * declared there; the background registers official.js and the page hook for the listed hosts only.
 */
export const OFFICIAL_MATCHES = ['https://*.gov.vn/*'];
/** The host suffix OFFICIAL_MATCHES covers; an official webmail elsewhere gets no page hook. */
export const OFFICIAL_HOST_SUFFIX = '.gov.vn';

/**
 * Account hygiene (issue 13): sign-up forms and other sites' password fields are anywhere.
 * Content-script matches only: the all-sites script needs no host permission of its own.
 */
export const ALL_SITES_MATCHES = ['http://*/*', 'https://*/*'];
