/**
 * Providers whose subscribers' mailboxes live on subdomains (VNPT's regional "hn.vnn.vn",
 * "hcm.vnn.vn"). Every other entry matches only exactly: a parent match would make a hosting
 * or subdomain service's domain cover all its customers. Apart from the big list, so that a
 * script classifying through another process carries these two names and not the list.
 */
export const MAILBOXES_ON_SUBDOMAINS: ReadonlySet<string> = new Set(['vnn.vn', 'fpt.vn']);
