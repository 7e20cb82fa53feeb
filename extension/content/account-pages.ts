// Registered by the background on the policy's official webmail host only (not in content.js,
// which every webmail tab loads). It recognises the account's settings pages as they appear
// (Outlook on the web and Roundcube build them after load): a forwarding page gets the
// forwarding guard here; a change-password page asks the background to add the checklist's
// own bundle, which carries the strength estimator, to this frame alone.
import { browser } from '../host/browser-api';
import { forwardingPageIn, passwordPageIn } from '../sites/account-page-list';
import { startForwardingGuard } from './forwarding-guard';
import { isCheckedWebmailPage } from '../../core/policy/official-webmail';
import { PolicyClient } from './policy-client';

const controller = new AbortController();
let forwardingStarted = false;
let checklistAsked = false;

function look(client: PolicyClient): void {
  const policy = client.state?.policy;
  if (!policy || !isCheckedWebmailPage(policy, new URL(location.href))) return;
  if (!forwardingStarted && policy.rules['auto-forward-public'] !== 'off') {
    const page = forwardingPageIn(document);
    if (page) {
      forwardingStarted = true;
      startForwardingGuard(page, { policy: () => client.state?.policy, lang: () => client.lang }, controller.signal);
    }
  }
  if (!checklistAsked && policy.rules['password-policy'] !== 'off' && passwordPageIn(document)) {
    checklistAsked = true;
    browser.runtime.sendMessage({ type: 'load-password-checklist' }).catch(() => {
      checklistAsked = false;
    });
  }
}

const client = new PolicyClient(() => look(client));
void client.load();
const observer = new MutationObserver(() => {
  look(client);
  if (forwardingStarted && checklistAsked) observer.disconnect();
});
observer.observe(document.documentElement, { childList: true, subtree: true });
