// issue 11 (page weight): a public webmail's page script is split in two. content-<site>.js loads
// in every tab and keeps only what must run from the start (the site adapter, the observers, the
// Send gate, the attachment guard); content-checks.js (the rules, the legacy-text tables, the
// banner) is added by the background to the same frame's isolated world on the first compose.
// Both scripts share that world's global, which the page cannot reach, so this is where the
// loader hands its page-side state to the checks and where the checks announce themselves.
import type { ComposeSession } from './compose-session';
import type { ReadFailure } from './read-failure';

/**
 * The loader's live objects the checks must use, not copies of their own. `C` is what its checks
 * file announces: a public webmail's ComposeSession, or official-checks.js's sessions and banner.
 */
export interface LoaderShare<C = Checks> {
  /** The background's verdicts on domains, cached for the tab (remote-public-domains.ts). */
  publicWebmailDomains: ReadonlySet<string>;
  /** The catalogs the policy's words are installed into (installed-catalog.ts). */
  vi: Record<string, string>;
  en: Record<string, string>;
  /** The error file reads end in, so the checks can tell why a file was not read. */
  ReadFailure: typeof ReadFailure;
  /** Called by the checks file once it has run. */
  arrived(checks: C): void;
}

export interface Checks {
  ComposeSession: typeof ComposeSession;
}

const SHARE_KEY = '__congvuLoaderShare';
type World = Record<typeof SHARE_KEY, LoaderShare<unknown> | undefined>;

export function shareWithChecks<C>(share: LoaderShare<C>): void {
  (globalThis as unknown as World)[SHARE_KEY] = share;
}

export function sharedByLoader<C = Checks>(): LoaderShare<C> {
  const share = (globalThis as unknown as World)[SHARE_KEY];
  if (!share) throw new Error('the checks file ran without its page script');
  return share as LoaderShare<C>;
}
