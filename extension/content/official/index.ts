// Official webmail (issue 12): the content script the background registers on the hosts the
// policy lists as official webmail, and nowhere else. It tells the product from the page,
// then runs the full compose checks (secret documents stop Send, files over the limit never
// reach the page, documents citing public mailboxes, legacy text converted in one click) and
// checks received messages in their read view. Nothing leaves the browser.
import { isCheckedWebmailPage } from '../../../core/policy/official-webmail';
import { browser } from '../../host/browser-api';
import type { RecordEvent } from '../../host/messages';
import { detectOfficialProduct } from '../../sites/official-detect';
import type { OfficialAdapter, ReadHandle } from '../../sites/official-types';
import { composeClosed, composeFound, dropComposes, guardComposes, sessions, toSession } from '../arriving-compose';
import { startAttachmentGuard } from '../attachment-guard';
import { loadChecks as loadChecksFile } from '../checks-loader';
import { extractInBackground, ReadFailure } from '../extract-client';
import { en, vi } from '../installed-catalog';
import { openPageChannel, type FileInfo } from '../page-bridge';
import { PolicyClient } from '../policy-client';
import { onVerdicts, PUBLIC_WEBMAIL_DOMAINS, unansweredDomains } from '../remote-public-domains';
import { adapterForProduct, addinSurfacePresent } from './adapters';
import type { ReadSession } from './read-session';

/**
 * issue 11 (page weight): the sessions, the core's rules and the banner are not in this file: the
 * background adds official-checks.js to this frame on the first compose, read view or stopped
 * file (content/checks-loader.ts), as it adds content-checks.js on a public webmail. Until they
 * arrive, a compose found holds its Send; the policy's words are kept from then on.
 */
type OfficialChecks = typeof import('./checks');
let checks: Promise<OfficialChecks> | undefined;
const loadChecks = () =>
  (checks ??= Promise.all([
    loadChecksFile<OfficialChecks>({ publicWebmailDomains: PUBLIC_WEBMAIL_DOMAINS, vi, en, ReadFailure }),
    client.installMessages(),
  ]).then(([c]) => c));

function record(event: RecordEvent): void {
  browser.runtime.sendMessage({ type: 'record', event }).catch(() => undefined);
}

// Opened at document_start, before any page script (see page-bridge.ts); the page hook takes it
// in the top frame of the listed hosts.
const hook = window === window.top ? openPageChannel() : undefined;
const controller = new AbortController();
const { signal } = controller;
const reads = new Map<ReadHandle, ReadSession>();
let started = false;
let deferred = false;

const client = new PolicyClient(
  (state) => {
    if (!isCheckedWebmailPage(state.policy, new URL(location.href))) return;
    if (!started) start();
    for (const s of sessions.values()) s.refresh();
    for (const r of reads.values()) void r.refresh();
  },
  { messagesOnDemand: true },
);
const loaded = client.load();
onVerdicts(() => {
  for (const s of sessions.values()) s.refresh();
  for (const r of reads.values()) void r.refresh();
});

/** Files stopped where no compose is known (a product this script does not recognise): a toast. */
async function toast(files: FileInfo[]): Promise<void> {
  const policy = client.state?.policy;
  if (!policy) return;
  const { mountBanner, stoppedNotice } = await loadChecks();
  const host = document.createElement('div');
  host.setAttribute('data-congvu-toast', '');
  host.style.cssText = 'position:fixed;top:12px;right:12px;z-index:2147483647;max-width:420px;';
  document.documentElement.append(host);
  const banner = mountBanner(host);
  banner.update({ lang: client.lang, items: [], notice: stoppedNotice(files, policy, client.lang), onAction: () => undefined, onClose: () => banner.remove() });
}

function start(): void {
  started = true;
  startAttachmentGuard(
    {
      ready: loaded,
      limits: () => client.limits(),
      blocked: (files, target) => {
        record('oversizeFilesStopped');
        // issue 11: a compose whose checks are on their way says it in its own banner.
        toSession(target, (s) => s.fileStopped(files), () => toast(files));
      },
      accepted: (files, target) => toSession(target, (s) => files.forEach((f) => s.addFile(f))),
    },
    signal,
    hook,
  );
  guardComposes(signal);
  const ready = () => {
    const product = detectOfficialProduct(document, new URL(location.href));
    const adapter = product && adapterForProduct(product);
    if (adapter) watch(adapter);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true, signal });
  else ready();
}

function watch(adapter: OfficialAdapter): void {
  const env = {
    policy: () => client.state?.policy,
    lang: () => client.lang,
    extract: extractInBackground,
    record,
    onFindings: () => undefined,
    unansweredDomains,
  };
  // Where the Outlook add-in is active in Outlook on the web, it gives these findings itself.
  const deferToAddin = () => adapter.product === 'owa' && addinSurfacePresent(document);
  const stopAll = () => {
    deferred = true;
    dropComposes();
    for (const r of reads.values()) r.dispose();
    reads.clear();
  };
  if (adapter.product === 'owa') {
    new MutationObserver((records, observer) => {
      if (!records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'IFRAME' || (n as Element).querySelector?.('iframe')))) return;
      if (!deferToAddin()) return;
      observer.disconnect();
      stopAll();
    }).observe(document, { childList: true, subtree: true });
  }
  // Read views found, waiting for the checks; one closed meanwhile leaves the set.
  const arriving = new Set<ReadHandle>();
  adapter.watchComposes(
    document,
    signal,
    (handle) => {
      if (deferred || deferToAddin()) return;
      composeFound(handle, loadChecks(), ({ OfficialComposeSession }) => new OfficialComposeSession(handle, env));
    },
    composeClosed,
  );
  adapter.watchReads(
    document,
    signal,
    (handle) => {
      if (deferred || deferToAddin()) return;
      arriving.add(handle);
      void loadChecks().then(({ ReadSession }) => {
        if (!arriving.delete(handle) || deferred || signal.aborted) return;
        reads.set(handle, new ReadSession(handle, { policy: env.policy, lang: env.lang, extract: extractInBackground }));
      });
    },
    (handle) => {
      arriving.delete(handle);
      reads.get(handle)?.dispose();
      reads.delete(handle);
    },
  );
}
