// Content script for public webmail: watches every compose surface, checks drafts with the
// core as they change, shows the banner inside the compose, stops Send when the policy
// says so, and guards attachments. Nothing leaves the browser.
import { browser } from '../host/browser-api';
import type { RecordEvent } from '../host/messages';
import { adapterFor } from '../sites';
import type { SiteAdapter } from '../sites/types';
import { composeClosed, composeFound, guardComposes, sessions, toSession } from './arriving-compose';
import { startAttachmentGuard } from './attachment-guard';
import { loadChecks } from './checks-loader';
import { extractInBackground, ReadFailure } from './extract-client';
import { en, vi } from './installed-catalog';
import { openPageChannel } from './page-bridge';
import { PolicyClient } from './policy-client';
import { onVerdicts, PUBLIC_WEBMAIL_DOMAINS, unansweredDomains } from './remote-public-domains';
import { RemoteDirectory } from './remote-directory';
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

  guardComposes(signal, reportStatus);

  // Composes are watched at once: a session needs no policy to collect files, and is checked
  // as soon as the policy applies (the last known one, read from storage, comes first).
  const loaded = policy.load();
  adapter.watch(
    document,
    signal,
    (handle) => composeFound(handle, Promise.all([loadChecks(checksShare), policy.installMessages()]), ([{ ComposeSession }]) => new ComposeSession(handle, env)),
    composeClosed,
  );

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
