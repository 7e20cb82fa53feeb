// Content script for public webmail: watches every compose surface, checks drafts with the
// core as they change, shows the banner inside the compose, stops Send when the policy
// says so, and guards attachments. Nothing leaves the browser.
import { browser } from '../host/browser-api';
import type { RecordEvent } from '../host/messages';
import { adapterFor } from '../sites';
import type { ComposeHandle, SiteAdapter } from '../sites/types';
import { startAttachmentGuard } from './attachment-guard';
import type { ComposeSession } from './compose-session';
import { extractInBackground } from './extract-client';
import { openPageChannel } from './page-bridge';
import { PolicyClient } from './policy-client';
import { onVerdicts, unansweredDomains } from './remote-public-domains';
import { RemoteDirectory } from './remote-directory';
import { interceptSend } from './send-gate';
import { changedStatusReporter } from './tab-status';

function record(event: RecordEvent): void {
  browser.runtime.sendMessage({ type: 'record', event }).catch(() => undefined);
}

/**
 * The checks (the core's rules, the legacy-text tables, the messages, the banner) are built into
 * this file but evaluated only when the first compose appears (issue 11): the bundler wraps
 * what is imported dynamically in functions run on that import, and a tab where no mail is
 * written never pays for them. The import settles within the microtasks of the task that found
 * the compose, before any key or click can reach the page, so the Send gate always has the
 * compose's session.
 */
let checks: Promise<typeof import('./compose-session')> | undefined;
const loadChecks = () => (checks ??= import('./compose-session'));

function start(adapter: SiteAdapter, hook: MessagePort): void {
  const sessions = new Map<ComposeHandle, ComposeSession>();
  /** Composes found while the checks were being evaluated; a compose closed meanwhile leaves it. */
  const arriving = new Set<ComposeHandle>();
  let lastFocused: ComposeSession | undefined;
  const controller = new AbortController();
  const { signal } = controller;

  const sendStatus = changedStatusReporter((status) => browser.runtime.sendMessage({ type: 'tab-status', status }));
  const reportStatus = () => {
    const findings = [...sessions.values()].reduce((n, s) => n + s.visibleFindings.length, 0);
    sendStatus({ site: adapter.site, composes: sessions.size, findings });
  };

  const policy = new PolicyClient(() => {
    for (const s of sessions.values()) s.refresh();
  });

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

  const sessionAt = (target: EventTarget | null): ComposeSession | undefined => {
    if (!(target instanceof Node)) return undefined;
    for (const s of sessions.values()) if (s.handle.root.contains(target)) return s;
    return undefined;
  };

  // Files let through before any compose is known (dropped as the page loads) wait for one.
  const early: { files: File[]; target: EventTarget | null }[] = [];
  const sessionFor = (target: EventTarget | null) => sessionAt(target) ?? lastFocused ?? [...sessions.values()].at(-1);

  // Composes are watched at once: a session needs no policy to collect files, and is checked
  // as soon as the policy applies (the last known one, read from storage, comes first).
  const loaded = policy.load();
  adapter.watch(
    document,
    signal,
    (handle) => {
      arriving.add(handle);
      void loadChecks().then(({ ComposeSession }) => {
        if (!arriving.delete(handle) || signal.aborted) return;
        const session = new ComposeSession(handle, env);
        sessions.set(handle, session);
        for (const { files, target } of early.splice(0)) for (const f of files) (sessionAt(target) ?? session).addFile(f);
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

  interceptSend(() => sessions.values(), sessionAt, signal);

  startAttachmentGuard(
    {
      ready: loaded,
      limits: () => policy.limits(),
      blocked: (files, target) => {
        record('oversizeFilesStopped');
        sessionFor(target)?.fileStopped(files);
      },
      accepted: (files, target) => {
        const session = sessionFor(target);
        if (session) for (const f of files) session.addFile(f);
        else early.push({ files, target });
      },
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
