// Stands in for core/address/public-domains.ts in the content script (extension/build.ts
// aliases it): the 14,000-name provider list stays in the background, which answers for each
// domain a page meets. Verdicts are cached for the tab's life; a domain still being asked
// about is "not yet known", and the compose holds Send until every verdict is in.
import { browser } from '../host/browser-api';

export { MAILBOXES_ON_SUBDOMAINS } from '../../core/address/subdomain-mailboxes';

const RETRY_MS = 300;
const verdicts = new Map<string, boolean>();
const pending = new Set<string>();
const listeners = new Set<() => void>();
let asking = false;

async function ask(): Promise<void> {
  if (asking || pending.size === 0) return;
  asking = true;
  const domains = [...pending];
  try {
    const answer = (await browser.runtime.sendMessage({ type: 'public-domains', domains })) as unknown;
    if (!Array.isArray(answer) || answer.length !== domains.length) throw new Error('no verdicts in the answer');
    domains.forEach((d, i) => {
      verdicts.set(d, answer[i] === true);
      pending.delete(d);
    });
    for (const l of listeners) l();
  } catch {
    // The background is starting or restarting: ask again; Send stays held meanwhile.
    setTimeout(() => void ask(), RETRY_MS);
    return;
  } finally {
    asking = false;
  }
  if (pending.size > 0) void ask();
}

/** A Set in shape only: `has` answers from the cache and asks the background about new names. */
class RemoteVerdicts extends Set<string> {
  override has(domain: string): boolean {
    const known = verdicts.get(domain);
    if (known !== undefined) return known;
    if (!pending.has(domain)) {
      pending.add(domain);
      queueMicrotask(() => void ask());
    }
    return false;
  }
}

export const PUBLIC_WEBMAIL_DOMAINS: ReadonlySet<string> = new RemoteVerdicts();

/** Domains met but not yet classified: while any remain, no verdict is final. */
export function unansweredDomains(): number {
  return pending.size;
}

/** Called after each batch of verdicts, so that drafts are checked again with them. */
export function onVerdicts(listener: () => void): void {
  listeners.add(listener);
}
