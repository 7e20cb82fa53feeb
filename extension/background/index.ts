// The background: policy, the private record, file reading for the content scripts, and
// the popup's view of each tab. It makes no network request of its own.
import { PUBLIC_WEBMAIL_DOMAINS } from '../../core/address/public-domains';
import { browser, type Runtime } from '../host/browser-api';
import { EXTRACT_PORT, type Request, type TabStatus } from '../host/messages';
import { WorkerReader } from '../reader/worker-reader';
import { serveExtractPort } from './extract';
import { relayToOffscreen } from './offscreen-relay';
import { registerOfficialScripts } from './page-hook-script';
import { getPolicy, onPolicyChange, setUserPolicy } from './policy';
import { getRecord, record } from './record';
import { isOwnPage } from './sender';

const tabStatus = new Map<number, TabStatus>();

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
      if (sender.tab?.id !== undefined) tabStatus.set(sender.tab.id, msg.status);
      return Promise.resolve(true);
    case 'public-domains':
      // The content scripts carry no provider list (content/remote-public-domains.ts).
      return Promise.resolve(Array.isArray(msg.domains) ? msg.domains.map((d) => typeof d === 'string' && PUBLIC_WEBMAIL_DOMAINS.has(d)) : []);
    case 'get-tab-status':
      return Promise.resolve(tabStatus.get(msg.tabId) ?? null);
    default:
      return undefined;
  }
});

// Firefox's background is a page and starts the reading Worker itself; Chrome's service
// worker cannot, and hands files to its offscreen document.
const reader = typeof Worker === 'function' ? new WorkerReader(() => new Worker(browser.runtime.getURL('reader-worker.js'))) : undefined;

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== EXTRACT_PORT) return;
  if (reader) serveExtractPort(port, (name, bytes) => reader.read(name, bytes));
  else relayToOffscreen(port);
});

browser.tabs?.onRemoved.addListener((tabId) => tabStatus.delete(tabId));

const placePageHook = (policy: Parameters<typeof registerOfficialScripts>[0]) =>
  registerOfficialScripts(policy).catch((e: unknown) => console.warn('congvu-guard: could not register the official webmail scripts:', e));
onPolicyChange((s) => void placePageHook(s.policy));
void getPolicy().then((s) => placePageHook(s.policy));
