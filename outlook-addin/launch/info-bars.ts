// Info bars on the draft: one per rule (key `cvg-<rule>`), one for policy problems, one for files
// that could not be read here. Outlook shows at most five per item; public-webmail-work only
// speaks for a public mailbox, so in practice four rules plus one more fit.
import { RULE_IDS, t, type Finding, type Lang, type RuleId } from '../../core';
import { removeNotification, showNotification } from '../office/notifications';
import type { ComposeItem } from '../office/compose';
import { policyProblemSummary, type HostedPolicy } from '../policy/hosted-policy';
import type { AttachmentRecord } from './attachments';
import { infoBarText } from './render';

export const barKey = (rule: RuleId) => `cvg-${rule}`;
export const POLICY_BAR = 'cvg-policy';
export const UNCHECKED_BAR = 'cvg-unchecked';
export const SEND_BAR = 'cvg-send';

function byRule(findings: readonly Finding[]): Map<RuleId, Finding[]> {
  const map = new Map<RuleId, Finding[]>();
  for (const f of findings) map.set(f.rule, [...(map.get(f.rule) ?? []), f]);
  return map;
}

/** Show the bars for `findings` and take down the bars of rules that no longer find anything. */
export async function syncInfoBars(
  item: ComposeItem,
  findings: readonly Finding[],
  extras: { hosted?: HostedPolicy; records?: readonly AttachmentRecord[]; lang: Lang; callMs: number; only?: readonly RuleId[] },
): Promise<void> {
  const { lang, callMs } = extras;
  const grouped = byRule(findings);
  const ops: Promise<void>[] = [];
  for (const rule of extras.only ?? RULE_IDS) {
    const list = grouped.get(rule);
    ops.push(list ? showNotification(item, barKey(rule), infoBarText(list, lang), 'info', callMs) : removeNotification(item, barKey(rule), callMs));
  }
  if (extras.hosted) {
    const summary = policyProblemSummary(extras.hosted, lang);
    ops.push(summary ? showNotification(item, POLICY_BAR, summary, 'info', callMs) : removeNotification(item, POLICY_BAR, callMs));
  }
  if (extras.records) {
    const unread = extras.records.filter((r) => r.state === 'unreadable').map((r) => r.name);
    const partly = extras.records.filter((r) => r.state === 'read' && r.notices?.length).map((r) => r.name);
    const text = partly.length
      ? t(lang, 'addin.file-partly-checked', { file: [...unread, ...partly].join('”, “') })
      : unread.length
        ? t(lang, 'addin.file-unchecked', { file: unread.join('”, “') })
        : undefined;
    ops.push(text ? showNotification(item, UNCHECKED_BAR, text, 'info', callMs) : removeNotification(item, UNCHECKED_BAR, callMs));
  }
  // One bar failing (five already shown, host refused) must not hide the others.
  await Promise.all(ops.map((p) => p.catch(() => undefined)));
}
