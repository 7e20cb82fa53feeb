// One open compose: reads its draft when it changes, runs the core's checks, shows the
// banner, and decides whether a Send attempt may go through.
// Imported module by module: the core's index also carries the policy schema and presets.
import { check } from '../../core/check';
import { readNotices } from '../../core/extract/notices';
import { renderFinding, renderReadFailure, renderReadNotice, t } from '../../core/messages';
import { renderSignatureState, signatureStates } from '../../core/messages/signature-state';
import type { Policy } from '../../core/policy';
import { READ_FAILURE_CODES, type ActionId, type AttachmentView, type ExtractedDocument, type Finding, type Lang, type MessageView, type ReadFailureCode } from '../../core/types';
import type { RecordEvent } from '../host/messages';
import type { ComposeHandle } from '../sites/types';
import type { DirectoryLookup } from '../../core/directory/types';
import { mountBanner, type BannerItem, type MountedBanner } from '../ui/banner';
import type { FileInfo } from './page-bridge';
import { ReadFailure } from './read-failure';
import { stoppedNotice } from './stopped-notice';

export interface SessionEnv {
  policy(): Policy | undefined;
  lang(): Lang;
  extract(file: File): Promise<ExtractedDocument>;
  record(event: RecordEvent): void;
  onFindings(): void;
  /** Recipients' or contacts' domains whose verdict has not come back yet (0 when all are known). */
  unansweredDomains?(): number;
  // official-directory (issue 14): the background's answers about the directory
  directory?: DirectoryLookup & { unanswered(): number };
}

/** Actions a browser compose can carry out; the others belong to other hosts. */
export const OFFERED: ReadonlySet<ActionId> = new Set(['open-official-webmail', 'acknowledge', 'not-work', 'use-official-address']);
const QUIET_MS = 250;

function keyOf(f: Finding): string {
  return `${f.rule}|${f.messageKey}|${JSON.stringify(f.params)}`;
}

/** Media carry no document text: a picture the reader does not take is not a file left unchecked. */
const MEDIA = /^(image|audio|video)\//i;

/** The reader's bounds, for the words about a file it could not read or read only partly. */
const READING = { limitMB: 100, seconds: 20 };
/** Notes about one file named in its banner item; the rest are counted. */
const NOTES_SHOWN = 3;

/** Why a file was not read, in the reader's words; a code the core does not know ('restarted') reads as 'io'. */
function unreadableReason(code: string, message: string, lang: Lang): string {
  const known = (READ_FAILURE_CODES as readonly string[]).includes(code) ? (code as ReadFailureCode) : 'io';
  return renderReadFailure({ code: known }, lang, { ...READING, detail: message });
}

export class ComposeSession {
  /**
   * Each file attached, as its own entry: a second file with the same name (a page script can
   * make one) never replaces the first or its findings.
   */
  private readonly files = new Set<AttachmentView>();
  /** Files whose reading has not finished: Send waits for them. */
  private readonly reading = new Set<AttachmentView>();
  /** Files that could not be read, with the reader's code: never counted as clean. */
  private readonly unread = new Map<AttachmentView, string>();
  private holdingSend = false;
  /** The actions this compose carries out (official webmail adds its own: issue 12). */
  protected readonly offered: ReadonlySet<ActionId> = OFFERED;
  private readonly acknowledged = new Set<string>();
  private readonly seen = new Set<string>();
  private notWork = false;
  protected notice?: string;
  private findings: Finding[] = [];
  private banner?: MountedBanner;
  private bannerHost?: HTMLElement;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly observer: MutationObserver;
  private readonly controller = new AbortController();

