// Content script for public webmail: watches every compose surface, checks drafts with the
// core as they change, shows the banner inside the compose, stops Send when the policy
// says so, and guards attachments. Nothing leaves the browser.
import { browser } from '../host/browser-api';
import type { RecordEvent } from '../host/messages';
import { adapterFor } from '../sites';
import type { ComposeHandle, SiteAdapter } from '../sites/types';
import { ArrivingCompose, composeHolding } from './arriving-compose';
import { startAttachmentGuard } from './attachment-guard';
import { loadChecks } from './checks-loader';
import type { ComposeSession } from './compose-session';
import { extractInBackground, ReadFailure } from './extract-client';
import { en, vi } from './installed-catalog';
import { openPageChannel } from './page-bridge';
import { PolicyClient } from './policy-client';
import { onVerdicts, PUBLIC_WEBMAIL_DOMAINS, unansweredDomains } from './remote-public-domains';
import { RemoteDirectory } from './remote-directory';
import { interceptSend } from './send-gate';
import { changedStatusReporter } from './tab-status';

function record(event: RecordEvent): void {
  browser.runtime.sendMessage({ type: 'record', event }).catch(() => undefined);
}

/**
 * The checks (the core's rules, the legacy-text tables, the messages, the banner) are not in this
 * file (issue 11): the background adds content-checks.js to this frame on the first compose
 * (checks-loader.ts), so a tab where no mail is written never compiles them.
 */
const checksShare = { publicWebmailDomains: PUBLIC_WEBMAIL_DOMAINS, vi, en, ReadFailure };

function start(adapter: SiteAdapter, hook: MessagePort): void {
  const sessions = new Map<ComposeHandle, ComposeSession>();
  /** Composes found while the checks are loading; a compose closed meanwhile leaves it. */
  const arriving = new Map<ComposeHandle, ArrivingCompose>();
  let lastFocused: ComposeSession | undefined;
  const controller = new AbortController();
  const { signal } = controller;

  const sendStatus = changedStatusReporter((status) => browser.runtime.sendMessage({ type: 'tab-status', status }));
  const reportStatus = () => {
    const findings = [...sessions.values()].reduce((n, s) => n + s.visibleFindings.length, 0);
    sendStatus({ site: adapter.site, composes: sessions.size, findings });
  };

  const policy = new PolicyClient(
    () => {
      for (const s of sessions.values()) s.refresh();
    },
    { messagesOnDemand: true },
  );

  // official-directory (issue 14): looked up in the background, only when the policy names a directory
  const directory = new RemoteDirectory(
    () => !!policy.state?.policy.officialDirectoryUrl,
    () => {
      for (const s of sessions.values()) s.refresh();
    },
  );
  const env = {
    directory,
    policy: () => policy.state?.policy,
    lang: () => policy.lang,
    // unsigned-document: signers' chains are checked against the policy's roots.
    extract: (file: File) => extractInBackground(file, policy.state?.policy.trustedSignatureRoots),
    record,
    onFindings: reportStatus,
    unansweredDomains,
  };
  onVerdicts(() => {
    for (const s of sessions.values()) s.refresh();
  });

  const sessionAt = (target: EventTarget | null) => composeHolding(sessions.values(), target);
  const arrivingAt = (target: EventTarget | null) => composeHolding(arriving.values(), target);

  // Files met before their compose's session exists (dropped as the page loads, or attached while
  // the checks load) wait for it.
  const early: { target: EventTarget | null; give(session: ComposeSession): void }[] = [];
  const sessionFor = (target: EventTarget | null) => sessionAt(target) ?? lastFocused ?? [...sessions.values()].at(-1);
  /** Hands files to their compose's session, or keeps them until it exists. */
  const toSession = (target: EventTarget | null, give: (session: ComposeSession) => void) => {
    const session = arrivingAt(target) ? undefined : sessionFor(target);
    if (session) give(session);
    else early.push({ target, give });
  };

  // Composes are watched at once: a session needs no policy to collect files, and is checked
  // as soon as the policy applies (the last known one, read from storage, comes first).
  const loaded = policy.load();
  adapter.watch(
    document,
    signal,
    (handle) => {
      const waiting = new ArrivingCompose(handle);
      arriving.set(handle, waiting);
      void Promise.all([loadChecks(checksShare), policy.installMessages()]).then(([{ ComposeSession }]) => {
        if (arriving.get(handle) !== waiting || signal.aborted) return;
        arriving.delete(handle);
        const session = new ComposeSession(handle, env);
        sessions.set(handle, session);
        for (const e of early.filter((e) => !arrivingAt(e.target))) {
          early.splice(early.indexOf(e), 1);
          e.give(sessionAt(e.target) ?? session);
        }
        if (waiting.sendHeld) session.answerHeldSend();
        reportStatus();
      });
    },
    (handle) => {
      arriving.delete(handle);
      sessions.get(handle)?.dispose();
      sessions.delete(handle);
      reportStatus();
    },
  );

  document.addEventListener('focusin', (e) => (lastFocused = sessionAt(e.target) ?? lastFocused), { capture: true, signal });

  interceptSend(() => [...sessions.values(), ...arriving.values()], (target) => sessionAt(target) ?? arrivingAt(target), signal);

  startAttachmentGuard(
    {
      ready: loaded,
      limits: () => policy.limits(),
      blocked: (files, target) => {
        record('oversizeFilesStopped');
        toSession(target, (s) => s.fileStopped(files));
      },
      accepted: (files, target) => toSession(target, (s) => files.forEach((f) => s.addFile(f))),
    },
    signal,
    hook,
  );
}

// Opened first, while no page script has run yet (see page-bridge.ts).
const hook = openPageChannel();

// A compose the adapter cannot read is counted locally (site and part only, never content),
// so that IT can tell a webmail redesign from the popup's record.
const adapter = adapterFor(new URL(location.href), (site, what) => {
  console.debug(`congvu-guard: could not read the ${what} of a ${site} compose`);
  record({ unreadable: `${site}:${what}` });
});
if (adapter) start(adapter, hook);
