// Official webmail (issue 12): one adapter shape for every official product. Each product's
// folder gives its markup as an OfficialSelectors object (all of it in its selectors.ts) and,
// where its markup needs it, small functions; watching, reading and converting are shared.
import { watchComposes } from './compose-watcher.js';
import { convertIn, editorLinks, editorText } from './editor.js';
import type { OfficialProduct } from './official-detect.js';
import type { OfficialAdapter, ReadAttachment, ReadHandle, ReceivedView } from './official-types.js';
import { RecipientSink, addressIn, elementOf, emptyDraft, ensureBannerHost, firstMatch, labelOf, sizeIn } from './read.js';
import type { ComposeDraft, ComposeHandle, LegacyConverter } from './types.js';

export interface OfficialSelectors {
  compose: {
    /** Elements only a compose has (its subject field, its editor). */
    marker: string;
    /** The compose a marker belongs to. */
    root: string;
    /** Recipient fields per kind: inputs or textareas holding addresses, and chips/bubbles inside the compose. */
    recipients: Record<'to' | 'cc' | 'bcc', { fields: readonly string[]; chips?: string }>;
    /** Attributes of a chip that may hold its address, in order. */
    chipAddressAttrs?: readonly string[];
    subject: readonly string[];
    /** Editors, in order: iframe editors first (they hide their textarea), then plain fields. */
    body: readonly string[];
    /** Attachment entries shown in the compose, their name and size parts. */
    attachment?: { item: string; name?: string; size?: string };
    /** Send controls; `sendScope: 'document'` when the product's toolbar sits outside the compose root. */
    send: readonly string[];
    sendScope?: 'root' | 'document';
    /** The banner goes right before this element (inside the root), else first in the root. */
    bannerBefore: readonly string[];
  };
  read: {
    marker: string;
    root: string;
    subject: readonly string[];
    /** Elements whose address attribute or text give the sender. */
    from: readonly string[];
    body: readonly string[];
    /** Links to the attachments' bytes; `name` (inside the link's item) overrides the link's text. */
    attachmentLink: string;
    attachmentItem?: string;
    attachmentName?: string;
    attachmentSize?: string;
    bannerBefore: readonly string[];
  };
}

export interface OfficialHooks {
  /** The URL that downloads an attachment's bytes, from its link (e.g. adding `_download=1`). */
  downloadUrl?(link: URL): URL;
  /** The received message's own raw URL at the page's origin, where attachment links are not in the page. */
  rawMessageUrl?(page: URL): string | undefined;
  /** Whether a Send control belongs to this compose, for products whose toolbar is outside it. */
  sendBelongs?(button: Element, root: HTMLElement): boolean;
}

function fieldValues(root: ParentNode, selectors: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of selectors) for (const el of root.querySelectorAll(s)) out.push((el as HTMLInputElement).value ?? el.textContent ?? '');
  return out;
}

class OfficialCompose implements ComposeHandle {
  constructor(
    readonly site: OfficialProduct,
    readonly root: HTMLElement,
    private readonly S: OfficialSelectors['compose'],
    private readonly hooks: OfficialHooks,
  ) {}

  private body(): Element | null {
    return firstMatch<Element>(this.root, this.S.body);
  }

  private subjectField(): HTMLInputElement | null {
    return firstMatch<HTMLInputElement>(this.root, this.S.subject);
  }

  readDraft(): ComposeDraft {
    const draft = emptyDraft();
    const sink = new RecipientSink();
    for (const kind of ['to', 'cc', 'bcc'] as const) {
      const spec = this.S.recipients[kind];
      for (const value of fieldValues(this.root, spec.fields)) sink.addTyped(kind, value);
      if (spec.chips) {
        for (const chip of this.root.querySelectorAll(spec.chips)) {
          const attrs = (this.S.chipAddressAttrs ?? []).map((a) => chip.getAttribute(a));
          sink.add(kind, [...attrs, labelOf(chip)], labelOf(chip));
        }
      }
    }
    sink.fill(draft);
    draft.subject = (this.subjectField()?.value ?? '').normalize('NFC');
    const body = this.body();
    draft.bodyText = editorText(body);
    draft.bodyLinks = editorLinks(body);
    const att = this.S.attachment;
    if (att) {
      for (const item of this.root.ownerDocument.querySelectorAll(att.item)) {
        const name = labelOf(att.name ? item.querySelector(att.name) : item);
        if (!name) continue;
        const size = att.size ? sizeIn(item.querySelector(att.size)?.textContent) : undefined;
        draft.attachments.push(size === undefined ? { name } : { name, size });
      }
    }
    return draft;
  }

