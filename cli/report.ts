import { renderFinding, renderReadNotice, t, type Lang } from '../core';
import { renderSignatureState } from '../core/messages/signature-state';
import type { SkippedEntry } from './files';
import { escapeControls } from './path-text';
import { READING, type FileResult } from './scan';
import { skippedJson, skippedLines } from './skipped';

/** The --json document: exactly the shape IT scripts read. */
export function toJson(results: readonly FileResult[], lang: Lang, skipped: readonly SkippedEntry[] = []): string {
  const files = results.map((r) => ({
    path: r.path,
    ...(r.raw && { pathBase64: r.raw.toString('base64') }),
    findings: r.findings.map((f) => {
      const words = renderFinding(f, lang);
      return {
        rule: f.rule,
        severity: f.severity,
        message: words.text,
        citation: f.citation[lang],
        ...(f.rule === 'public-contact-in-document' ? { addresses: f.evidence.addresses ?? [] } : {}),
      };
    }),
    ...(r.error ? { error: r.error } : {}),
    ...(r.notices.length > 0 ? { notices: r.notices.map((n) => ({ ...n, message: renderReadNotice(n, lang, READING) })) } : {}),
    // unsigned-document (issue 14)
    ...(r.signatures ? { signatures: r.signatures.map(({ part, state }) => ({ ...(part && { part }), ...state, message: renderSignatureState(state, lang).join(' · ') })) } : {}),
  }));
  return JSON.stringify({ files, skipped: skippedJson(skipped) }, null, 2);
}

const MARK = { block: '✖', warn: '▲', nudge: '•' } as const;

/** The readable report: only files that need attention, then one summary line. */
export function toText(results: readonly FileResult[], lang: Lang, skipped: readonly SkippedEntry[] = []): string {
  const lines: string[] = [];
  for (const r of results) {
    // unsigned-document: a file that carries a signature, or a field for one, shows its state.
    const signed = (r.signatures ?? []).filter(({ state }) => state.signatures.length > 0 || state.unsignedFields > 0 || state.unreadable);
    if (r.findings.length === 0 && !r.error && r.notices.length === 0 && signed.length === 0) continue;
    lines.push(escapeControls(r.path));
    if (r.error) lines.push(`  ✖ ${escapeControls(r.error)}`);
    for (const { part, state } of r.findings.some((f) => f.rule === 'unsigned-document') ? (r.signatures ?? []) : signed) {
      for (const line of renderSignatureState(state, lang)) lines.push(`  ✎ ${t(lang, 'signature.label')}${part ? ` (${escapeControls(part)})` : ''}: ${escapeControls(line)}`);
    }
    for (const n of r.notices) lines.push(`  ! ${escapeControls(renderReadNotice(n, lang, READING))}`);
    for (const f of r.findings) {
      const w = renderFinding(f, lang);
      lines.push(`  ${MARK[f.severity]} ${w.severity} · ${w.title}`, `    ${escapeControls(w.text)}`, `    ${w.citation}`);
    }
    lines.push('');
  }
  lines.push(...skippedLines(skipped, lang));
  const flagged = results.filter((r) => r.findings.length > 0).length;
  const unreadable = results.filter((r) => r.error).length;
  const partial = results.filter((r) => !r.error && r.notices.length > 0).length;
  if (flagged === 0 && unreadable === 0 && partial === 0) lines.push(t(lang, 'cli.clean'));
  lines.push(t(lang, 'cli.summary', { files: results.length, flagged, unreadable }));
  if (partial > 0) lines.push(t(lang, 'cli.partial', { count: partial }));
  return lines.join('\n');
}

/** 0 only when every file was read whole and nothing was found; a notice is not a finding, but a file not checked in full is not clean. */
export function exitCode(results: readonly FileResult[]): 0 | 1 {
  return results.some((r) => r.findings.length > 0 || r.error || r.notices.length > 0) ? 1 : 0;
}
