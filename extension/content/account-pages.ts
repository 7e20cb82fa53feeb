// Registered by the background on the policy's official webmail host only (not in content.js,
// which every webmail tab loads). It recognises the account's settings views as they appear:
// Outlook on the web, Zimbra and Roundcube are single-page apps where the user goes from the
// forwarding setting to the filter or rule editor without a reload, so every kind of forwarding
// view gets its own guard when it first appears, and its note is brought up to date each time
// it appears again (a rule editor opened afresh on an existing rule). A change-password page
// asks the background to add the checklist's own bundle, which carries the strength estimator,
// to this frame alone.
import { browser } from '../host/browser-api';
import { FORWARDING_PAGES, passwordPageIn } from '../sites/account-page-list';
import type { ForwardingPageSelectors } from '../sites/account-pages';
import { startForwardingGuard } from './forwarding-guard';
import { isCheckedWebmailPage } from '../../core/policy/official-webmail';
import { PolicyClient } from './policy-client';

const controller = new AbortController();
/** The guard of each kind of view seen so far, and whether that view is on the page now. */
const guards = new Map<ForwardingPageSelectors, { refresh: () => void; present: boolean }>();
let checklistAsked = false;

function look(client: PolicyClient): void {
  const policy = client.state?.policy;
  if (!policy || !isCheckedWebmailPage(policy, new URL(location.href))) return;
  if (policy.rules['auto-forward-public'] !== 'off') {
    for (const kind of FORWARDING_PAGES) {
      const present = document.querySelector(kind.page) !== null;
      const guard = guards.get(kind);
      if (!guard) {
        if (present) guards.set(kind, { refresh: startForwardingGuard(kind, { policy: () => client.state?.policy, lang: () => client.lang }, controller.signal), present });
      } else if (present !== guard.present) {
        guard.present = present;
        guard.refresh();
      }
    }
  }
  if (!checklistAsked && policy.rules['password-policy'] !== 'off' && passwordPageIn(document)) {
    checklistAsked = true;
    browser.runtime.sendMessage({ type: 'load-password-checklist' }).catch(() => {
      checklistAsked = false;
    });
  }
}

/**
 * A look costs a query of the whole page per kind of view, and a mail list that refreshes row by
 * row changes the page many times a second: the changes of one tenth of a second share one look.
 * A view is recognised that much later, long before anyone has typed into it.
 */
const LOOK_EVERY_MS = 100;
let lookPending = false;
function lookSoon(): void {
  if (lookPending) return;
  lookPending = true;
  setTimeout(() => {
    lookPending = false;
    look(client);
  }, LOOK_EVERY_MS);
}

const client = new PolicyClient(() => look(client));
void client.load();
// Kept for the page's life: a view the user opens later (filters after forwarding) is recognised when it appears.
new MutationObserver(lookSoon).observe(document.documentElement, { childList: true, subtree: true });
