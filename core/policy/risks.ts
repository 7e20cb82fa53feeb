// Values that pass the schema but cannot be right for an authority (refused: the field keeps
// the value below it) or are surely a mistake (a warning IT can read). The schema alone lets
// through `gmail.com` as an official domain, which silently turns off the public-mail rules.
import { getDomain } from 'tldts';
import { PUBLIC_WEBMAIL_DOMAINS } from '../address/public-domains';
import { t, type MessageKey } from '../messages';
import { CHECKED_WEBMAIL_SUFFIX } from './official-webmail';
import type { Policy } from './schema';

export type PolicyRisk =
  | 'public-webmail-official'
  | 'public-suffix-official'
  | 'state-suffix-official'
  | 'server-name'
  | 'public-suffix-public'
  | 'government-public'
  | 'official-public'
  | 'public-spam-address'
  | 'spam-address-outside'
  | 'url-user-info'
  | 'url-control'
  | 'url-unreadable'
  | 'too-long'
  | 'address-too-long'
  // Account hygiene (issue 13):
  | 'signin-public-webmail'
  | 'signin-public-suffix'
  // Official webmail (issue 12)
  | 'webmail-outside-reach';

export interface RiskFinding {
  /** Field path, as PolicyError names it: `officialDomains[1]`. */
  field: string;
  risk: PolicyRisk;
  level: 'refuse' | 'warn';
  /** The reason in IT's words, both languages. */
  words: { vi: string; en: string };
}

type RiskField = 'officialDomains' | 'extraPublicDomains' | 'spamReportAddress' | 'officialWebmailUrl' | 'officialWebmailUrls' | 'officialDirectoryUrl' | 'officialSignInHosts';

function finding(field: string, risk: PolicyRisk, level: RiskFinding['level'], params: Record<string, string>): RiskFinding {
  const key = `policy.risk.${risk}` as MessageKey;
  return { field, risk, level, words: { vi: t('vi', key, params), en: t('en', key, params) } };
}

/** Registration under these is open to anyone (the Public Suffix List, private section included). */
function isPublicSuffix(domain: string): boolean {
  return getDomain(domain, { allowPrivateDomains: true, validateHostname: false }) === null;
}

function withinOrEqual(domain: string, root: string): boolean {
  return domain === root || domain.endsWith(`.${root}`);
}

function isPublicWebmail(domain: string): boolean {
  for (let d = domain; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) if (PUBLIC_WEBMAIL_DOMAINS.has(d)) return true;
  return false;
}

function tooLong(domain: string): boolean {
  return domain.length > 253 || domain.split('.').some((label) => label.length > 63);
}

// The first label of a web or mail server's name rather than the domain addresses use.
const SERVER_LABELS = new Set(['www', 'mail', 'webmail', 'email', 'smtp', 'imap', 'pop', 'pop3', 'mx', 'owa', 'exchange', 'autodiscover', 'portal', 'ftp', 'vpn', 'thudientu', 'hopthu']);

function officialDomainRisk(domain: string, field: string): RiskFinding | undefined {
  if (tooLong(domain)) return finding(field, 'too-long', 'refuse', { value: domain });
  if (isPublicWebmail(domain)) return finding(field, 'public-webmail-official', 'refuse', { value: domain });
  // gov.vn is only granted to state bodies, and the neutral preset counts it as official on purpose.
  if (domain === 'gov.vn') return finding(field, 'state-suffix-official', 'warn', { value: domain });
  if (isPublicSuffix(domain)) return finding(field, 'public-suffix-official', 'refuse', { value: domain });
  const [first, ...rest] = domain.split('.');
  if (SERVER_LABELS.has(first!) && !isPublicSuffix(rest.join('.'))) return finding(field, 'server-name', 'warn', { value: domain });
  return undefined;
}

function extraPublicRisk(domain: string, field: string): RiskFinding | undefined {
  if (tooLong(domain)) return finding(field, 'too-long', 'refuse', { value: domain });
  if (withinOrEqual(domain, 'gov.vn')) return finding(field, 'government-public', 'refuse', { value: domain });
  if (isPublicSuffix(domain)) return finding(field, 'public-suffix-public', 'refuse', { value: domain });
  return undefined;
}

// Bidi embeddings/overrides/isolates, marks, and every C0/C1 control: none belongs in a URL IT types.
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

