// Findings in words for Outlook's surfaces: an info bar (≤ 150 characters: the core's text cut to
// its first sentence, plus a short citation) and a Smart Alerts dialog (≤ 500 characters).
import { renderFinding, t, type Finding, type Lang } from '../../core';
import { NOTIFICATION_MAX_CHARS } from '../office/notifications';

/** Smart Alerts' cap on errorMessage. */
export const ALERT_MAX_CHARS = 500;

/** The citation without dates and signatories: "Mục 1c, Chỉ thị 06/CT-UBND". */
export function shortCitation(citation: string, lang: Lang): string {
  const cut = lang === 'vi' ? /\s+(?:ngày\s+\d|của\s).*$/u : /(?:\s+of\s+\d|,\s+(?:Chairman|Prime Minister|[A-Z][a-z]+ (?:City|Provincial))).*$/u;
  return citation.replace(cut, '').trim();
}

function firstSentence(text: string): string {
  const m = /^.*?[.;!?](?=\s|$)/su.exec(text);
  return (m ? m[0] : text).trim();
}

function ellipsize(text: string, room: number): string {
  if (text.length <= room) return text;
  const cut = text.slice(0, Math.max(0, room - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > room * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`;
}

/** One info bar's text for the findings of one rule (the first, plus how many more). */
export function infoBarText(findings: readonly Finding[], lang: Lang, max = NOTIFICATION_MAX_CHARS): string {
  const first = findings[0];
  if (!first) return '';
  const rendered = renderFinding(first, lang);
  const citation = t(lang, 'citation.label', { citation: shortCitation(first.citation[lang], lang) });
  const more = findings.length > 1 ? ` ${t(lang, 'addin.more', { count: findings.length - 1 })}` : '';
  const tail = ` ${citation}`;
  const room = max - tail.length - more.length;
  const text = `${ellipsize(firstSentence(rendered.text), room)}${more}${tail}`;
  return text.length <= max ? text : ellipsize(text, max);
}

/** A Smart Alerts / on-send explanation: each finding's full text and citation, within `max`. */
export function alertText(findings: readonly Finding[], lang: Lang, lead?: string, trail?: string, max = ALERT_MAX_CHARS): string {
  const parts: string[] = [];
  let used = (lead ? lead.length + 1 : 0) + (trail ? trail.length + 1 : 0);
  for (const f of findings) {
    const r = renderFinding(f, lang);
    const full = `${r.text} ${t(lang, 'citation.label', { citation: f.citation[lang] })}`;
    const short = `${firstSentence(r.text)} ${t(lang, 'citation.label', { citation: shortCitation(f.citation[lang], lang) })}`;
    const piece = used + full.length + 1 <= max ? full : used + short.length + 1 <= max ? short : undefined;
    if (!piece) break;
    parts.push(piece);
    used += piece.length + 1;
  }
  const text = [lead, ...parts, trail].filter(Boolean).join(' ');
  return ellipsize(text, max);
}
