// Gmail adapter: finds composes (dialogs, inline replies, pop-outs) and reads them. All markup
// knowledge is in ./selectors.ts.

import type { ComposeDraft, ComposeHandle, SiteAdapter, UnreadableReport } from '../types.js';
import { watchComposes } from '../compose-watcher.js';
import {
  RecipientSink, allOfFirst, bodyTextOf, elementOf, emptyDraft, ensureBannerHost, firstMatch, labelOf, linksOf,
  makeOnceReporter, sizeIn, addressIn, setTypedValue,
} from '../read.js';
import * as S from './selectors.js';

const FIELDS = ['to', 'cc', 'bcc'] as const;

function readRecipients(root: HTMLElement, draft: ComposeDraft): void {
  const sink = new RecipientSink();
  for (const field of FIELDS) {
    for (const chip of allOfFirst(root, S.RECIPIENT_CHIPS[field])) {
      const attrs = S.CHIP_ADDRESS_ATTRS.map((a) => chip.getAttribute(a));
      const name = chip.getAttribute(S.CHIP_NAME_ATTR) ?? labelOf(chip.tagName === 'INPUT' ? chip.parentElement : chip);
      sink.add(field, [...attrs, (chip as HTMLInputElement).value, labelOf(chip)], name);
    }
    for (const typing of root.querySelectorAll<HTMLInputElement>(S.RECIPIENT_TYPING[field])) sink.addTyped(field, typing.value);
  }
  sink.fill(draft);
}

class GmailCompose implements ComposeHandle {
  readonly site = 'gmail' as const;
  constructor(readonly root: HTMLElement, private readonly report: (what: 'recipients' | 'subject' | 'body' | 'send-button') => void) {}

  private body(): HTMLElement | null {
    return firstMatch<HTMLElement>(this.root, S.BODY);
  }

  readDraft(): ComposeDraft {
    const draft = emptyDraft();
    try {
      readRecipients(this.root, draft);
      let subject = '';
      for (const s of S.SUBJECT) {
        subject = this.root.querySelector<HTMLInputElement>(s)?.value ?? '';
        if (subject) break;
      }
      if (!this.root.querySelector(S.SUBJECT.join(','))) this.report('subject');
      draft.subject = subject.normalize('NFC');
      const body = this.body();
      if (!body) this.report('body');
      draft.bodyText = bodyTextOf(body);
      draft.bodyLinks = linksOf(body);
      for (const chip of this.root.querySelectorAll(S.ATTACHMENT_CHIP)) {
        const name = labelOf(chip.querySelector(S.ATTACHMENT_NAME));
        if (!name) continue;
        const size = sizeIn(chip.querySelector(S.ATTACHMENT_SIZE)?.textContent);
        draft.attachments.push(size === undefined ? { name } : { name, size });
      }
    } catch {
      this.report('recipients');
    }
    return draft;
  }

  isSendControl(target: EventTarget | null): boolean {
    const el = elementOf(target);
    if (!el || !this.root.contains(el)) return false;
    const button = el.closest(S.SEND_BUTTON.join(','));
    return !!button && this.root.contains(button);
  }

  bannerHost(): HTMLElement {
    return ensureBannerHost(this.root, this.body());
  }

  // official-directory (issue 14): typed text is edited in place; a chip is removed with its own
  // control and the official address typed in its stead (Gmail makes a recipient of it on Send).
  replaceRecipient(field: 'to' | 'cc' | 'bcc', from: string, to: string): boolean {
    const lower = from.toLowerCase();
    for (const input of this.root.querySelectorAll<HTMLInputElement>(S.RECIPIENT_TYPING[field])) {
      const at = input.value.toLowerCase().indexOf(lower);
      if (at < 0) continue;
      setTypedValue(input, input.value.slice(0, at) + to + input.value.slice(at + from.length));
      return true;
    }
    const typing = this.root.querySelector<HTMLInputElement>(S.RECIPIENT_TYPING[field]);
    for (const chip of allOfFirst(this.root, S.RECIPIENT_CHIPS[field])) {
      const held = [...S.CHIP_ADDRESS_ATTRS.map((a) => chip.getAttribute(a)), (chip as HTMLInputElement).value];
      if (!held.some((h) => addressIn(h) === lower)) continue;
      const remove = chip.querySelector<HTMLElement>(S.CHIP_REMOVE);
      if (!remove || !typing) return false;
      remove.click();
      setTypedValue(typing, typing.value ? `${typing.value}, ${to}` : to);
      return true;
    }
    return false;
  }
}

export function createGmailAdapter(report: UnreadableReport = () => {}): SiteAdapter {
  return {
    site: 'gmail',
    matches: (url) => url.protocol === 'https:' && (S.HOSTS as readonly string[]).includes(url.hostname),
    watch(doc, signal, onCompose, onClosed) {
      watchComposes(doc, signal, {
        markerSelector: S.COMPOSE_MARKER,
        rootOf: (marker) => marker.closest<HTMLElement>(S.COMPOSE_ROOT),
        makeHandle: (root) => new GmailCompose(root, makeOnceReporter((what) => report('gmail', what))),
      }, onCompose, onClosed);
    },
  };
}

export const gmailAdapter = createGmailAdapter();
