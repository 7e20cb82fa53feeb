// auto-forward-public on the official webmail's forwarding settings (QĐ 3712 Art. 9.3): as a
// target outside the official domains is typed or chosen, a calm note appears beside the field;
// when the user saves, `warn` holds the save until "I understand" and `block` stops it. The
// page's own save goes on untouched when every target is official. Nothing leaves the page.
import { t } from '../../core/messages';
import type { Policy } from '../../core/policy';
import { forwardingFinding } from '../../core/forwarding/targets';
import { autoForwardPublicRule } from '../../core/rules/auto-forward-public';
import type { Lang, Mode } from '../../core/types';
import type { ForwardingPageSelectors } from '../sites/account-pages';
import { mountBanner, type MountedBanner } from '../ui/banner';

export interface ForwardingGuardOptions {
  policy: () => Policy | undefined;
  lang: () => Lang;
}

/** Starts the guard for one kind of forwarding view; returns what shows the note again for what the page holds now. */
export function startForwardingGuard(sel: ForwardingPageSelectors, opts: ForwardingGuardOptions, signal: AbortSignal): () => void {
  let banner: MountedBanner | undefined;
  let host: HTMLElement | undefined;
  let acknowledged = '';
  let notice: string | undefined;

  const mode = (): Mode => opts.policy()?.rules['auto-forward-public'] ?? 'off';

  const clear = () => {
    banner?.remove();
    banner = undefined;
    host = undefined;
    notice = undefined;
  };

  /** Shows the note for what the page holds now; returns the addresses outside, joined (empty when none). */
  const show = (): string => {
    const policy = opts.policy();
    if (!policy || mode() === 'off') {
      clear();
      return '';
    }
    const targets = sel.targets(document);
    const finding = forwardingFinding(
      targets.map((x) => x.address),
      policy,
    );
    if (!finding) {
      clear();
      return '';
    }
    const outside = finding.evidence.addresses ?? [];
    const key = outside.join(',');
    const field = targets.find((x) => outside.includes(x.address.toLowerCase()))?.field ?? targets[0]!.field;
    if (!host || !host.isConnected) {
      host = document.createElement('div');
      host.setAttribute('data-congvu-forwarding', '');
      banner = mountBanner(host);
    }
    // Beside the field the user is typing in, after the group that holds it and its domain list.
    const anchor = field.closest('.input-group, td, li, .field, .form-group') ?? field;
    if (anchor.nextElementSibling !== host) anchor.after(host);
    const lang = opts.lang();
    const severity = mode() as Exclude<Mode, 'off'>;
    const source = autoForwardPublicRule.sources[policy.authority] ?? autoForwardPublicRule.sources.default;
    banner!.update({
      lang,
      notice,
      items: [
        {
          key: `auto-forward-public|${key}`,
          severity,
          title: t(lang, 'rule.auto-forward-public'),
          text: t(lang, 'auto-forward-public.outside', { addresses: finding.params.addresses! }),
          citation: t(lang, 'citation.label', { citation: source[lang] }),
          actions: severity === 'warn' && acknowledged !== key ? ['acknowledge'] : [],
          label: t(lang, `mode.${severity}`),
        },
      ],
      onAction: () => {
        acknowledged = key;
        notice = undefined;
        show();
      },
    });
    return key;
  };

  /** A save the page is about to make: let it through, or hold it (warn, until acknowledged) or stop it (block). */
  const gate = (e: Event) => {
    const outside = show();
    if (!outside || mode() === 'nudge' || (mode() === 'warn' && acknowledged === outside)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const lang = opts.lang();
    notice = mode() === 'block' ? t(lang, 'auto-forward-public.stopped') : `${t(lang, 'auto-forward-public.stopped')} ${t(lang, 'auto-forward-public.needs-ack')}`;
    show();
  };

  const listen = { capture: true, signal } as const;
  const onEdit = () => void show();
  document.addEventListener('input', onEdit, listen);
  document.addEventListener('change', onEdit, listen);
  // The products save through their own command handlers (a click) or a form post (Enter).
  window.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest(sel.submit)) gate(e);
  }, listen);
  window.addEventListener('submit', gate, listen);
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.form && sel.targets(document).some((x) => x.field === e.target)) gate(e);
  }, listen);
  show();
  return () => void show();
}
