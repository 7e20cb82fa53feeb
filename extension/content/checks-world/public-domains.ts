// In content-checks.js, stands in for core/address/public-domains.ts (extension/build.ts): the
// loader's verdict cache, so a verdict asked for by one script is known to the other.
import { sharedByLoader } from '../checks-share';

export { MAILBOXES_ON_SUBDOMAINS } from '../../../core/address/subdomain-mailboxes';
export const PUBLIC_WEBMAIL_DOMAINS: ReadonlySet<string> = sharedByLoader().publicWebmailDomains;
