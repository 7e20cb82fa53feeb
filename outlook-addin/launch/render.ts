// Findings in words for Outlook's surfaces: an info bar (≤ 150 characters: the core's text cut to
// its first sentence, plus a short citation) and a Smart Alerts dialog (≤ 500 characters).
import { renderFinding, renderReadNotice, t, type Finding, type Lang } from '../../core';
import { DEFAULT_LIMITS } from '../../core/extract/limits';
import { NOTIFICATION_MAX_CHARS } from '../office/notifications';
import type { AttachmentRecord } from './attachments';

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

/** Files named in the one sentence about files not read here; the rest are counted. */
const FILES_NAMED = 3;
const READING = { limitMB: DEFAULT_LIMITS.maxInputBytes / 2 ** 20, seconds: DEFAULT_LIMITS.timeoutMs / 1000 };

/**
 * What was not checked in the attached files, one sentence each: a file this runtime could not
 * read (every PDF here: the launch file has no PDF reader) points to the task pane; a file read
 * only in part names the file, the inner part and the reason.
 */
export function attachmentNotes(records: readonly AttachmentRecord[], lang: Lang): string[] {
  // Files not read here share one sentence (the pane is the same answer for all of them).
  const unread = records.filter((r) => r.state === 'unreadable').map((r) => r.name);
  const notes: string[] = [];
  if (unread.length > 0) notes.push(t(lang, 'addin.file-unchecked', { file: unread.slice(0, FILES_NAMED).join('”, “') }));
  if (unread.length > FILES_NAMED) notes.push(t(lang, 'addin.send.more-files-unchecked', { count: unread.length - FILES_NAMED }));
  for (const r of records) {
    for (const n of r.notices ?? []) notes.push(renderReadNotice({ ...n, part: n.part ? `${r.name} › ${n.part}` : r.name }, lang, READING));
    if (r.moreNotices) notes.push(t(lang, 'addin.send.notes-more', { count: r.moreNotices }));
  }
  return notes;
}

/** Notes in at most `max` characters: those that fit whole, then how many more there are. */
export function notesText(notes: readonly string[], lang: Lang, max: number): string {
  const shown: string[] = [];
  let used = 0;
  for (const [k, note] of notes.entries()) {
    const rest = notes.length - k - 1;
    const more = rest > 0 ? t(lang, 'addin.send.notes-more', { count: rest }).length + 1 : 0;
    if (used + note.length + 1 + more > max) break;
    shown.push(note);
    used += note.length + 1;
  }
  const left = notes.length - shown.length;
  if (left > 0) shown.push(t(lang, 'addin.send.notes-more', { count: left }));
  return ellipsize(shown.join(' '), max);
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

/**
 * A Smart Alerts / on-send explanation: each finding's full text and citation, then what was not
 * checked in the files (`notes`), within `max`. Notes keep room for at least their count.
 */
export function alertText(findings: readonly Finding[], lang: Lang, lead?: string, trail?: string, max = ALERT_MAX_CHARS, notes: readonly string[] = []): string {
  const parts: string[] = [];
  const noteRoom = notes.length > 0 ? Math.min(notes.join(' ').length, Math.max(t(lang, 'addin.send.notes-more', { count: notes.length }).length, Math.floor(max / 2))) + 1 : 0;
  let used = (lead ? lead.length + 1 : 0) + (trail ? trail.length + 1 : 0) + noteRoom;
  for (const f of findings) {
    const r = renderFinding(f, lang);
    const full = `${r.text} ${t(lang, 'citation.label', { citation: f.citation[lang] })}`;
    const short = `${firstSentence(r.text)} ${t(lang, 'citation.label', { citation: shortCitation(f.citation[lang], lang) })}`;
    const piece = used + full.length + 1 <= max ? full : used + short.length + 1 <= max ? short : undefined;
    if (!piece) break;
    parts.push(piece);
    used += piece.length + 1;
  }
  used -= noteRoom;
  const noted = notes.length > 0 ? notesText(notes, lang, max - used - 1) : '';
  const text = [lead, ...parts, noted, trail].filter(Boolean).join(' ');
  return ellipsize(text, max);
}
