// issue 11 (page weight): brings the checks file (content-checks.js on a public webmail,
// official-checks.js on an official one) into this frame on the first compose. Only the
// background can add it (scripting.executeScript into this frame's isolated world), so the page
// can neither load it nor stand in for it: the page's messages never reach the background, and
// the checks announce themselves through the isolated world's global (checks-share.ts).
import { browser } from '../host/browser-api';
import { shareWithChecks, type Checks, type LoaderShare } from './checks-share';

const FIRST_RETRY_MS = 300;
const LAST_RETRY_MS = 30_000;
let loading: Promise<unknown> | undefined;

/**
 * The checks, once the background has added them. Until then every compose is held by the
 * caller (a Send pressed meanwhile does not go): if the background is restarting or the
 * injection fails, it asks again, less often each time, and never gives up.
 */
export function loadChecks<C = Checks>(share: Omit<LoaderShare<C>, 'arrived'>): Promise<C> {
  return (loading ??= new Promise<C>((resolve) => {
    let arrived: C | undefined;
    shareWithChecks<C>({
      ...share,
      arrived: (checks) => {
        arrived ??= checks;
        resolve(arrived);
      },
    });
    let wait = FIRST_RETRY_MS;
    const ask = () => {
      const again = () => {
        if (arrived) return;
        setTimeout(ask, wait);
        wait = Math.min(wait * 2, LAST_RETRY_MS);
      };
      browser.runtime.sendMessage({ type: 'load-page-checks' }).then(again, again);
    };
    ask();
  })) as Promise<C>;
}
