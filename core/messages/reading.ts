// Words for how a file was read: why a file or an attachment could not be read, what a bound
// cut, what had no text; and long lists shortened for a sentence. Shared by every host so a
// reader sees the same words in the scanner, the extension and the add-in.
import type { Lang, ReadFailure, ReadNotice } from '../types';
import { t, type MessageKey } from './index';

/** Numbers a host fills in: the limits it read under, and a system error code for 'io'. */
export interface ReadingParams {
  limitMB: number;
  seconds: number;
  detail?: string;
}

/** Why a file could not be read, as the end of a sentence ("it is protected by a password"). */
export function renderReadFailure(f: ReadFailure, lang: Lang, p: ReadingParams): string {
  if (f.reason) return t(lang, `extract.reason.${f.reason}` as MessageKey, { format: f.format ?? '' });
  const key = `extract.${f.code}` as MessageKey;
  return t(lang, key, { limit: p.limitMB, seconds: p.seconds, detail: p.detail ?? '' });
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);
}

/** One notice as a sentence; about an attachment, it names the attachment. */
export function renderReadNotice(n: ReadNotice, lang: Lang, p: ReadingParams): string {
  if (n.code === 'part-unreadable') return t(lang, 'notice.part-unreadable', { part: n.part, reason: renderReadFailure(n.failure, lang, p) });
  const text = t(lang, `notice.${n.code}` as MessageKey, { count: formatCount(n.count ?? 0, lang) });
  return n.part ? t(lang, 'notice.in-part', { part: n.part, text }) : text;
}

/** How many addresses a sentence names before "… and N more". */
export const LIST_SHOWN = 5;

/** "a, b, c, d, e … và 548 địa chỉ khác": the first few and the count of the rest. */
export function shortAddressList(addresses: readonly string[], lang: Lang, shown = LIST_SHOWN): string {
  if (addresses.length <= shown) return addresses.join(', ');
  return `${addresses.slice(0, shown).join(', ')} ${t(lang, 'list.more-addresses', { count: formatCount(addresses.length - shown, lang) })}`;
}
