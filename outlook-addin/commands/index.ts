// Entry of the function file (commands.html loads office.js, then this bundle). Outlook calls
// HANDLERS.reportSpam for the ribbon button and for ReportPhishingCommandSurface alike (see
// manifest.xml): through Office.actions.associate where the client has it, and through a global
// function of that name for older clients that look ExecuteFunction names up on the page.
import { HANDLERS } from '../handler-names';
import { loadHostedPolicy } from '../policy/hosted-policy';
import { createReportSpamHandlers, SPAM_REPORT_EVENT_HANDLER, type CompletableEvent, type PolicyProvider } from './report-spam';

/** policy.json beside the add-in's files (or the kit's snapshot). Unreadable and without an address: say so, not "no address". */
export const hostedPolicyProvider: PolicyProvider = {
  async getPolicy() {
    const hosted = await loadHostedPolicy();
    if (hosted.source === 'default' && !hosted.policy.spamReportAddress) throw new Error(hosted.loadError ?? 'policy.json is not valid JSON');
    return hosted.policy;
  },
};

export function installReportSpam(policy: PolicyProvider = hostedPolicyProvider): void {
  const handlers = createReportSpamHandlers({ policy });
  const table: Record<string, (event: CompletableEvent) => Promise<void>> = {
    [HANDLERS.reportSpam]: handlers.reportSpamCommand,
    // Also under the name Microsoft's spam-reporting sample uses, for a manifest that names it.
    [SPAM_REPORT_EVENT_HANDLER]: handlers.onSpamReport,
  };
  const g = globalThis as unknown as Record<string, unknown> & { Office?: typeof Office };
  for (const [name, fn] of Object.entries(table)) {
    g[name] = fn;
    if (typeof g.Office?.actions?.associate === 'function') {
      try {
        g.Office.actions.associate(name, fn);
      } catch {
        // The global function above still serves clients that call by name.
      }
    }
  }
  // The function-file template calls onReady; the handlers themselves do not wait for it.
  if (typeof g.Office?.onReady === 'function') void Promise.resolve(g.Office.onReady()).catch(() => undefined);
}

installReportSpam();
