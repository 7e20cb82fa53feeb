// The background's heavy part: resolving a policy (JSON Schema validation, the Public Suffix
// List, the presets), both languages' messages and the rules' citations. The service worker
// needs it only when the policy's inputs change or a message must be worded, so the extension
// build puts it in policy-engine.js, loaded then (lazy-parts.split.ts); tests and any other
// build import it directly (lazy-parts.ts).
import { citationFor } from '../../core/check';
import { catalog, t } from '../../core/messages';
import { resolvePolicy, type Policy } from '../../core/policy';
import { RULES } from '../../core/rules';
import type { Citation, Lang, Severity } from '../../core/types';
import { ALLSITES_KEY, type AllSitesConfig, type ReuseAlert, type ToastWords } from '../allsites/config';
import type { PolicyState } from '../host/messages';
import type { PolicyInputs } from '../host/policy-load';
import { officialHosts } from './official-hosts';

/** The effective policy from its inputs, with its language's messages for the content scripts. */
export function resolveState(inputs: PolicyInputs): PolicyState {
  const resolved = resolvePolicy({ managed: inputs.managed, user: inputs.user });
  return { ...resolved, usingCachedManaged: inputs.cachedManaged, messages: catalog(resolved.policy.language) };
}

/** What is stored beside each resolved policy for the other scripts, by storage key. */
export function derivedFrom(policy: Policy): Record<string, unknown> {
  return { [ALLSITES_KEY]: allSitesConfig(policy) };
}

function words(p: Policy, mode: Severity, citation: Citation): ToastWords {
  const lang: Lang = p.language;
  return { product: t(lang, 'banner.product'), severity: t(lang, `severity.${mode}`), citation: t(lang, 'citation.label', { citation: citation[lang] }), close: t(lang, 'banner.close') };
}

/** Account hygiene (issue 13): what the all-sites script needs, precomputed. */
export function allSitesConfig(p: Policy): AllSitesConfig {
  const config: AllSitesConfig = {};
  const signupMode = p.rules['official-address-signup'];
  if (signupMode !== 'off') {
    config.signup = {
      mode: signupMode,
      officialDomains: p.officialDomains,
      accountHosts: [...officialHosts(p), ...p.officialSignInHosts],
      text: t(p.language, 'official-address-signup.nudge', { address: '{address}' }),
      words: words(p, signupMode, citationFor(RULES['official-address-signup'], p)),
    };
  }
  if (p.rules['password-policy'] !== 'off') config.reuse = true;
  return config;
}

/** Account hygiene (issue 13): the alert for the official password typed on `host`. */
export function reuseAlert(p: Policy, mode: Severity, citation: Citation, host: string, changeUrl: string): ReuseAlert {
  return { text: t(p.language, 'password-policy.reuse', { host }), words: words(p, mode, citation), changeUrl, changeLabel: t(p.language, 'password-policy.open-change') };
}
