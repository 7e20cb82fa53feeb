import type { PolicyError } from '../policy/load';
import type { Finding, Lang } from '../types';
import { en, type MessageKey } from './en';
import { shortAddressList } from './reading';
import { vi } from './vi';

export type { MessageKey };
const CATALOGS: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key) || Object.hasOwn(vi, key);
}

/** Every message in `lang`: what a host that loads one language at run time is sent. */
export function catalog(lang: Lang): Readonly<Record<MessageKey, string>> {
  return CATALOGS[lang];
}

/**
 * Adds messages received at run time. The extension's content scripts are built with only a
 * few words of each language (extension/content/installed-catalog.ts) and get the policy's
 * language with the policy; elsewhere the catalogs are complete and this changes nothing.
 */
export function addMessages(lang: Lang, messages: Readonly<Record<string, string>>): void {
  Object.assign(CATALOGS[lang], messages);
}

/** The message for `key` in `lang`, with `{name}` placeholders filled. Always NFC. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  // A language whose words have not arrived yet (content scripts) reads in the other if it can.
  const template = CATALOGS[lang][key] ?? CATALOGS[lang === 'vi' ? 'en' : 'vi'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)).normalize('NFC');
}

export interface RenderedFinding {
  title: string;
  severity: string;
  text: string;
  citation: string;
}

/** A finding in words, for a banner, an info bar or a report line. */
export function renderFinding(f: Finding, lang: Lang): RenderedFinding {
  const params: Record<string, string | number> = { ...f.params };
  // A sentence names a few addresses and counts the rest; the evidence keeps them all.
  if ('addresses' in params && f.evidence.addresses?.length) params.addresses = shortAddressList(f.evidence.addresses, lang);
  if (f.evidence.markers?.length) {
    params.markers = f.evidence.markers
      .map((m) => `marker.${m}`)
      .filter(isMessageKey)
      .map((k) => t(lang, k))
      .join(', ');
  }
  const key = isMessageKey(f.messageKey) ? f.messageKey : 'cli.error';
  return {
    title: t(lang, `rule.${f.rule}` as MessageKey),
    severity: t(lang, `severity.${f.severity}` as MessageKey),
    text: t(lang, key, params),
    citation: t(lang, 'citation.label', { citation: f.citation[lang] }),
  };
}

export function renderPolicyError(e: PolicyError, lang: Lang): string {
  const source = t(lang, `policy.source.${e.source}` as MessageKey);
  return t(lang, `policy.error.${e.problem}` as MessageKey, { field: e.field, received: e.received, expected: e.expected[lang], source });
}

export { formatCount, LIST_SHOWN, renderReadFailure, renderReadNotice, shortAddressList, type ReadingParams } from './reading';
