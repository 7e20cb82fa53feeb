// What a scan did not read, and why: listed in full in the JSON, one line each in the report.
import { t, type Lang, type MessageKey } from '../core';
import type { SkippedEntry } from './files';
import { escapeControls } from './path-text';

/** Past this many, the readable report gives a count and leaves the rest to --json. */
const REPORT_LINES = 20;

export function skippedJson(skipped: readonly SkippedEntry[]): Array<{ path: string; pathBase64?: string; reason: string; code?: string }> {
  return skipped.map((s) => ({ path: s.path, ...(s.raw && { pathBase64: s.raw.toString('base64') }), reason: s.reason, ...(s.code && { code: s.code }) }));
}

export function skippedLines(skipped: readonly SkippedEntry[], lang: Lang): string[] {
  if (skipped.length === 0) return [];
  const lines = [t(lang, 'cli.skipped.heading', { count: skipped.length })];
  for (const s of skipped.slice(0, REPORT_LINES)) {
    lines.push(`  ○ ${escapeControls(s.path)} — ${t(lang, `skip.${s.reason}` as MessageKey, { detail: s.code ?? '' })}`);
  }
  if (skipped.length > REPORT_LINES) lines.push(`  ${t(lang, 'cli.skipped.more', { count: skipped.length - REPORT_LINES })}`);
  return lines;
}
