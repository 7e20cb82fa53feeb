// The read task pane: for a received message, lists documents that give a public mailbox as
// their contact point (core check(), direction 'incoming') with the rule's text and citation, and
// keeps an info bar on the message ('cvg-incoming') so the warning stays visible after the pane
// is closed. Says plainly when nothing was found, and what could not be read.
import { useCallback, useMemo } from 'preact/hooks';
import { renderReadNotice, t, type Lang } from '../../core';
import { DEFAULT_LIMITS } from '../../core/extract/limits';
import { readModeItem } from '../office/read';
import { paneContext, type PaneDeps } from './compose-check';
import { FindingGroups, Notes, PaneHeader, PolicyProblems, fileReason } from './common';
import { checkReceived, type ReadReport } from './read-check';
import { usePaneCheck } from './use-pane-check';

export interface ReadPaneProps {
  deps?: PaneDeps;
}

const READING = { limitMB: DEFAULT_LIMITS.maxInputBytes / 2 ** 20, seconds: DEFAULT_LIMITS.timeoutMs / 1000 };

/** Nothing was left unread: only then may the pane say the message is clean. */
function fullyChecked(report: ReadReport): boolean {
  return !report.bodyFailed && !report.attachmentsUnsupported && report.files.every((f) => f.state !== 'unreadable' && !f.notices?.length);
}

export function readNotes(report: ReadReport, lang: Lang): string[] {
  const lines: string[] = [];
  if (report.bodyFailed) lines.push(t(lang, 'addin.pane.read-failed', { parts: t(lang, 'addin.pane.part.body') }));
  if (report.attachmentsUnsupported) lines.push(t(lang, 'addin.pane.attachments-unsupported'));
  for (const f of report.files) {
    if (f.state === 'unreadable') lines.push(t(lang, 'addin.pane.file-unreadable', { file: f.info.name, reason: fileReason(f.error, f.info.name, lang) }));
    for (const n of f.notices ?? []) lines.push(renderReadNotice({ ...n, part: n.part ? `${f.info.name} › ${n.part}` : f.info.name }, lang, READING));
  }
  if (report.bar === 'failed') lines.push(t(lang, 'addin.read.bar-failed'));
  return lines;
}

export function ReadPane({ deps }: ReadPaneProps) {
  const ctx = useMemo(() => paneContext(deps), [deps]);
  const check = useCallback((item: NonNullable<ReturnType<typeof readModeItem>>) => checkReceived(item, ctx), [ctx]);
  const { lang, report, busy, error, run } = usePaneCheck(readModeItem, check);

  const read = report?.files.filter((f) => f.state === 'read').length ?? 0;
  return (
    <main class="pane" lang={lang} aria-busy={busy}>
      <PaneHeader title={t(lang, 'addin.pane.read-title')} lang={lang} busy={busy} onRecheck={() => void run()} />
      {busy && (
        <p class="status" role="status" data-testid="status">
          {t(lang, 'addin.pane.checking')}
        </p>
      )}
      {error && (
        <p class="note error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      {report && (
        <>
          <FindingGroups lang={lang} findings={report.findings} />
          {report.findings.length === 0 && !busy && fullyChecked(report) && (
            <p class="clean" data-testid="clean">
              {t(lang, 'addin.read.clean')}
            </p>
          )}
          <p class="muted">{report.files.length === 0 ? t(lang, 'addin.read.no-attachments') : t(lang, 'addin.read.checked', { count: read })}</p>
          <Notes lines={readNotes(report, lang)} />
          <PolicyProblems hosted={report.hosted} lang={lang} />
        </>
      )}
    </main>
  );
}
