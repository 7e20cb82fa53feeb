// Where the extension runs, shared by the manifest (built in Node) and the background
// (which registers the page hook): the content scripts' matches are its only hosts.

/** Public webmail where drafts are checked. */
export const WEBMAIL_MATCHES = ['https://mail.google.com/*', 'https://mail.yahoo.com/*', 'https://outlook.live.com/*'];
/**
 * Official webmail: the hosts where the policy's official webmails may live. No script is
 * declared there; the background registers official.js and the page hook for the listed hosts only.
 */
export const OFFICIAL_MATCHES = ['https://*.gov.vn/*'];
