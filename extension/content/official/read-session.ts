// Official webmail (issue 12): one received message open in a read view. Its body and its
// attachments — fetched from the product's own download links at the page's origin, read in
// the extension's Worker, never sent anywhere — are checked as incoming mail; a message that
// names a public mailbox as its contact point gets a calm bar citing 000 §1c.
import { check, emptyMessage } from '../../../core/check';
import { renderFinding, t } from '../../../core/messages';
import type { Policy } from '../../../core/policy';
import type { AttachmentView, ExtractedDocument, Finding, Lang } from '../../../core/types';
import type { ReadAttachment, ReadHandle, ReceivedView } from '../../sites/official-types';
import { mountBanner, type BannerItem, type MountedBanner } from '../../ui/banner';

export interface ReadEnv {
  policy(): Policy | undefined;
  lang(): Lang;
  extract(file: File): Promise<ExtractedDocument>;
}

/** The reader's own bound: a larger file is named as not read, never fetched whole. */
const MAX_BYTES = 100 * 1024 * 1024;
const QUIET_MS = 300;

// Firefox gives content scripts the page's own fetch as `content.fetch`: the request is then the
// page's, with its cookies, as the product's own download link would be.
const pageFetch: typeof fetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch?.bind(globalThis) ?? fetch.bind(globalThis);

async function download(att: ReadAttachment): Promise<File> {
  const res = await pageFetch(att.url, { credentials: 'same-origin', cache: 'force-cache' });
  if (!res.ok) throw new Error(`the webmail answered ${res.status}`);
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_BYTES) throw new Error('too large to read');
  const blob = await res.blob();
  return new File([blob], att.name, { type: blob.type });
}

const keyOf = (f: Finding) => `${f.rule}|${f.messageKey}|${JSON.stringify(f.params)}`;

export class ReadSession {
  private readonly docs = new Map<string, Promise<ExtractedDocument | Error>>();
  private banner?: MountedBanner;
  private bannerHost?: HTMLElement;
  private readonly acknowledged = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  private generation = 0;
  private readonly observer: MutationObserver;

  constructor(
    readonly handle: ReadHandle,
    private readonly env: ReadEnv,
  ) {
    // Products that keep one view and swap the message in it: read again when it changes.
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => !this.bannerHost?.contains(r.target))) this.schedule();
    });
    this.observer.observe(handle.root, { childList: true, subtree: true });
    void this.refresh();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.banner?.remove();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), QUIET_MS);
  }

  private documentOf(att: ReadAttachment): Promise<ExtractedDocument | Error> {
    let d = this.docs.get(att.url);
    if (!d) {
      d = download(att).then((file) => this.env.extract(file)).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      this.docs.set(att.url, d);
    }
    return d;
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const policy = this.env.policy();
    if (!policy) return;
    let view: ReceivedView;
    try {
      view = this.handle.readMessage();
    } catch (e) {
      console.warn('congvu-guard: could not read the message view:', e);
      return;
    }
    const attachments: AttachmentView[] = [];
    const unread: string[] = [];
    for (const att of view.attachments) {
      const doc = await this.documentOf(att);
      if (doc instanceof Error) {
        unread.push(att.name);
        attachments.push({ name: att.name, size: att.size ?? 0, error: doc.message });
      } else attachments.push({ name: att.name, size: att.size ?? 0, document: doc });
    }
    if (view.rawMessageUrl) {
      const raw = await this.documentOf({ name: 'message.eml', url: view.rawMessageUrl });
      if (raw instanceof Error) unread.push(view.subject || 'message.eml');
      else for (const p of raw.parts) attachments.push({ name: p.name, size: p.size, contentType: p.contentType, document: p.document, error: p.error });
    }
    if (generation !== this.generation) return;
    const msg = { ...emptyMessage('incoming'), surface: 'official' as const, from: view.from, subject: view.subject, bodyText: view.bodyText, bodyLinks: view.bodyLinks, attachments };
    this.render(check(msg, policy), unread);
  }

  private render(findings: Finding[], unread: string[]): void {
    const lang = this.env.lang();
    const items: BannerItem[] = findings
      .filter((f) => !this.acknowledged.has(keyOf(f)))
      .map((f) => {
        const words = renderFinding(f, lang);
        return { key: keyOf(f), severity: f.severity, title: words.title, text: words.text, citation: words.citation, actions: ['acknowledge'] };
      });
    for (const name of unread) {
      const key = `unread|${name}`;
      if (!this.acknowledged.has(key)) items.push({ key, severity: 'nudge', title: t(lang, 'banner.file-unreadable', { file: name }), text: '', citation: '', actions: ['acknowledge'] });
    }
    if (items.length === 0 && !this.banner) return;
    const host = this.handle.bannerHost();
    if (host !== this.bannerHost) {
      this.banner?.remove();
      this.banner = mountBanner(host);
      this.bannerHost = host;
    }
    this.banner!.update({
      lang,
      items,
      onAction: (item) => {
        this.acknowledged.add(item.key);
        this.render(findings, unread);
      },
    });
  }
}
