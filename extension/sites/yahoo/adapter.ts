// Yahoo Mail adapter. All markup knowledge is in ./selectors.ts.

import type { ComposeDraft, ComposeHandle, SiteAdapter, UnreadableReport } from '../types.js';
import { watchComposes } from '../compose-watcher.js';
import { RecipientSink, bodyTextOf, elementOf, emptyDraft, ensureBannerHost, firstMatch, labelOf, linksOf, makeOnceReporter, sizeIn } from '../read.js';
import * as S from './selectors.js';

const FIELDS = ['to', 'cc', 'bcc'] as const;

class YahooCompose implements ComposeHandle {
  readonly site = 'yahoo' as const;
  constructor(readonly root: HTMLElement, private readonly report: (what: 'recipients' | 'subject' | 'body') => void) {}

  private body(): HTMLElement | null {
    return firstMatch<HTMLElement>(this.root, S.BODY);
  }

  readDraft(): ComposeDraft {
    const draft = emptyDraft();
    try {
      const sink = new RecipientSink();
      for (const f of FIELDS) {
        const field = this.root.querySelector(S.RECIPIENT_FIELD[f]);
        if (!field) {
          if (f === 'to') this.report('recipients');
          continue;
        }
        for (const pill of field.querySelectorAll(S.PILL)) {
          const text = labelOf(pill.querySelector(S.PILL_TEXT) ?? pill);
          sink.add(f, [pill.getAttribute('title'), text], text);
        }
        for (const input of field.querySelectorAll<HTMLInputElement>(S.RECIPIENT_TYPING)) sink.addTyped(f, input.value);
      }
      sink.fill(draft);
      const subject = firstMatch<HTMLInputElement>(this.root, S.SUBJECT);
      if (!subject) this.report('subject');
      draft.subject = (subject?.value ?? '').normalize('NFC');
      const body = this.body();
      if (!body) this.report('body');
      draft.bodyText = bodyTextOf(body);
      draft.bodyLinks = linksOf(body);
      for (const chip of this.root.querySelectorAll(S.ATTACHMENT_CHIP)) {
        const name = (chip.getAttribute('title') ?? '').normalize('NFC').trim();
        if (!name) continue;
        const size = sizeIn(chip.textContent);
        draft.attachments.push(size === undefined ? { name } : { name, size });
      }
    } catch {
      this.report('recipients');
    }
    return draft;
  }

  isSendControl(target: EventTarget | null): boolean {
    const el = elementOf(target);
    const button = el?.closest(S.SEND_BUTTON.join(','));
    return !!button && this.root.contains(button);
  }

  bannerHost(): HTMLElement {
    return ensureBannerHost(this.root, this.body()?.parentElement ?? null);
  }
}

export function createYahooAdapter(report: UnreadableReport = () => {}): SiteAdapter {
  return {
    site: 'yahoo',
    matches: (url) => url.protocol === 'https:' && (S.HOSTS as readonly string[]).includes(url.hostname),
    watch(doc, signal, onCompose, onClosed) {
      watchComposes(doc, signal, {
        markerSelector: S.COMPOSE_MARKER,
        rootOf: (marker) => marker.closest<HTMLElement>(S.COMPOSE_ROOT),
        makeHandle: (root) => new YahooCompose(root, makeOnceReporter((what) => report('yahoo', what))),
      }, onCompose, onClosed);
    },
  };
}

export const yahooAdapter = createYahooAdapter();
