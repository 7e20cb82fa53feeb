// What send does, for Smart Alerts (OnMessageSend) and the legacy on-send event (ItemSend).
//
// Normal path: block findings stop the send with their explanation; warn findings prompt
// (stop on the first attempt, let the same message through on the next, or Mailbox 1.14's
// PromptUser "Send anyway"); nudge findings let it go with an info bar.
//
// Failure path (an Office call failed or hung, an exception, the bound reached): the policy
// decides through its modes, nothing new is added to it. If attachment-size or
// secret-document is in `block` mode and what that rule needs about the attachments is not
// known (the list for the size rule, every file's content for the secret rule), send is stopped
// with "not finished checking, press Send again"; otherwise it is allowed. A stopped user loses
// nothing: the reads go on in the background and the next Send decides from them.
import { PRESETS, t, type Finding, type Lang, type Policy } from '../../core';
import { supportsMailbox } from '../office/requirements';
import type { ComposeItem } from '../office/compose';
import { sessionGet, sessionSet } from '../office/session-data';
import type { AttachmentState } from './attachments';
import { ALERT_MAX_CHARS, alertText } from './render';

/** `notes`: what was not checked in the attached files (attachmentNotes), said beside the findings. */
export type Verdict =
  | { kind: 'allow'; nudges: Finding[] }
  | { kind: 'block'; findings: Finding[]; unchecked: boolean; notes?: string[] }
  | { kind: 'prompt'; findings: Finding[]; fingerprint: string; notes?: string[] };

/** Whether a rule in block mode lacks what it needs to know about the attachments. */
export function blockingUnknown(policy: Policy, state: AttachmentState | undefined): boolean {
  const sizeBlocks = policy.rules['attachment-size'] === 'block';
  const secretBlocks = policy.rules['secret-document'] === 'block';
  const listUnknown = !state?.list;
  const contentUnknown = listUnknown || (state?.pending.length ?? 0) > 0;
  return (sizeBlocks && listUnknown) || (secretBlocks && contentUnknown);
}

export function fingerprint(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.rule}|${f.messageKey}|${JSON.stringify(f.params)}`)
    .sort()
    .join('\n');
}

/**
 * A file not checked whole is never let through as clean: like a warning, the user is told and
 * may send anyway (the same notes, once seen, do not stop the next Send).
 */
export function decide(findings: readonly Finding[], policy: Policy, state: AttachmentState | undefined, acknowledged: string | undefined, notes: readonly string[] = []): Verdict {
  const blocks = findings.filter((f) => f.severity === 'block');
  const unchecked = blockingUnknown(policy, state);
  const said = notes.length > 0 ? { notes: [...notes] } : {};
  if (blocks.length > 0 || unchecked) return { kind: 'block', findings: blocks, unchecked, ...said };
  const warns = findings.filter((f) => f.severity === 'warn');
  if (warns.length > 0 || notes.length > 0) {
    const print = [fingerprint(warns), ...[...notes].sort()].join('\n');
    if (print !== acknowledged) return { kind: 'prompt', findings: warns, fingerprint: print, ...said };
  }
  return { kind: 'allow', nudges: findings.filter((f) => f.severity === 'nudge') };
}

/** The verdict when the handler could not finish (see the header). */
export function failureVerdict(policy: Policy | undefined, state: AttachmentState | undefined): Verdict {
  // Before the policy is read, the preset that would apply without a policy file decides.
  return blockingUnknown(policy ?? PRESETS.default, state) ? { kind: 'block', findings: [], unchecked: true } : { kind: 'allow', nudges: [] };
}

export interface SmartAlertsCompletion {
  allowEvent: boolean;
  errorMessage?: string;
  cancelLabel?: string;
  sendModeOverride?: string;
}

/** The text that explains a stop or a prompt. `forLegacy`: ItemSend, where nothing offers "Send anyway". */
export function verdictText(verdict: Verdict, lang: Lang, promptUser: boolean): string | undefined {
  if (verdict.kind === 'allow') return undefined;
  if (verdict.kind === 'block') return alertText(verdict.findings, lang, undefined, verdict.unchecked ? t(lang, 'addin.send.unchecked') : undefined, ALERT_MAX_CHARS, verdict.notes);
  return alertText(verdict.findings, lang, undefined, promptUser ? undefined : t(lang, 'addin.send.send-again'), ALERT_MAX_CHARS, verdict.notes);
}

/** event.completed() options for Smart Alerts. cancelLabel and sendModeOverride need Mailbox 1.14. */
export function smartAlertsCompletion(verdict: Verdict, lang: Lang): SmartAlertsCompletion {
  if (verdict.kind === 'allow') return { allowEvent: true };
  const modern = supportsMailbox('1.14');
  const promptUser = modern && verdict.kind === 'prompt';
  const options: SmartAlertsCompletion = { allowEvent: false, errorMessage: verdictText(verdict, lang, promptUser) };
  if (modern) options.cancelLabel = t(lang, 'addin.send.review');
  if (promptUser) options.sendModeOverride = Office.MailboxEnums?.SendModeOverride?.PromptUser ?? 'promptUser';
  return options;
}

const ACK_KEY = 'cvg:ack';
let ackInMemory: string | undefined;

/** The warnings the user already saw on this draft (and chose to send anyway by pressing Send again). */
export async function readAcknowledged(item: ComposeItem, timeoutMs: number): Promise<string | undefined> {
  return (await sessionGet(item, ACK_KEY, timeoutMs)) ?? ackInMemory;
}

export async function storeAcknowledged(item: ComposeItem, print: string, timeoutMs: number): Promise<void> {
  ackInMemory = print;
  await sessionSet(item, ACK_KEY, print, timeoutMs);
}

/** Forget acknowledgements (tests). */
export function clearAcknowledged(): void {
  ackInMemory = undefined;
}