  constructor(
    readonly handle: ComposeHandle,
    protected readonly env: SessionEnv,
  ) {
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => !this.bannerHost?.contains(r.target))) this.schedule();
    });
    this.observer.observe(handle.root, { childList: true, subtree: true, characterData: true });
    // Typing in the subject or recipient inputs changes values, not the DOM.
    handle.root.addEventListener('input', () => this.schedule(), { capture: true, signal: this.controller.signal });
    this.refresh();
  }

  get visibleFindings(): Finding[] {
    return this.findings.filter((f) => this.isVisible(f));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.controller.abort();
    this.banner?.remove();
  }

  /** A file the user attached here: counted by size now, its text checked when read. */
  addFile(file: File): void {
    const view: AttachmentView = { name: file.name, size: file.size, contentType: file.type };
    this.files.add(view);
    this.reading.add(view);
    this.refresh();
    this.env.extract(file).then(
      (document) => {
        view.document = document;
        this.doneReading(view);
      },
      (e: unknown) => {
        view.error = e instanceof Error ? e.message : String(e);
        const code = e instanceof ReadFailure ? e.code : 'io';
        if (!(code === 'unsupported' && MEDIA.test(file.type))) this.unread.set(view, code);
        console.warn('congvu-guard: an attachment could not be read:', view.error);
        this.doneReading(view);
      },
    );
  }

  /** Every file read and every domain classified: the findings are final. */
  private settled(): boolean {
    return this.reading.size === 0 && (this.env.unansweredDomains?.() ?? 0) === 0 && (this.env.directory?.unanswered() ?? 0) === 0;
  }

  private doneReading(view: AttachmentView): void {
    this.reading.delete(view);
    this.refresh();
  }

  fileStopped(files: FileInfo[]): void {
    const policy = this.env.policy();
    if (!policy) return;
    this.notice = stoppedNotice(files, policy, this.env.lang());
    this.render();
  }

  /** Called in the capture phase of a Send attempt; returns whether to stop it. */
  shouldStopSend(): boolean {
    this.refresh();
    const lang = this.env.lang();
    // No verdict yet is not a clean verdict: Send waits for the policy, every file and every address.
    if (!this.env.policy() || !this.settled()) {
      const files = [...this.reading].map((v) => v.name).join('”, “');
      const addresses = this.env.policy() && !files;
      this.notice = files ? t(lang, 'banner.still-checking', { file: files }) : addresses ? t(lang, 'banner.still-checking-addresses') : t(lang, 'banner.loading-policy');
      this.holdingSend = true;
      this.render();
      return true;
    }
    const refusal = this.refusal(lang);
    if (!refusal) return false;
    this.notice = refusal === 'block' ? t(lang, 'banner.send-stopped', { reason: '' }).trim() : t(lang, 'banner.needs-ack');
    this.env.record('sendsStopped');
    this.render();
    return true;
  }

  /** What stops Send now that every verdict is in: a block, or something still to acknowledge. */
  private refusal(lang: Lang): 'block' | 'ack' | undefined {
    const visible = this.visibleFindings;
    if (visible.some((f) => f.severity === 'block')) return 'block';
    return visible.some((f) => f.severity === 'warn') || this.unreadItems(lang).length > 0 ? 'ack' : undefined;
  }

  /**
   * A Send pressed while this session's checks were still on their way (issue 11) was held with
   * no banner to explain it: refused now with the reason, or the writer is told to press again.
   */
  answerHeldSend(): void {
    if (this.shouldStopSend()) return;
    this.notice = t(this.env.lang(), 'banner.checked-send-again');
    this.render();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), QUIET_MS);
  }

  protected message(): MessageView {
    const d = this.handle.readDraft();
    const chips = d.attachments;
    const views = [...this.files];
    const used = new Set<AttachmentView>();
    const attachments: AttachmentView[] = [];
    for (const chip of chips) {
      const same = views.filter((v) => v.name === chip.name);
      if (same.length === 0) attachments.push({ name: chip.name, size: chip.size ?? 0 });
      for (const v of same.filter((x) => !used.has(x))) {
        used.add(v);
        attachments.push(v);
      }
    }
    // Files still uploading have no chip yet.
    for (const v of views) if (!used.has(v) && !chips.some((c) => c.name === v.name)) attachments.push(v);
    return {
      direction: 'outgoing',
      surface: 'public-webmail',
      to: d.to,
      cc: d.cc,
      bcc: d.bcc,
      subject: d.subject,
      bodyText: d.bodyText,
      bodyLinks: d.bodyLinks,
      attachments,
      recipientNames: d.recipientNames,
    };
  }

  refresh(): void {
    clearTimeout(this.timer);
    const policy = this.env.policy();
    if (!policy) return;
    // The "still checking" note has done its work once the policy and every file have a verdict.
    const heldSettles = this.holdingSend && this.settled();
    this.findings = check(this.message(), policy, { directory: this.env.directory });
    if (heldSettles) {
      // A held Send is answered: the banner's findings explain a refusal; a clean draft says so.
      this.holdingSend = false;
      this.notice = this.refusal(this.env.lang()) ? undefined : t(this.env.lang(), 'banner.checked-send-again');
    }
    this.render();
    this.env.onFindings();
  }

  private isVisible(f: Finding): boolean {
    if (f.rule === 'public-webmail-work' && this.notWork && f.severity !== 'block') return false;
    return f.severity === 'block' || !this.acknowledged.has(keyOf(f));
  }

  protected onAction(item: BannerItem, action: ActionId): void {
    const policy = this.env.policy();
    if (action === 'open-official-webmail' && policy?.officialWebmailUrl) {
      window.open(policy.officialWebmailUrl, '_blank', 'noopener');
      this.env.record('openedOfficialWebmail');
    } else if (action === 'acknowledge') {
      this.acknowledged.add(item.key);
      this.notice = undefined;
    } else if (action === 'use-official-address') {
      // official-directory (issue 14): the adapter writes the official address into the recipient field
      const r = this.findings.find((f) => keyOf(f) === item.key)?.evidence.replacement;
      if (r) {
        const done = this.handle.replaceRecipient?.(r.field, r.from, r.to) ?? false;
        this.notice = t(this.env.lang(), done ? 'directory.replaced' : 'directory.replace-failed', { address: r.from, official: r.to });
        if (done) this.schedule();
      }
    } else if (action === 'not-work') {
      this.notWork = true;
      this.notice = undefined;
      this.env.record('markedNotWork');
    }
    this.render();
  }

  /**
   * A file that could not be read, or was read only in part (an attachment inside it not read,
   * no text, a bound reached): a warning to acknowledge (until the user does), never clean.
   */
  private unreadItems(lang: Lang): BannerItem[] {
    const items: BannerItem[] = [];
    const advice = t(lang, 'banner.file-unreadable.advice');
    for (const view of this.files) {
      const code = this.unread.get(view);
      if (code !== undefined) {
        const key = `unread|${view.name}|${view.size}`;
        if (this.acknowledged.has(key)) continue;
        const reason = unreadableReason(code, view.error ?? '', lang);
        items.push({ key, severity: 'warn', title: t(lang, 'banner.file-unreadable', { file: view.name }), text: `${t(lang, 'document.unreadable', { reason })}. ${advice}`, citation: '', actions: ['acknowledge'] });
        continue;
      }
      const notices = view.document ? readNotices(view.document) : [];
      if (notices.length === 0) continue;
      const notes = notices.map((n) => renderReadNotice(n, lang, READING));
      const key = `notice|${view.name}|${view.size}|${notes.join('|')}`;
      if (this.acknowledged.has(key)) continue;
      const shown = notes.slice(0, NOTES_SHOWN);
      if (notes.length > NOTES_SHOWN) shown.push(t(lang, 'banner.file-notice.more', { count: notes.length - NOTES_SHOWN }));
      items.push({ key, severity: 'warn', title: t(lang, 'banner.file-notice', { file: view.name }), text: `${shown.join(' ')} ${advice}`, citation: '', actions: ['acknowledge'] });
    }
    return items;
  }

  /**
   * unsigned-document: the signature state of each attached file that carries a signature (or
   * a field for one), shown beside the file notices. Information only: it never holds Send.
   */
  private signatureItems(lang: Lang): BannerItem[] {
    const items: BannerItem[] = [];
    for (const view of this.files) {
      if (!view.document || this.unread.has(view)) continue;
      for (const { part, state } of signatureStates(view.document)) {
        if (state.signatures.length === 0 && state.unsignedFields === 0 && !state.unreadable) continue;
        const file = part ? `${view.name} › ${part}` : view.name;
        const text = renderSignatureState(state, lang).join(' · ');
        const key = `signature|${file}|${view.size}|${text}`;
        if (this.acknowledged.has(key)) continue;
        items.push({ key, severity: 'nudge', title: `${t(lang, 'signature.label')}: ${file}`, text, citation: '', actions: ['acknowledge'] });
      }
    }
    return items;
  }

  private render(): void {
    const lang = this.env.lang();
    const findingItems: BannerItem[] = this.visibleFindings.map((f) => {
      const words = renderFinding(f, lang);
      const key = keyOf(f);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.env.record('nudgesShown');
      }
      // "This is not work" cannot lift a block: block means the rule may not be waived.
      // official-directory (issue 14): "use the official address" only where the adapter can write the recipient field.
      const actions = f.actions.filter(
        (a) =>
          this.offered.has(a) &&
          !(a === 'not-work' && f.severity === 'block') &&
          !(a === 'acknowledge' && f.severity === 'block') &&
          !(a === 'use-official-address' && !this.handle.replaceRecipient),
      );
      return { key, severity: f.severity, title: words.title, text: words.text, citation: words.citation, actions };
    });
    const items = [...findingItems, ...this.unreadItems(lang), ...this.signatureItems(lang)];
    if (items.length === 0 && !this.notice) {
      if (this.banner) this.banner.update({ lang, items, onAction: () => undefined });
      return;
    }
    const host = this.handle.bannerHost();
    if (host !== this.bannerHost) {
      this.banner = mountBanner(host);
      this.bannerHost = host;
    }
    this.banner!.update({
      lang,
      items,
      notice: this.notice,
      onAction: (item, action) => this.onAction(item, action),
      onClose: this.notice
        ? () => {
            this.notice = undefined;
            this.render();
          }
        : undefined,
    });
  }
}
