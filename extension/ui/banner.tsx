// The gentle banner shown inside a compose window (and, alone, as a toast on official
// webmail). Everything the page controls — file names, addresses, subjects — is rendered
// as text nodes inside a closed shadow root: page scripts cannot reach into it, and its
// buttons act only on events the browser made from the user's own input (isTrusted).
import { render } from 'preact';
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

function Banner({ lang, items, notice, onAction, onClose }: BannerProps) {
  if (items.length === 0 && !notice) return null;
  const top = items.reduce<Severity>((s, i) => (RANK[i.severity] > RANK[s] ? i.severity : s), 'nudge');
  return (
    <div class={`banner ${top}`} role={top === 'nudge' ? 'status' : 'alert'} lang={lang}>
      <div class="head">
        <span>{t(lang, 'banner.product')}</span>
        {onClose && (
          <button class="close" type="button" aria-label={t(lang, 'banner.close')} title={t(lang, 'banner.close')} onClick={trusted(onClose)}>
            ×
          </button>
        )}
      </div>
      {notice && <div class="notice">{notice}</div>}
      {items.map((item) => (
        <div class="item" key={item.key} data-rule={item.key.split('|')[0]}>
          <div>
            <span class={`label ${item.severity}`}>{item.label ?? t(lang, `severity.${item.severity}` as MessageKey)}</span>
            <span class="title">{item.title}</span>
          </div>
          <div class="text">{item.text}</div>
          <div class="cite">{item.citation}</div>
          {item.actions.length > 0 && (
            <div class="actions">
              {item.actions.map((action, k) => (
                <button type="button" class={k === 0 ? 'primary' : ''} data-action={action} onClick={trusted(() => onAction(item, action))}>
                  {t(lang, `action.${action}` as MessageKey)}
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
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
  return {
    update: (props) => render(<Banner {...props} />, container),
    remove: () => {
      render(null, container);
      host.remove();
    },
  };
}
