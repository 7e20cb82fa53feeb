// The official webmails' hosts, for the account-hygiene parts of the background.
import type { Policy } from '../../core/policy';
import { officialWebmailUrlsOf } from '../../core/policy/official-webmail';

/** The official webmails' hosts (officialWebmailUrl and officialWebmailUrls). */
export function officialHosts(p: Policy): string[] {
  const hosts: string[] = [];
  for (const raw of officialWebmailUrlsOf(p)) {
    try {
      if (raw) hosts.push(new URL(raw).hostname);
    } catch {
      // not a URL: the policy's checks have named it
    }
  }
  return hosts;
}
