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
import type { ComposeHandle } from '../../sites/types';
import { startAttachmentGuard } from '../attachment-guard';
import type { ComposeSession } from '../compose-session';
import { extractInBackground } from '../extract-client';
import { openPageChannel, type FileInfo } from '../page-bridge';
import { PolicyClient } from '../policy-client';
import { onVerdicts, unansweredDomains } from '../remote-public-domains';
import { adapterForProduct, addinSurfacePresent } from './adapters';
import type { ReadSession } from './read-session';
import { interceptSend } from '../send-gate';

/**
 * The sessions, the core's rules and the banner are built into this file but evaluated on the
 * first compose, read view or stopped file (issue 11; see content/index.ts): the import settles
 * within the microtasks of the task that found the compose, before a key or click can reach it.
 */
let checks: Promise<typeof import('./checks')> | undefined;
const loadChecks = () => (checks ??= import('./checks'));

function record(event: RecordEvent): void {
  browser.runtime.sendMessage({ type: 'record', event }).catch(() => undefined);
}

// Opened at document_start, before any page script (see page-bridge.ts); the page hook takes it
// in the top frame of the listed hosts.
const hook = window === window.top ? openPageChannel() : undefined;
const controller = new AbortController();
const { signal } = controller;
const composes = new Map<ComposeHandle, ComposeSession>();
const reads = new Map<ReadHandle, ReadSession>();
let lastFocused: ComposeSession | undefined;
let started = false;
let deferred = false;

const client = new PolicyClient((state) => {
  if (!isCheckedWebmailPage(state.policy, new URL(location.href))) return;
  if (!started) start();
  for (const s of composes.values()) s.refresh();
  for (const r of reads.values()) void r.refresh();
});
const loaded = client.load();
onVerdicts(() => {
  for (const s of composes.values()) s.refresh();
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

const sessionAt = (target: EventTarget | null): ComposeSession | undefined => {
  if (!(target instanceof Node)) return undefined;
  for (const s of composes.values()) if (s.handle.root.contains(target)) return s;
  return undefined;
};
const sessionFor = (target: EventTarget | null) => sessionAt(target) ?? lastFocused ?? [...composes.values()].at(-1);

function start(): void {
  started = true;
  const early: File[] = [];
  startAttachmentGuard(
    {
      ready: loaded,
      limits: () => client.limits(),
      blocked: (files, target) => {
        record('oversizeFilesStopped');
        const session = deferred ? undefined : sessionFor(target);
        if (session) session.fileStopped(files);
        else void toast(files);
      },
      accepted: (files, target) => {
        const session = sessionFor(target);
        if (session) for (const f of files) session.addFile(f);
        else early.push(...files);
      },
    },
    signal,
    hook,
  );
  interceptSend(() => composes.values(), sessionAt, signal);
  document.addEventListener('focusin', (e) => (lastFocused = sessionAt(e.target) ?? lastFocused), { capture: true, signal });
  const ready = () => {
    const product = detectOfficialProduct(document, new URL(location.href));
    const adapter = product && adapterForProduct(product);
    if (adapter) watch(adapter, early);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true, signal });
  else ready();
}

function watch(adapter: OfficialAdapter, early: File[]): void {
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
    for (const s of composes.values()) s.dispose();
    for (const r of reads.values()) r.dispose();
    composes.clear();
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
  // Found, waiting for the checks to be evaluated; one closed meanwhile leaves the set.
  const arriving = new Set<ComposeHandle | ReadHandle>();
  adapter.watchComposes(
    document,
    signal,
    (handle) => {
      if (deferred || deferToAddin()) return;
      arriving.add(handle);
      void loadChecks().then(({ OfficialComposeSession }) => {
        if (!arriving.delete(handle) || deferred || signal.aborted) return;
        const session = new OfficialComposeSession(handle, env);
        composes.set(handle, session);
        for (const f of early.splice(0)) session.addFile(f);
      });
    },
    (handle) => {
      arriving.delete(handle);
      composes.get(handle)?.dispose();
      composes.delete(handle);
    },
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
