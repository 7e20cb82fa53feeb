// "Báo cáo thư rác": forwards the open message as an attachment (headers intact) to the
// policy's spam-report address, then optionally moves it to Junk Email.
// Source: Art. 10, Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng); 001 item 2; 002 Art. 8.
//
// Paths, by what the client supports:
// 1. EWS (on-premises Exchange): GetItem(Size) → GetItem(MimeContent) → CreateItem with a
//    message/rfc822 FileAttachment, SendAndSaveCopy → MoveItem to junkemail. Exchange Online
//    has turned off the tokens EWS needs, so EWS is not tried there.
// 2. Integrated spam reporting (Mailbox 1.14, ReportPhishingCommandSurface): `onSpamReport`;
//    the client moves the item through event.completed({ moveItemTo }).
// 3. Exchange Online with nested app authentication (NestedAppAuth 1.1) and the app
//    registration IT creates: a Graph token from the Outlook host (naa.ts; silent only in
//    integrated spam reporting, which cannot show UI), Microsoft Graph sendMail with the EML
//    attached, then move to junkemail (graph.ts).
// 4. Anywhere else, or when the message is over the EWS or Graph cap, or when EWS, the token or
//    Graph failed before anything was sent: a new-message form with the item attached, so the
//    user sends it with one click.
//
// Every run calls event.completed() exactly once, within `boundMs`, even when an Office call
// fails, throws or never answers; the final notification is written before it.
import { t, type MessageKey } from '../../core/messages';
import type { Policy } from '../../core/policy/schema';
import type { Lang } from '../../core/types';
import { EwsReporter, estimatedReportRequestBytes, sendReportRequest, type EwsTransport } from './ews';
import { graphUsable, isExchangeOnline, isSetSupported, reportViaGraph, type FetchLike } from './graph';
import { canLoadNaaScript, fetchNaaClientId, loadNaaScript, naaTokenSource, type NaaClientId, type NaaLoader } from './naa';
import { INFO_ICON_ID } from '../office/notifications';
import { asStepError, Deadline, officeCall, StepError, withTimeout } from './office-call';

/** Where the policy comes from (outlook-addin/policy/ provides the real one). */
export interface PolicyProvider {
  getPolicy(): Promise<Policy>;
}

/**
 * The one thing both event kinds share. The SpamReporting event (Office.SpamReportingEventArgs)
 * also carries type "SpamReporting" and the text the user typed in the preprocessing dialog.
 */
export interface CompletableEvent {
  completed(options?: unknown): void;
  type?: string;
  freeText?: string;
}

/** Name to associate for the integrated spam-reporting event (ReportPhishingCommandSurface). */
export const SPAM_REPORT_EVENT_HANDLER = 'onSpamReport';
/** notificationMessages key (at most 32 characters, documented). */
export const NOTIFICATION_KEY = 'congvuSpamReport';
/** Image id from the manifest's Resources; InformationalMessage requires an icon (documented). */
export const NOTIFICATION_ICON = INFO_ICON_ID;
/** Item custom property that marks a message as reported, so another session does not resend. */
export const REPORTED_PROPERTY = 'congvuSpamReported';
/** Outlook rejects notification messages over 150 characters (documented). */
export const NOTIFICATION_MAX = 150;
/** displayNewMessageForm throws on a subject over 255 characters (documented limit). */
const SUBJECT_MAX = 255;
const MB = 1024 * 1024;

export interface ReportSpamOptions {
  policy: PolicyProvider;
  /** Longest a run may take before completed() is called regardless. */
  boundMs?: number;
  /** Longest one Office or EWS call may take. */
  stepMs?: number;
  /** Kept at the end of the bound for the notification and completed(). */
  reserveMs?: number;
  ledger?: ReportedLedger;
  /** fetch for Microsoft Graph (default: globalThis.fetch). */
  fetch?: FetchLike;
  /** Loads MSAL's NAA token function (default: naa.js beside the page). */
  naa?: NaaLoader;
  /** The app registration's client ID (default: naa.json beside the page). */
  naaClientId?: NaaClientId;
}

