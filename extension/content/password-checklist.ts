// The change-password checklist (rule password-policy; QĐ 3712 Art. 8.1), added by the
// background to a frame that account-pages.ts recognised as a change-password page. It carries
// zxcvbn-ts and its dictionaries, so it is never loaded elsewhere. What is typed is read from
// the field on each keystroke and checked here; it is never stored, sent, or passed to the
// background: this script sends no message at all.
import { t } from '../../core/messages';
import { contextWords, passwordChecklist, type PasswordChecklist } from '../../core/password/checklist';
import { passwordStrength, strengthReasons, type StrengthScore } from '../../core/password/strength';
import { passwordPolicyRule } from '../../core/rules/password-policy';
import type { Mode } from '../../core/types';
import { fieldValue, type PasswordPageSelectors } from '../sites/account-pages';
import { passwordPageIn } from '../sites/account-page-list';
import { mountChecklist, type MountedChecklist } from '../ui/password-checklist';
import { isCheckedWebmailPage } from '../../core/policy/official-webmail';
import { PolicyClient } from './policy-client';

declare global {
  interface Window {
    __congvuPasswordChecklist?: boolean;
  }
}

/** The account's address and name as the page shows them, also from the top window when this is the settings frame. */
function accountWords(sel: PasswordPageSelectors): string[] {
  const docs: Document[] = [document];
  try {
    if (window.top && window.top !== window && window.top.document) docs.push(window.top.document);
  } catch {
    // Another origin's top window: only this frame is read.
  }
  const words = new Set<string>();
  for (const doc of docs) {
    for (const selector of sel.account) {
      for (const el of doc.querySelectorAll(selector)) {
        const text = fieldValue(el) || (el.textContent ?? '').trim();
        if (text) words.add(text);
      }
    }
  }
  return [...words];
}

function start(): void {
  const controller = new AbortController();
  let view: MountedChecklist | undefined;
  let acknowledged = '';
  let notice: string | undefined;
  let last: { list: PasswordChecklist; score: StrengthScore; value: string } | undefined;
  const client = new PolicyClient(() => refresh());

  const mode = (): Mode => {
    const policy = client.state?.policy;
    return policy && isCheckedWebmailPage(policy, new URL(location.href)) ? policy.rules['password-policy'] : 'off';
  };

  function evaluate(sel: PasswordPageSelectors, field: HTMLInputElement) {
    const value = field.value;
    if (last?.value === value) return last;
    const context = { account: accountWords(sel), officialDomains: client.state?.policy.officialDomains ?? [] };
    const strength = passwordStrength(value, contextWords(context));
    const list = passwordChecklist(value, context, strengthReasons(strength));
    last = { list, score: strength.score, value };
    return last;
  }

  function refresh(): void {
    const sel = passwordPageIn(document);
    const field = sel && document.querySelector<HTMLInputElement>(sel.newPassword);
    const m = mode();
    if (!sel || !field || m === 'off') {
      view?.host.remove();
      view = undefined;
      return;
    }
    if (!view || !view.host.isConnected) {
      const host = document.createElement('div');
      host.setAttribute('data-congvu-password', '');
      view = mountChecklist(host);
    }
    if (field.nextElementSibling !== view.host) field.after(view.host);
    const { list, score, value } = evaluate(sel, field);
    const policy = client.state!.policy;
    const lang = client.lang;
    const source = passwordPolicyRule.sources[policy.authority] ?? passwordPolicyRule.sources.default;
    view.update({
      lang,
      mode: m,
      list,
      score,
      citation: t(lang, 'citation.label', { citation: source[lang] }),
      notice,
      onAcknowledge:
        m === 'warn' && acknowledged !== value
          ? () => {
              acknowledged = value;
              notice = undefined;
              refresh();
            }
          : undefined,
    });
  }

  /** The page is about to save the new password. */
  function gate(e: Event): void {
    const sel = passwordPageIn(document);
    const field = sel && document.querySelector<HTMLInputElement>(sel.newPassword);
    const m = mode();
    if (!sel || !field || m === 'off' || m === 'nudge') return;
    const { list, value } = evaluate(sel, field);
    if (list.met || (m === 'warn' && acknowledged === value)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    notice = t(client.lang, m === 'block' ? 'password-policy.stopped' : 'password-policy.unmet');
    refresh();
  }

  const listen = { capture: true, signal: controller.signal } as const;
  document.addEventListener('input', (e) => {
    const sel = passwordPageIn(document);
    if (sel && e.target instanceof Element && e.target.matches(sel.newPassword)) {
      notice = undefined;
      refresh();
    }
  }, listen);
  window.addEventListener('click', (e) => {
    const sel = passwordPageIn(document);
    if (sel && e.target instanceof Element && e.target.closest(sel.submit)) gate(e);
  }, listen);
  window.addEventListener('submit', (e) => {
    const sel = passwordPageIn(document);
    if (sel && e.target instanceof HTMLFormElement && e.target.querySelector(sel.newPassword)) gate(e);
  }, listen);
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'password') gate(e);
  }, listen);
  void client.load().then(() => refresh());
}

// The background may add the script again after a navigation inside the page: run once per document.
if (!window.__congvuPasswordChecklist) {
  window.__congvuPasswordChecklist = true;
  start();
}
