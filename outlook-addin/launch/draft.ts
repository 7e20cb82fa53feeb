// The draft as the core sees it (a MessageView), from cheap reads plus what attachments-changed
// cached. A read that fails leaves its part empty and is noted; the list of attachments failing
// leaves the attachment state unknown, which send treats by the rule in send-decision.ts.
import { check, makeClassifier, emptyMessage, type Finding, type MessageView, type Policy } from '../../core';
import { readBodyText, readRecipients, readSubject, userAddress, type ComposeItem } from '../office/compose';
import { gatherAttachments, type AttachmentState } from './attachments';
import type { LaunchContext } from './context';

export interface Draft {
  view: MessageView;
  attachments: AttachmentState;
  findings: Finding[];
  /** Names of the reads that failed (for tests and IT; never content). */
  failedReads: string[];
}

const ORDER = { block: 0, warn: 1, nudge: 2 } as const;

/**
 * Outlook is the official client, so the surface is 'official' (the core's default for this
 * host); only a mailbox that is itself public webmail (an Outlook.com or Gmail account added to
 * Outlook) writes from 'public-webmail', where sending work is what public-webmail-work is about.
 */
export function surfaceFor(policy: Policy, from: string | undefined): MessageView['surface'] {
  return from && makeClassifier(policy).classify(from) === 'public-webmail' ? 'public-webmail' : 'official';
}

export async function readDraft(
  item: ComposeItem,
  policy: Policy,
  ctx: LaunchContext,
  opts: { read: boolean; budgetMs: number },
  attachments: AttachmentState = { records: [], pending: [] },
): Promise<Draft> {
  const failedReads: string[] = [];
  const soft = <T>(name: string, p: Promise<T>, empty: T): Promise<T> =>
    p.catch(() => {
      failedReads.push(name);
      return empty;
    });
  const { callMs, backgroundReadMs } = ctx.bounds;
  const [recipients, subject, bodyText] = await Promise.all([
    soft('recipients', readRecipients(item, callMs), { to: [] as string[], cc: [] as string[], bcc: [] as string[] }),
    soft('subject', readSubject(item, callMs), ''),
    soft('body', readBodyText(item, callMs), ''),
    soft('attachments', gatherAttachments(item, policy, ctx.extract, { callMs, budgetMs: opts.budgetMs, read: opts.read, backgroundMs: backgroundReadMs }, attachments), attachments),
  ]);
  const from = userAddress();
  const view: MessageView = {
    ...emptyMessage('outgoing'),
    surface: surfaceFor(policy, from),
    from,
    ...recipients,
    subject,
    bodyText,
    attachments: (attachments.list ?? []).map((a) => ({ name: a.name, size: a.size, contentType: a.contentType })),
  };
  const findings = [...check(view, policy), ...attachments.records.flatMap((r) => r.findings)].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return { view, attachments, findings, failedReads };
}