/** Which messages were reported in this runtime, and which are being reported now. */
export class ReportedLedger {
  private readonly done = new Set<string>();
  private readonly busy = new Set<string>();
  has(id: string): boolean {
    return this.done.has(id);
  }
  remember(id: string): void {
    this.done.add(id);
  }
  /** False if a report of `id` is already running. */
  begin(id: string): boolean {
    if (this.busy.has(id)) return false;
    this.busy.add(id);
    return true;
  }
  end(id: string): void {
    this.busy.delete(id);
  }
}

export type Outcome =
  | { kind: 'sent'; address: string; moved: 'yes' | 'no' | 'failed' }
  | { kind: 'already' }
  | { kind: 'busy' }
  | { kind: 'form'; address: string; why: FormWhy; reason?: StepError }
  | { kind: 'failed'; address: string; reason: StepError }
  | { kind: 'uncertain'; reason: StepError }
  | { kind: 'no-address' }
  | { kind: 'no-policy'; reason: StepError }
  | { kind: 'unsupported'; address: string };

type Mode = 'ribbon' | 'integrated';
/** Why the forward form was opened: no automatic path, too large, or EWS/Graph failed first. */
export type FormWhy = 'no-ews' | 'too-large' | 'ews-failed' | 'graph-failed';

/** Where a run has got to, read when the bound is reached to say the right thing. */
interface Progress {
  phase: 'start' | 'sending' | 'sent' | 'moving';
  address: string;
  lang: Lang;
  policy?: Policy;
  aborted: boolean;
}

function office(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

function reasonText(lang: Lang, e: StepError): string {
  // Codes are short identifiers (ErrorItemNotFound, 9020); a long one would push the
  // notification past Outlook's limit.
  const code = e.code.length > 34 ? `${e.code.slice(0, 33)}…` : e.code;
  switch (e.kind) {
    case 'timeout':
      return t(lang, 'report-spam.reason.timeout');
    case 'ews':
      return t(lang, 'report-spam.reason.ews', { code });
    case 'graph':
      return t(lang, 'report-spam.reason.graph', { code });
    case 'consent':
      return t(lang, 'report-spam.reason.consent', { code });
    case 'sign-in':
      return t(lang, 'report-spam.reason.sign-in');
    case 'office':
      return t(lang, 'report-spam.reason.office', { code });
    default:
      return t(lang, 'report-spam.reason.unexpected');
  }
}

/** The words and the notification type for an outcome. */
export function describeOutcome(o: Outcome, lang: Lang): { text: string; error: boolean } {
  const say = (key: MessageKey, params: Record<string, string> = {}) => t(lang, key, params);
  switch (o.kind) {
    case 'sent':
      if (o.moved === 'yes') return { text: say('report-spam.sent-moved', { address: o.address }), error: false };
      if (o.moved === 'failed') return { text: say('report-spam.sent-move-failed', { address: o.address }), error: true };
      return { text: say('report-spam.sent', { address: o.address }), error: false };
    case 'already':
      return { text: say('report-spam.already'), error: false };
    case 'busy':
      return { text: say('report-spam.busy'), error: false };
    case 'form':
      if (o.why === 'ews-failed' || o.why === 'graph-failed') {
        return { text: say('report-spam.form-after-error', { address: o.address, reason: reasonText(lang, o.reason ?? new StepError('unexpected', 'Error')) }), error: true };
      }
      return { text: say(o.why === 'too-large' ? 'report-spam.form-too-large' : 'report-spam.form-opened', { address: o.address }), error: false };
    case 'failed':
      return { text: say('report-spam.failed', { address: o.address, reason: reasonText(lang, o.reason) }), error: true };
    case 'uncertain':
      return { text: say('report-spam.uncertain', { reason: reasonText(lang, o.reason) }), error: true };
    case 'no-address':
      return { text: say('report-spam.no-address'), error: true };
    case 'no-policy':
      return { text: say('report-spam.no-policy', { reason: reasonText(lang, o.reason) }), error: true };
    case 'unsupported':
      return { text: say('report-spam.unsupported', { address: o.address }), error: true };
  }
}

/** Fits Outlook's 150-character notification limit. */
export function fitNotification(text: string): string {
  return text.length <= NOTIFICATION_MAX ? text : `${text.slice(0, NOTIFICATION_MAX - 1).trimEnd()}…`;
}

/** Item ids from REST (base64url) are converted for EWS; EWS ids pass through. */
export function toEwsId(id: string): string {
  const mailbox = office()?.context?.mailbox;
  if (/[-_]/.test(id) && !/[+/]/.test(id) && typeof mailbox?.convertToEwsId === 'function') {
    try {
      return mailbox.convertToEwsId(id, office()?.MailboxEnums?.RestVersion?.v2_0 ?? 'v2.0');
    } catch {
      return id;
    }
  }
  return id;
}

/** EWS through makeEwsRequestAsync: Mailbox 1.1, and not Exchange Online. */
export function ewsUsable(mailbox: Office.Mailbox): boolean {
  return typeof mailbox.makeEwsRequestAsync === 'function' && isSetSupported('Mailbox', '1.1') && !isExchangeOnline(mailbox);
}

function versionAtLeast(version: string, min: number[]): boolean {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < min.length; i++) {
    const a = parts[i] ?? 0;
    if (a !== min[i]) return a > min[i]!;
  }
  return true;
}

