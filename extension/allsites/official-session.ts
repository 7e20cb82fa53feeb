// Registered by the background on the official webmail's own hosts only (never declared for
// all sites): says whether this page shows a signed-in mailbox or a sign-out, so the background
// keeps the hash of a password only once the webmail has accepted it (a mistyped password
// brings the sign-in form back) and forgets it at sign-out.
import { api } from './api';
import type { OfficialPage } from './config';

// OWA's /owa/logoff.owa and /owa/auth/logoff.aspx, Roundcube's ?_task=logout, Zimbra's
// ?loginOp=logout, and the logout pages of other products.
const SIGN_OUT = /(?:^|[/_=.?&-])(?:log-?off|log-?out|sign-?out)(?:[/_.?&=-]|$)/i;

function pageState(): OfficialPage['state'] | undefined {
  if (SIGN_OUT.test(location.pathname + location.search)) return 'signed-out';
  // A sign-in form, a wrong password's second try or a change-password page: nothing to confirm.
  if (document.querySelector('input[type=password]')) return undefined;
  return 'signed-in';
}

const state = pageState();
if (state) void api.runtime.sendMessage({ type: 'official-page', state } satisfies OfficialPage).catch(() => undefined);