  isSendControl(target: EventTarget | null): boolean {
    const el = elementOf(target);
    if (!el) return false;
    const button = el.closest(this.S.send.join(','));
    if (!button) return false;
    if (this.S.sendScope === 'document') return this.hooks.sendBelongs ? this.hooks.sendBelongs(button, this.root) : true;
    return this.root.contains(button);
  }

  bannerHost(): HTMLElement {
    return ensureBannerHost(this.root, firstMatch(this.root, this.S.bannerBefore));
  }

  convertLegacyText(legacy: LegacyConverter): number {
    return convertIn(this.subjectField(), legacy) + convertIn(this.body(), legacy);
  }
}

function attachmentName(link: Element, item: Element, R: OfficialSelectors['read']): string {
  const named = R.attachmentName ? item.querySelector(R.attachmentName) : null;
  if (named) return labelOf(named);
  const title = link.getAttribute('title');
  if (title && /\.\w{1,5}$/u.test(title.trim())) return title.trim().normalize('NFC');
  // The link's own text without the size part the product prints beside the name.
  const clone = link.cloneNode(true) as Element;
  if (R.attachmentSize) for (const s of clone.querySelectorAll(R.attachmentSize)) s.remove();
  return labelOf(clone);
}

class OfficialRead implements ReadHandle {
  constructor(
    readonly root: HTMLElement,
    private readonly R: OfficialSelectors['read'],
    private readonly hooks: OfficialHooks,
  ) {}

  readMessage(): ReceivedView {
    const doc = this.root.ownerDocument;
    const body = firstMatch<Element>(this.root, this.R.body);
    let from: string | undefined;
    for (const el of this.R.from.flatMap((s) => [...this.root.querySelectorAll(s)])) {
      from = addressIn(el.getAttribute('title')) ?? addressIn(el.getAttribute('href')) ?? addressIn(el.getAttribute('email')) ?? addressIn(el.textContent);
      if (from) break;
    }
    const attachments: ReadAttachment[] = [];
    const seen = new Set<string>();
    for (const link of this.root.querySelectorAll(this.R.attachmentLink)) {
      const href = link.getAttribute('href');
      if (!href) continue;
      let url: URL;
      try {
        url = new URL(href, doc.baseURI);
      } catch {
        continue;
      }
      // Only the webmail's own links: nothing is fetched from anywhere else.
      if (url.origin !== new URL(doc.baseURI).origin) continue;
      const download = this.hooks.downloadUrl ? this.hooks.downloadUrl(url) : url;
      if (seen.has(download.href)) continue;
      seen.add(download.href);
      const item = (this.R.attachmentItem ? link.closest(this.R.attachmentItem) : null) ?? link;
      const name = attachmentName(link, item, this.R);
      const size = this.R.attachmentSize ? sizeIn(item.querySelector(this.R.attachmentSize)?.textContent) : undefined;
      if (name) attachments.push(size === undefined ? { name, url: download.href } : { name, url: download.href, size });
    }
    const raw = attachments.length === 0 ? this.hooks.rawMessageUrl?.(new URL(doc.URL)) : undefined;
    return {
      ...(raw ? { rawMessageUrl: raw } : {}),
      from,
      subject: labelOf(firstMatch(this.root, this.R.subject)),
      bodyText: editorText(body),
      bodyLinks: editorLinks(body),
      attachments,
    };
  }

  bannerHost(): HTMLElement {
    return ensureBannerHost(this.root, firstMatch(this.root, this.R.bannerBefore));
  }
}

export function makeOfficialAdapter(product: OfficialProduct, S: OfficialSelectors, hooks: OfficialHooks = {}): OfficialAdapter {
  return {
    product,
    watchComposes(doc, signal, onCompose, onClosed) {
      watchComposes(doc, signal, {
        markerSelector: S.compose.marker,
        rootOf: (marker) => marker.closest<HTMLElement>(S.compose.root),
        makeHandle: (root) => new OfficialCompose(product, root, S.compose, hooks),
      }, onCompose, onClosed);
    },
    // The compose watcher finds any surface by a marker and its root: a message view is one too.
    watchReads(doc, signal, onRead, onClosed) {
      const asRead = (h: ComposeHandle) => h as unknown as ReadHandle;
      watchComposes(doc, signal, {
        markerSelector: S.read.marker,
        rootOf: (marker) => marker.closest<HTMLElement>(S.read.root),
        makeHandle: (root) => new OfficialRead(root, S.read, hooks) as unknown as ComposeHandle,
      }, (h) => onRead(asRead(h)), (h) => onClosed(asRead(h)));
    },
  };
}