/**
 * The documented makeEwsRequestAsync cap: 5 MB in classic Outlook on Windows from Version 2303
 * (Build 16225.10000) and on Mac from 16.73; 1 MB in earlier ones. Outlook on the web of an
 * on-premises Exchange is held to the 1 MB of the older clients: only Microsoft 365's
 * Outlook on the web is documented at 5 MB.
 */
export function ewsCapBytes(mailbox: Office.Mailbox): number {
  const host = mailbox.diagnostics?.hostName ?? '';
  const version = mailbox.diagnostics?.hostVersion ?? '';
  if (host === 'Outlook' && versionAtLeast(version, [16, 0, 16225])) return 5 * MB;
  if (host === 'OutlookMac' && versionAtLeast(version, [16, 73])) return 5 * MB;
  return MB;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br>');
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function safeComplete(event: CompletableEvent, options?: unknown): void {
  try {
    if (options === undefined) event.completed();
    else event.completed(options);
  } catch {
    // An old client that rejects the options still has to be released.
    if (options !== undefined) {
      try {
        event.completed();
      } catch {
        // nothing more can be done
      }
    }
  }
}

export interface ReportSpamHandlers {
  /** Ribbon button (ExecuteFunction), HANDLERS.reportSpam. */
  reportSpamCommand(event: CompletableEvent): Promise<void>;
  /** Integrated spam reporting (Mailbox 1.14). */
  onSpamReport(event: CompletableEvent): Promise<void>;
}

export function createReportSpamHandlers(options: ReportSpamOptions): ReportSpamHandlers {
  const boundMs = options.boundMs ?? 20_000;
  const stepMs = options.stepMs ?? 8_000;
  const reserveMs = Math.min(options.reserveMs ?? 2_500, boundMs / 2);
  const ledger = options.ledger ?? new ReportedLedger();

  async function run(event: CompletableEvent, mode: Mode): Promise<void> {
    const userNote = typeof event?.freeText === 'string' ? event.freeText.trim().slice(0, 2000) : '';
    let completedOnce = false;
    const complete = (opts?: unknown) => {
      if (completedOnce) return;
      completedOnce = true;
      safeComplete(event, opts);
    };
    const progress: Progress = { phase: 'start', address: '', lang: 'vi', aborted: false };
    // The last resort: whatever hangs, Outlook is released at the bound.
    const failsafe = setTimeout(() => complete(mode === 'integrated' ? integratedOptions(undefined, progress) : undefined), boundMs);
    const deadline = new Deadline(boundMs);
    let outcome: Outcome;
    try {
      outcome = await withTimeout(report(mode, deadline, progress, userNote), deadline.budget(boundMs, reserveMs), 'report');
    } catch (e) {
      progress.aborted = true;
      outcome = interrupted(progress, asStepError(e));
    }
    const { text, error } = describeOutcome(outcome, progress.lang);
    await notify(text, error, deadline.budget(reserveMs, 200)).catch(() => undefined);
    clearTimeout(failsafe);
    complete(mode === 'integrated' ? integratedOptions(outcome, progress, text) : undefined);
  }

  /** What to say when the bound cut a run short, by how far it had got. */
  function interrupted(progress: Progress, e: StepError): Outcome {
    switch (progress.phase) {
      case 'sending':
        return { kind: 'uncertain', reason: e };
      case 'sent':
        return { kind: 'sent', address: progress.address, moved: 'no' };
      case 'moving':
        return { kind: 'sent', address: progress.address, moved: 'failed' };
      default:
        // Before the policy is known there is no address to name.
        return progress.address ? { kind: 'failed', address: progress.address, reason: e } : { kind: 'no-policy', reason: e };
    }
  }

  function integratedOptions(outcome: Outcome | undefined, progress: Progress, text?: string): Office.SpamReportingEventCompletedOptions {
    const moveTo = office()?.MailboxEnums?.MoveSpamItemTo;
    const reported = outcome?.kind === 'sent' || outcome?.kind === 'already';
    // The original stays put unless the report really left: a pending forward form refers to it
    // by id, and a failure must lose nothing. onErrorDeleteItem is never set, for the same reason.
    const move = reported && progress.policy?.moveReportedSpamToJunk === true;
    return {
      onErrorDeleteItem: false,
      moveItemTo: move ? (moveTo?.JunkFolder ?? ('junkFolder' as Office.MailboxEnums.MoveSpamItemTo)) : (moveTo?.NoMove ?? ('noMove' as Office.MailboxEnums.MoveSpamItemTo)),
      showPostProcessingDialog: {
        title: t(progress.lang, 'report-spam.dialog-title'),
        description: text ?? t(progress.lang, 'report-spam.uncertain', { reason: t(progress.lang, 'report-spam.reason.timeout') }),
      },
    };
  }

  async function notify(text: string, error: boolean, ms: number): Promise<void> {
    const item = office()?.context?.mailbox?.item;
    if (!item?.notificationMessages || ms <= 0) return;
    const types = office()?.MailboxEnums?.ItemNotificationMessageType;
    const details: Office.NotificationMessageDetails = error
      ? { type: types?.ErrorMessage ?? ('errorMessage' as Office.MailboxEnums.ItemNotificationMessageType), message: fitNotification(text) }
      : {
          type: types?.InformationalMessage ?? ('informationalMessage' as Office.MailboxEnums.ItemNotificationMessageType),
          message: fitNotification(text),
          icon: NOTIFICATION_ICON,
          persistent: false,
        };
    await officeCall<void>('notificationMessages.replaceAsync', ms, (cb) => item.notificationMessages.replaceAsync(NOTIFICATION_KEY, details, cb));
  }

  async function showProgress(lang: Lang, ms: number): Promise<void> {
    const item = office()?.context?.mailbox?.item;
    if (!item?.notificationMessages) return;
    const type = office()?.MailboxEnums?.ItemNotificationMessageType?.ProgressIndicator ?? ('progressIndicator' as Office.MailboxEnums.ItemNotificationMessageType);
    await officeCall<void>('notificationMessages.replaceAsync', ms, (cb) =>
      item.notificationMessages.replaceAsync(NOTIFICATION_KEY, { type, message: fitNotification(t(lang, 'report-spam.in-progress')) }, cb),
    ).catch(() => undefined);
  }

  async function report(mode: Mode, deadline: Deadline, progress: Progress, userNote: string): Promise<Outcome> {
    let policy: Policy;
    try {
      policy = await withTimeout(Promise.resolve().then(() => options.policy.getPolicy()), deadline.budget(stepMs, reserveMs), 'getPolicy');
    } catch (e) {
      return { kind: 'no-policy', reason: asStepError(e) };
    }
    progress.policy = policy;
    progress.lang = policy.language === 'en' ? 'en' : 'vi';
    const lang = progress.lang;
    const address = (policy.spamReportAddress ?? '').trim();
    if (!address) return { kind: 'no-address' };
    progress.address = address;

    const mailbox = office()?.context?.mailbox;
    const item = mailbox?.item as Office.MessageRead | undefined;
    if (!mailbox || !item) return { kind: 'failed', address, reason: new StepError('office', 'NoItem', 'no open message') };

    const ewsId = toEwsId(String(item.itemId ?? ''));
    if (!ewsId) return { kind: 'failed', address, reason: new StepError('office', 'NoItemId', 'the open item has no id') };
    if (ledger.has(ewsId)) return { kind: 'already' };
    if (!ledger.begin(ewsId)) return { kind: 'busy' };
    try {
      // Not awaited: a progress bar that never shows must not use up the bound.
      void showProgress(lang, deadline.budget(Math.min(1_000, stepMs), reserveMs));
      const props = await loadProperties(item, deadline.budget(Math.min(3_000, stepMs), reserveMs));
      if (props?.get(REPORTED_PROPERTY)) {
        ledger.remember(ewsId);
        return { kind: 'already' };
      }

      const subject = t(lang, 'report-spam.subject', { subject: String(item.subject ?? '') }).slice(0, SUBJECT_MAX);
      const note = userNote ? `${t(lang, 'report-spam.note')}\n\n${t(lang, 'report-spam.user-note', { text: userNote })}` : t(lang, 'report-spam.note');
      const attachmentName = t(lang, 'report-spam.attachment-name');
      const form = (why: FormWhy, reason?: StepError): Outcome =>
        openForm(mailbox, { address, subject, note, ewsId, name: String(item.subject ?? '') || attachmentName }, why, reason);

      if (!ewsUsable(mailbox)) {
        // Classic Outlook's JavaScript-only runtime (integrated spam reporting) cannot load naa.js.
        if (!graphUsable(mailbox) || !(options.naa ? true : canLoadNaaScript())) return form('no-ews');
        const r = await reportViaGraph({
          mailbox,
          item,
          ewsId,
          report: { to: address, subject, note, attachmentName },
          move: mode !== 'integrated' && policy.moveReportedSpamToJunk === true,
          fetch: options.fetch,
          // A ribbon click may show the host's sign-in window; the integrated spam-reporting
          // event runs without UI, so there a token comes silently or not at all.
          token: naaTokenSource(options.naa ?? loadNaaScript, options.naaClientId ?? fetchNaaClientId, mode === 'ribbon'),
          budget: () => deadline.budget(stepMs, reserveMs),
          aborted: () => progress.aborted,
          phase: (p) => void (progress.phase = p),
          sent: async () => {
            ledger.remember(ewsId);
            await saveReported(props, deadline.budget(Math.min(3_000, stepMs), reserveMs));
          },
        });
        if (r.kind === 'fallback') return form(r.why, r.reason);
        return r.kind === 'sent' ? { kind: 'sent', address, moved: r.moved } : r.kind === 'failed' ? { kind: 'failed', address, reason: r.reason } : r;
      }

      const cap = ewsCapBytes(mailbox);
      const transport: EwsTransport = (xml, label) =>
        officeCall<string>(`makeEwsRequestAsync ${label}`, deadline.budget(stepMs, reserveMs), (cb) => mailbox.makeEwsRequestAsync(xml, cb));
      const ews = new EwsReporter(transport);
      let mimeBase64: string;
      try {
        const size = await ews.itemSize(ewsId);
        const extra = utf8Length(subject) + utf8Length(note) + address.length;
        if (estimatedReportRequestBytes(size, extra) > cap) return form('too-large');
        mimeBase64 = await ews.mime(ewsId);
        const request = sendReportRequest({ to: address, subject, note, attachmentName, mimeBase64 });
        if (utf8Length(request) > cap) return form('too-large');
      } catch (e) {
        // Nothing has been sent yet: offer the form, which needs no EWS.
        return form('ews-failed', asStepError(e));
      }

      if (progress.aborted) throw new StepError('timeout', 'Timeout', 'bound reached before sending');
      progress.phase = 'sending';
      try {
        await ews.sendReport({ to: address, subject, note, attachmentName, mimeBase64 });
      } catch (e) {
        const err = asStepError(e);
        // An EWS error response means Exchange refused it; a timeout or a host error may
        // have come after the message left, so the user is asked to look in Sent Items.
        if (err.kind === 'ews') return { kind: 'failed', address, reason: err };
        return { kind: 'uncertain', reason: err };
      }
      progress.phase = 'sent';
      ledger.remember(ewsId);
      // Marked before the move: once moved, the item under this id is no longer the open one.
      await saveReported(props, deadline.budget(Math.min(3_000, stepMs), reserveMs));

      if (mode === 'integrated' || !policy.moveReportedSpamToJunk) return { kind: 'sent', address, moved: 'no' };
      progress.phase = 'moving';
      try {
        await ews.moveToJunk(ewsId);
        return { kind: 'sent', address, moved: 'yes' };
      } catch {
        return { kind: 'sent', address, moved: 'failed' };
      }
    } finally {
      ledger.end(ewsId);
    }
  }

  function openForm(
    mailbox: Office.Mailbox,
    f: { address: string; subject: string; note: string; ewsId: string; name: string },
    why: FormWhy,
    reason?: StepError,
  ): Outcome {
    // displayNewMessageForm is Mailbox 1.6; on-premises Exchange 2016/2019 stop at 1.5.
    if (typeof mailbox.displayNewMessageForm !== 'function' || !isSetSupported('Mailbox', '1.6')) {
      return (why === 'ews-failed' || why === 'graph-failed') && reason ? { kind: 'failed', address: f.address, reason } : { kind: 'unsupported', address: f.address };
    }
    try {
      mailbox.displayNewMessageForm({
        toRecipients: [f.address],
        subject: f.subject,
        htmlBody: escapeHtml(f.note),
        attachments: [{ type: 'item', itemId: f.ewsId, name: f.name.slice(0, SUBJECT_MAX) }],
      });
    } catch (e) {
      return { kind: 'failed', address: f.address, reason: asStepError(e) };
    }
    return { kind: 'form', address: f.address, why, reason };
  }

  async function loadProperties(item: Office.MessageRead, ms: number): Promise<Office.CustomProperties | undefined> {
    if (typeof item.loadCustomPropertiesAsync !== 'function' || ms <= 0) return undefined;
    try {
      return await officeCall<Office.CustomProperties>('loadCustomPropertiesAsync', ms, (cb) => item.loadCustomPropertiesAsync(cb));
    } catch {
      return undefined;
    }
  }

  async function saveReported(props: Office.CustomProperties | undefined, ms: number): Promise<void> {
    if (!props || ms <= 0) return;
    try {
      props.set(REPORTED_PROPERTY, new Date().toISOString());
      await officeCall<void>('customProperties.saveAsync', ms, (cb) => props.saveAsync(cb));
    } catch {
      // The in-memory ledger still stops a second send in this session.
    }
  }

  return {
    // The manifest names this one function for the ribbon button and for
    // ReportPhishingCommandSurface; the documented way to tell them apart is event.type.
    reportSpamCommand: (event) => run(event, event?.type === 'SpamReporting' ? 'integrated' : 'ribbon'),
    onSpamReport: (event) => run(event, 'integrated'),
  };
}
