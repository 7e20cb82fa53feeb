// The gentle banner shown inside a compose window (and, alone, as a toast on official
// webmail). Everything the page controls — file names, addresses, subjects — is rendered
// as text nodes inside a closed shadow root: page scripts cannot reach into it, and its
// buttons act only on events the browser made from the user's own input (isTrusted).
// Built with plain DOM calls rather than a UI library: this file rides in every webmail tab
// (content.js), where a renderer would weigh more than the banner itself (issue 11).
import { t, type MessageKey } from '../../core/messages';
import type { ActionId, Lang, Severity } from '../../core/types';
import { BANNER_CSS } from './banner-style';

export interface BannerItem {
  key: string;
  severity: Severity;
  title: string;
  text: string;
  citation: string;
  actions: ActionId[];
  /** A label other than the severity's ("cannot send yet" fits a message, not a settings page). */
  label?: string;
}

export interface BannerProps {
  lang: Lang;
  items: BannerItem[];
  /** A line above the items: why Send or a file was just stopped. */
  notice?: string;
  onAction(item: BannerItem, action: ActionId): void;
  onClose?(): void;
}

const RANK: Record<Severity, number> = { nudge: 0, warn: 1, block: 2 };

/** A handler that ignores events a script dispatched. */
const trusted = (act: () => void) => (e: Event) => {
  if (e.isTrusted) act();
};

type Child = Node | string | false | undefined;

function el(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const c of children) if (c !== false && c !== undefined) node.append(c);
  return node;
}

function button(attrs: Record<string, string>, label: string, act: () => void): HTMLElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', trusted(act));
  return b;
}

function renderBanner({ lang, items, notice, onAction, onClose }: BannerProps): HTMLElement | undefined {
  if (items.length === 0 && !notice) return undefined;
  const top = items.reduce<Severity>((s, i) => (RANK[i.severity] > RANK[s] ? i.severity : s), 'nudge');
  const close = t(lang, 'banner.close');
  return el(
    'div',
    { class: `banner ${top}`, role: top === 'nudge' ? 'status' : 'alert', lang },
    el('div', { class: 'head' }, el('span', {}, t(lang, 'banner.product')), onClose && button({ class: 'close', 'aria-label': close, title: close }, '×', onClose)),
    notice && el('div', { class: 'notice' }, notice),
    ...items.map((item) =>
      el(
        'div',
        { class: 'item', 'data-rule': item.key.split('|')[0]!, 'data-key': item.key },
        el('div', {}, el('span', { class: `label ${item.severity}` }, item.label ?? t(lang, `severity.${item.severity}` as MessageKey)), el('span', { class: 'title' }, item.title)),
        el('div', { class: 'text' }, item.text),
        el('div', { class: 'cite' }, item.citation),
        item.actions.length > 0 &&
          el('div', { class: 'actions' }, ...item.actions.map((action, k) => button({ class: k === 0 ? 'primary' : '', 'data-action': action }, t(lang, `action.${action}` as MessageKey), () => onAction(item, action)))),
      ),
    ),
  );
}

/** What the user sees of a banner: an update that would draw the same thing changes nothing. */
function looks(props: BannerProps): string {
  return JSON.stringify([props.lang, props.notice ?? '', !!props.onClose, props.items]);
}

/** The focused button's place, so a redraw hands focus back to the same button. */
function focusedButton(shadow: ShadowRoot): { item?: string; action?: string; close: boolean } | undefined {
  const active = shadow.activeElement;
  if (!(active instanceof HTMLElement) || active.tagName !== 'BUTTON') return undefined;
  return { item: active.closest('.item')?.getAttribute('data-key') ?? undefined, action: active.getAttribute('data-action') ?? undefined, close: active.classList.contains('close') };
}

export interface MountedBanner {
  update(props: BannerProps): void;
  remove(): void;
}

/** Mounts a banner in a closed shadow root on `host`. */
export function mountBanner(host: HTMLElement): MountedBanner {
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BANNER_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  let shown: string | undefined;
  let handlers: Pick<BannerProps, 'onAction' | 'onClose'> | undefined;
  return {
    update: (props) => {
      // Handlers may be new closures on every update: the drawn buttons call the latest ones.
      handlers = props;
      const look = looks(props);
      if (look === shown) return;
      shown = look;
      const focus = focusedButton(shadow);
      const banner = renderBanner({
        ...props,
        onAction: (item, action) => handlers!.onAction(item, action),
        onClose: props.onClose && (() => handlers!.onClose?.()),
      });
      container.replaceChildren(...(banner ? [banner] : []));
      if (!focus || !banner) return;
      const target = focus.close
        ? banner.querySelector<HTMLElement>('button.close')
        : [...banner.querySelectorAll<HTMLElement>('.item')].find((n) => n.getAttribute('data-key') === focus.item)?.querySelector<HTMLElement>(`button[data-action="${focus.action ?? ''}"]`);
      target?.focus();
    },
    remove: () => {
      container.replaceChildren();
      host.remove();
    },
  };
}
