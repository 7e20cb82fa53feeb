// The background: policy, the private record, file reading for the content scripts, and
// the popup's view of each tab. Its one network request is the GET of IT's official directory
// file (background/directory.ts).
import { browser, type Runtime } from '../host/browser-api';
import { EXTRACT_PORT, type Request } from '../host/messages';
import { WorkerReader } from '../reader/worker-reader';
import { serveExtractPort } from './extract';
import { relayToOffscreen } from './offscreen-relay';
import { allSitesMessage, publishAllSites } from './allsites';
import { registerOfficialScripts } from './page-hook-script';
// account hygiene (issue 13)
import { loadPasswordChecklist, registerAccountPages } from './account-pages-script';
import { getPolicy, onPolicyChange, reload, setUserPolicy } from './policy';
import { loadPublicDomains, preloadOnInstall } from './lazy-parts';
import { forgetTabStatus, keepTabStatus, tabStatusOf } from './tab-status';
import { getRecord, record } from './record';
import { isOwnPage } from './sender';
import { directoryFor, lookUp } from './directory';
// issue 11 (page weight): the compose checks, added to a public webmail's frame on its first compose
import { pageChecksMessage } from './page-checks';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const msg = raw as Request;
  switch (msg.type) {
    case 'get-policy':
      return getPolicy();
    case 'record':
      return record(msg.event);
    case 'get-record':
      return getRecord();
    case 'set-user-policy':
      if (!isOwnPage(sender, browser.runtime.id, browser.runtime.getURL(''))) return Promise.reject(new Error('only the extension’s own pages may change settings'));
      return setUserPolicy(msg.policy);
    case 'tab-status':
      return sender.tab?.id === undefined ? Promise.resolve(true) : keepTabStatus(sender.tab.id, msg.status).then(() => true);
    case 'public-domains':
      // The content scripts carry no provider list (content/remote-public-domains.ts).
      return Array.isArray(msg.domains) ? loadPublicDomains().then((list) => msg.domains.map((d) => typeof d === 'string' && list.has(d))) : Promise.resolve([]);
    // official-directory (issue 14)
    case 'directory-lookup':
      return getPolicy().then((s) => lookUp(s.policy, msg.addresses, msg.names));
    case 'get-tab-status':
      return tabStatusOf(msg.tabId);
    // account hygiene (issue 13)
    case 'load-password-checklist':
      return getPolicy().then((s) => loadPasswordChecklist(sender, s.policy));
    default:
      return undefined;
  }
});

// Firefox's background is a page and starts the reading Worker itself; Chrome's service
// worker cannot, and hands files to its offscreen document.
const reader = typeof Worker === 'function' ? new WorkerReader(() => new Worker(browser.runtime.getURL('reader-worker.js'))) : undefined;

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== EXTRACT_PORT) return;
  if (reader) serveExtractPort(port, (name, bytes, roots) => reader.read(name, bytes, roots));
  else relayToOffscreen(port);
});

browser.tabs?.onRemoved.addListener((tabId) => void forgetTabStatus(tabId));

// issue 11: the policy is resolved again by each new version, not taken from the stored state.
preloadOnInstall();
browser.runtime.onInstalled.addListener(() => void reload(true));

const placePageHook = (policy: Parameters<typeof registerOfficialScripts>[0]) =>
  registerOfficialScripts(policy).catch((e: unknown) => console.warn('congvu-guard: could not register the official webmail scripts:', e));
onPolicyChange((s) => void placePageHook(s.policy));
// official-directory (issue 14): fetched once the policy names it, not at a user's first draft
onPolicyChange((s) => void directoryFor(s.policy));
void getPolicy().then((s) => directoryFor(s.policy));
void getPolicy().then((s) => placePageHook(s.policy));

// account hygiene (issue 13): the forwarding guard and the change-password checklist, on the official hosts.
const placeAccountPages = (policy: Parameters<typeof registerAccountPages>[0]) =>
  registerAccountPages(policy).catch((e: unknown) => console.warn('congvu-guard: could not register the account pages script:', e));
onPolicyChange((s) => void placeAccountPages(s.policy));
void getPolicy().then((s) => placeAccountPages(s.policy));
// Account hygiene (issue 13): the all-sites script's precomputed policy, the password-reuse check.
browser.runtime.onMessage.addListener(allSitesMessage);
onPolicyChange((s) => void publishAllSites(s));
void getPolicy().then((s) => publishAllSites(s));
// issue 11 (page weight): content-checks.js on a public webmail's first compose (page-checks.ts).
browser.runtime.onMessage.addListener(pageChecksMessage);
