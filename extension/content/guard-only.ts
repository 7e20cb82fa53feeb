// Content script for official webmail hosts: only the attachment guard, and only on the host
// of the policy's official webmail. Elsewhere on government sites it does nothing.
import { browser } from '../host/browser-api';
import { mountBanner } from '../ui/banner';
import { startAttachmentGuard } from './attachment-guard';
import { openPageChannel, type FileInfo } from './page-bridge';
import { PolicyClient } from './policy-client';
import { stoppedNotice } from './stopped-notice';

// Opened on every government page at document_start, before the page's scripts; the page
// hook that takes the other end runs only on the official webmail's host.
const hook = openPageChannel();
const controller = new AbortController();
let started = false;

function showStopped(client: PolicyClient, files: FileInfo[]): void {
  const policy = client.state?.policy;
  if (!policy) return;
  const lang = client.lang;
  const host = document.createElement('div');
  host.setAttribute('data-congvu-toast', '');
  host.style.cssText = 'position:fixed;top:12px;right:12px;z-index:2147483647;max-width:420px;';
  document.documentElement.append(host);
  const banner = mountBanner(host);
  banner.update({
    lang,
    items: [],
    notice: stoppedNotice(files, policy, lang),
    onAction: () => undefined,
    onClose: () => banner.remove(),
  });
}

const client = new PolicyClient((state) => {
  let official: string | undefined;
  try {
    official = state.policy.officialWebmailUrl ? new URL(state.policy.officialWebmailUrl).host : undefined;
  } catch {
    official = undefined;
  }
  if (official !== location.host) return;
  if (started) return;
  started = true;
  startAttachmentGuard(
    {
      ready: Promise.resolve(),
      limits: () => client.limits(),
      blocked: (files) => {
        browser.runtime.sendMessage({ type: 'record', event: 'oversizeFilesStopped' }).catch(() => undefined);
        showStopped(client, files);
      },
      accepted: () => undefined,
    },
    controller.signal,
    hook,
  );
});
void client.load();
