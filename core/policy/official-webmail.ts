// Official webmail (issue 12): where the official checks run. IT may name one webmail in
// officialWebmailUrl (older policies) and every webmail in officialWebmailUrls; both count.
// Only hosts under .gov.vn are reached: the extension holds host access there and nowhere
// else, so that e-service portals and other sites are never touched.
import type { Policy } from './schema';

export const CHECKED_WEBMAIL_SUFFIX = '.gov.vn';

/** Every official webmail address the policy names, the single field first, without repeats. */
export function officialWebmailUrlsOf(policy: Pick<Policy, 'officialWebmailUrl' | 'officialWebmailUrls'>): string[] {
  const all = [policy.officialWebmailUrl, ...(policy.officialWebmailUrls ?? [])].filter((u) => typeof u === 'string' && u !== '');
  return [...new Set(all)];
}

/** Host names (lower case) of the official webmails the extension checks: https, under .gov.vn. */
export function checkedWebmailHosts(policy: Pick<Policy, 'officialWebmailUrl' | 'officialWebmailUrls'>): string[] {
  const hosts = new Set<string>();
  for (const raw of officialWebmailUrlsOf(policy)) {
    try {
      const url = new URL(raw);
      if (url.protocol === 'https:' && url.hostname.endsWith(CHECKED_WEBMAIL_SUFFIX)) hosts.add(url.hostname.toLowerCase());
    } catch {
      // not a URL: validation already reported it
    }
  }
  return [...hosts];
}

/** Whether a page is one of the policy's checked official webmails (same host over https; any port). */
export function isCheckedWebmailPage(policy: Pick<Policy, 'officialWebmailUrl' | 'officialWebmailUrls'>, url: URL): boolean {
  return url.protocol === 'https:' && checkedWebmailHosts(policy).includes(url.hostname.toLowerCase());
}
