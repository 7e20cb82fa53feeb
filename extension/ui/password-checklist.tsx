// The change-password checklist, rendered as text in a closed shadow root beside the new
// password field. It shows what is met and what is not, never the password itself.
import { render } from 'preact';
import { t, type MessageKey } from '../../core/messages';
import type { PasswordChecklist } from '../../core/password/checklist';
import type { StrengthScore } from '../../core/password/strength';
import type { Lang, Mode } from '../../core/types';
import { CHECKLIST_CSS } from './password-checklist-style';

export interface ChecklistProps {
  lang: Lang;
  mode: Exclude<Mode, 'off'>;
  list: PasswordChecklist;
  score: StrengthScore;
  citation: string;
  /** Why the save was just held or stopped. */
  notice?: string;
  /** Offered in warn mode while the save is held. */
  onAcknowledge?: () => void;
}

const trusted = (act: () => void) => (e: Event) => {
  if (e.isTrusted) act();
};

function Line({ ok, text, detail }: { ok: boolean; text: string; detail?: string }) {
  return (
    <li class={ok ? 'ok' : 'todo'} data-met={ok ? 'yes' : 'no'}>
      <span class="mark" aria-hidden="true">{ok ? '✓' : '○'}</span>
      <span>
        {text}
        {detail && <span class="detail"> ({detail})</span>}
      </span>
    </li>
  );
}

function Checklist({ lang, mode, list, score, citation, notice, onAcknowledge }: ChecklistProps) {
  const w = (key: string, params?: Record<string, string | number>) => t(lang, key as MessageKey, params);
  const guesses = list.guessable.map((r) => w(`password-policy.guess.${r}`)).join('; ');
  const typed = list.length > 0;
  return (
    <div class={`checklist ${mode}`} role="status" aria-live="polite" lang={lang}>
      <div class="head">{w('banner.product')} · {w('password-policy.heading')}</div>
      <ul>
        <Line ok={list.longEnough} text={w('password-policy.length', { min: list.minLength, count: list.length })} />
        <Line ok={list.upper} text={w('password-policy.upper')} />
        <Line ok={list.lower} text={w('password-policy.lower')} />
        <Line ok={list.digit} text={w('password-policy.digit')} />
        <Line ok={list.special} text={w('password-policy.special')} />
        <Line ok={typed && list.guessable.length === 0} text={w('password-policy.not-guessable')} detail={guesses || undefined} />
      </ul>
      {typed && (
        <div class={`strength s${score}`} data-score={score}>
          <span class="bar"><span style={{ width: `${(score + 1) * 20}%` }} /></span>
          {w('password-policy.strength', { level: w(`password-policy.strength.${score}`) })}
        </div>
      )}
      {notice && <div class="notice">{notice}</div>}
      {notice && onAcknowledge && (
        <button type="button" class="primary" data-action="acknowledge" onClick={trusted(onAcknowledge)}>
          {w('action.acknowledge')}
        </button>
      )}
      <div class="cite">{citation}</div>
      <div class="private">{w('password-policy.private')}</div>
    </div>
  );
}

export interface MountedChecklist {
  update(props: ChecklistProps): void;
  host: HTMLElement;
}

export function mountChecklist(host: HTMLElement): MountedChecklist {
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CHECKLIST_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  return { host, update: (props) => render(<Checklist {...props} />, container) };
}
