// Shared by OnMessageSend (Smart Alerts) and ItemSend (legacy on-send): read cheaply, take the
// attachments' findings from the cache, decide (send-decision.ts), complete exactly once.
import { t, type Policy, type RuleId } from '../../core';
import { composeItem, type ComposeItem } from '../office/compose';
import { NOTIFICATION_MAX_CHARS, showNotification } from '../office/notifications';
import type { AttachmentState } from './attachments';
import { runGuarded, type CompletableEvent } from './complete-once';
import type { LaunchContext } from './context';
import { readDraft } from './draft';
import { SEND_BAR, syncInfoBars } from './info-bars';
import { attachmentNotes, infoBarText, notesText } from './render';
import {
  decide,
  failureVerdict,
  readAcknowledged,
  smartAlertsCompletion,
  storeAcknowledged,
  type SmartAlertsCompletion,
  type Verdict,
} from './send-decision';

export type SendFlavour = 'smart-alerts' | 'item-send';

interface SendState {
  item?: ComposeItem;
  policy?: Policy;
  attachments: AttachmentState;
}

/** The one-line explanation an ItemSend host shows in its notification bar. */
function legacyBarText(verdict: Verdict, policy: Policy | undefined): string | undefined {
  const lang = policy?.language ?? 'vi';
  if (verdict.kind === 'allow') return undefined;
  if (verdict.kind === 'block' && verdict.findings.length === 0 && verdict.unchecked) return t(lang, 'addin.send.unchecked');
  if (verdict.findings.length === 0) return notesText(verdict.notes ?? [], lang, NOTIFICATION_MAX_CHARS);
  return infoBarText(verdict.findings, lang);
}

function completionFor(flavour: SendFlavour, verdict: Verdict, policy: Policy | undefined): SmartAlertsCompletion {
  const lang = policy?.language ?? 'vi';
  if (flavour === 'smart-alerts') return smartAlertsCompletion(verdict, lang);
  return { allowEvent: verdict.kind === 'allow' };
}

export function sendCheck(ctx: LaunchContext, flavour: SendFlavour) {
  return (event: CompletableEvent<SmartAlertsCompletion>): Promise<void> => {
    const state: SendState = { attachments: { records: [], pending: [] } };
    const { bounds } = ctx;

    // Synchronous: runs on the bound or after a failure, when no Office call can be awaited.
    const onFailure = (): SmartAlertsCompletion => {
      const verdict = failureVerdict(state.policy, state.attachments);
      if (flavour === 'item-send' && state.item) {
        const text = legacyBarText(verdict, state.policy);
        if (text) showNotification(state.item, SEND_BAR, text, 'error', bounds.callMs).catch(() => undefined);
      }
      return completionFor(flavour, verdict, state.policy);
    };

    return runGuarded(event, bounds.sendMs, onFailure, async (guard) => {
      const item = composeItem();
      if (!item) return { allowEvent: true };
      state.item = item;
      const hosted = await ctx.loadPolicy();
      const policy = hosted.policy;
      state.policy = policy;
      const lang = policy.language;
      // Keep room after the reads for the info bar and completed().
      const budgetMs = Math.max(0, guard.remainingMs() - bounds.marginMs - bounds.callMs);
      const [draft, acknowledged] = await Promise.all([
        readDraft(item, policy, ctx, { read: flavour === 'item-send', budgetMs }, state.attachments),
        readAcknowledged(item, bounds.callMs),
      ]);
      if (guard.done) return undefined;
      const verdict = decide(draft.findings, policy, draft.attachments, acknowledged, attachmentNotes(draft.attachments.records, lang));
      const callMs = Math.max(1, Math.min(bounds.callMs, guard.remainingMs() - bounds.marginMs / 2));
      if (verdict.kind === 'prompt') await storeAcknowledged(item, verdict.fingerprint, callMs);
      if (verdict.kind === 'allow' && verdict.nudges.length > 0) {
        const rules = [...new Set(verdict.nudges.map((f) => f.rule))] as RuleId[];
        await syncInfoBars(item, verdict.nudges, { lang, callMs, only: rules });
      }
      if (flavour === 'item-send') {
        const text = legacyBarText(verdict, policy);
        if (text) await showNotification(item, SEND_BAR, text, 'error', callMs).catch(() => undefined);
        if (verdict.kind === 'prompt') await showNotification(item, `${SEND_BAR}-again`, t(lang, 'addin.send.send-again'), 'info', callMs).catch(() => undefined);
      }
      return completionFor(flavour, verdict, policy);
    });
  };
}
