// Outlook.com adapter. All markup knowledge is in ./selectors.ts; the docked compose has no
// stable container attribute, so its root is the nearest ancestor holding both the body and
// the Send button.

import type { ComposeDraft, ComposeHandle, SiteAdapter, UnreadableReport } from '../types.js';
import { watchComposes } from '../compose-watcher.js';
import { RecipientSink, allOfFirst, bodyTextOf, elementOf, emptyDraft, ensureBannerHost, firstMatch, labelOf, linksOf, makeOnceReporter, sizeIn } from '../read.js';
import * as S from './selectors.js';

const SEND = S.SEND_BUTTON.join(',');
const BODY = S.BODY.join(',');
/** How far up from a marker a compose root may be; OWA nests ~15 levels between body and Send. */
const MAX_CLIMB = 30;

function rootOf(marker: Element): HTMLElement | null {
  const popout = marker.closest<HTMLElement>(S.POPOUT_ROOT);
  if (popout) return popout;
  let el: HTMLElement | null = marker.parentElement;
  for (let i = 0; el && i < MAX_CLIMB; i++, el = el.parentElement) {
    if (el.querySelector(SEND) && el.querySelector(BODY) && el.querySelector(S.DOCKING_PART)) return el;
  }
  return null;
}

class OutlookCompose implements ComposeHandle {
  readonly site = 'outlook-com' as const;
  constructor(readonly root: HTMLElement, private readonly report: (what: 'recipients' | 'subject' | 'body') => void) {}

  private body(): HTMLElement | null {
    return firstMatch<HTMLElement>(this.root, S.BODY);
  }

  readDraft(): ComposeDraft {
    const draft = emptyDraft();
    try {
      const sink = new RecipientSink();
      const fields = Array.from(this.root.querySelectorAll(S.RECIPIENT_FIELDS));
      if (!fields.length) this.report('recipients');
      fields.forEach((field, i) => {
        // Fields come in order To, Cc, Bcc; with two fields after To, the second is Bcc. With one,
        // "Bcc" is the protocol field name in every UI language, so its label tells it apart.
        const label = (field.getAttribute('aria-label') ?? '').trim().toLowerCase();
        const kind = i === 0 ? 'to' : i === 2 || label === 'bcc' ? 'bcc' : 'cc';
        for (const pill of allOfFirst(field, S.PILL)) {
          const text = labelOf(pill.querySelector(S.PILL_TEXT) ?? pill);
          const attrs: Array<string | null> = [];
          for (const el of [pill, ...pill.querySelectorAll('*')]) for (const a of S.PILL_ADDRESS_ATTRS) attrs.push(el.getAttribute(a));
          sink.add(kind, [...attrs, text], text.replace(/<[^>]*>\s*$/u, '').trim());
        }
      });
      sink.fill(draft);
      const subjects = S.SUBJECT.map((s) => Array.from(this.root.querySelectorAll<HTMLInputElement>(s))).find((l) => l.length);
      if (!subjects) this.report('subject');
      draft.subject = (subjects?.at(-1)?.value ?? '').normalize('NFC');
      const body = this.body();
      if (!body) this.report('body');
      draft.bodyText = bodyTextOf(body);
      draft.bodyLinks = linksOf(body);
      for (const chip of this.root.querySelectorAll(S.ATTACHMENT_CHIP)) {
        const name = (chip.getAttribute('title') ?? '').normalize('NFC').trim();
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
    const button = elementOf(target)?.closest(SEND);
    return !!button && this.root.contains(button);
  }

  bannerHost(): HTMLElement {
    return ensureBannerHost(this.root, this.body());
  }
}

export function createOutlookComAdapter(report: UnreadableReport = () => {}): SiteAdapter {
  return {
    site: 'outlook-com',
    matches: (url) => url.protocol === 'https:' && (S.HOSTS as readonly string[]).includes(url.hostname) && url.pathname.startsWith('/mail'),
    watch(doc, signal, onCompose, onClosed) {
      watchComposes(doc, signal, {
        markerSelector: S.COMPOSE_MARKER,
        rootOf,
        makeHandle: (root) => new OutlookCompose(root, makeOnceReporter((what) => report('outlook-com', what))),
      }, onCompose, onClosed);
    },
  };
}

export const outlookComAdapter = createOutlookComAdapter();