function webmailUrlRisk(value: string, field: string = 'officialWebmailUrl'): RiskFinding | undefined {
  if (value === '') return undefined;
  if (HIDDEN_CHARS.test(value)) return finding(field, 'url-control', 'refuse', {});
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return finding(field, 'url-unreadable', 'refuse', {});
  }
  if (url.protocol !== 'https:' || url.hostname === '') return finding(field, 'url-unreadable', 'refuse', {});
  if (url.username !== '' || url.password !== '') return finding(field, 'url-user-info', 'refuse', { host: url.hostname });
  if (tooLong(url.hostname)) return finding(field, 'too-long', 'refuse', { value: url.hostname });
  // Official webmail (issue 12): a host the extension never reaches is kept, and IT is told.
  if (!url.hostname.endsWith(CHECKED_WEBMAIL_SUFFIX)) return finding(field, 'webmail-outside-reach', 'warn', { host: url.hostname });
  return undefined;
}

function spamAddressRisk(value: string): RiskFinding | undefined {
  const field = 'spamReportAddress';
  if (value === '') return undefined;
  const at = value.lastIndexOf('@');
  const domain = value.slice(at + 1).toLowerCase();
  if (at > 64) return finding(field, 'address-too-long', 'refuse', { value });
  if (tooLong(domain)) return finding(field, 'too-long', 'refuse', { value: domain });
  if (isPublicWebmail(domain)) return finding(field, 'public-spam-address', 'refuse', { value });
  return undefined;
}

// Account hygiene (issue 13): a host listed here gets neither the sign-up nudge nor the
// password-reuse alert, so a public webmail or a whole public suffix would switch both off.
function signInHostRisk(host: string, field: string): RiskFinding | undefined {
  if (tooLong(host)) return finding(field, 'too-long', 'refuse', { value: host });
  if (isPublicWebmail(host)) return finding(field, 'signin-public-webmail', 'refuse', { value: host });
  if (isPublicSuffix(host)) return finding(field, 'signin-public-suffix', 'refuse', { value: host });
  return undefined;
}

/** What one field's own value risks, whatever the other fields say. */
export function fieldRisks(field: string, value: unknown): RiskFinding[] {
  const f = field as RiskField;
  if ((f === 'officialDomains' || f === 'extraPublicDomains') && Array.isArray(value)) {
    const check = f === 'officialDomains' ? officialDomainRisk : extraPublicRisk;
    return value.flatMap((d, k) => (typeof d === 'string' ? (check(d, `${f}[${k}]`) ?? []) : []));
  }
  if (f === 'officialSignInHosts' && Array.isArray(value)) return value.flatMap((h, k) => (typeof h === 'string' ? (signInHostRisk(h, `${f}[${k}]`) ?? []) : []));
  if (f === 'officialWebmailUrl' && typeof value === 'string') return [webmailUrlRisk(value) ?? []].flat();
  // Official webmail (issue 12): each listed address is held to the same checks as the one above.
  if (f === 'officialWebmailUrls' && Array.isArray(value)) return value.flatMap((u, k) => (typeof u === 'string' ? (webmailUrlRisk(u, `${f}[${k}]`) ?? []) : []));
  if (f === 'spamReportAddress' && typeof value === 'string') return [spamAddressRisk(value) ?? []].flat();
  // official-directory (issue 14): the directory's URL is refused for the same reasons as the webmail's
  if (f === 'officialDirectoryUrl' && typeof value === 'string') return [webmailUrlRisk(value, f) ?? []].flat();
  return [];
}

/** What the fields risk together, in the effective policy. */
export function crossFieldRisks(policy: Policy): RiskFinding[] {
  const out: RiskFinding[] = [];
  policy.extraPublicDomains.forEach((d, k) => {
    if (policy.officialDomains.some((o) => withinOrEqual(d, o) || withinOrEqual(o, d))) out.push(finding(`extraPublicDomains[${k}]`, 'official-public', 'refuse', { value: d }));
  });
  const spam = policy.spamReportAddress;
  if (spam !== '') {
    const domain = spam.slice(spam.lastIndexOf('@') + 1).toLowerCase();
    if (policy.extraPublicDomains.some((p) => withinOrEqual(domain, p))) out.push(finding('spamReportAddress', 'public-spam-address', 'refuse', { value: spam }));
    else if (!policy.officialDomains.some((o) => withinOrEqual(domain, o))) {
      out.push(finding('spamReportAddress', 'spam-address-outside', 'warn', { value: spam, domains: policy.officialDomains.join(', ') }));
    }
  }
  return out;
}

/** The policy field a finding's path belongs to: `officialDomains[1]` → `officialDomains`. */
export function fieldOf(path: string): string {
  return path.replace(/\[\d+\]$/, '');
}
