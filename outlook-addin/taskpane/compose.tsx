// The compose task pane "Kiểm tra thư": checks the draft on open and on "Kiểm tra lại" with the
// same helpers as the launch events (so it serves clients without event-based activation), lists
// what it found by severity, and converts legacy TCVN3/VNI text to Unicode in one click.
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { renderReadNotice, t, type Finding, type Lang, type MessageKey } from '../../core';
import { DEFAULT_LIMITS } from '../../core/extract/limits';
import { renderSignatureState } from '../../core/messages/signature-state';
import { composeItem } from '../office/compose';
import { checkCompose, convertDraft, paneContext, type ComposeReport, type ConversionResult, type PaneDeps, type Rereads } from './compose-check';
import { usePaneCheck } from './use-pane-check';
import { replaceRecipient } from './directory';
import { FindingGroups, Notes, PaneHeader, PolicyProblems, fileReason, joinWords, reasonText } from './common';

export interface ComposePaneProps {
  deps?: PaneDeps;
}

const READING = { limitMB: DEFAULT_LIMITS.maxInputBytes / 2 ** 20, seconds: DEFAULT_LIMITS.timeoutMs / 1000 };

/** Nothing was left unchecked: only then may the pane call the draft clean. */
function fullyChecked(report: ComposeReport): boolean {
  return report.failedReads.length === 0 && !report.attachmentsUnsupported && report.pending.length === 0 && report.records.every((r) => r.state !== 'unreadable' && !r.notices?.length);
}

type Conversion = { state: 'idle' } | { state: 'working' } | { state: 'done'; lines: string[] } | { state: 'failed'; message: string };

/** What the user should know about the parts that were not (yet) checked. */
export function composeNotes(report: ComposeReport, lang: Lang): string[] {
  const lines: string[] = [];
  if (report.failedReads.length > 0) {
    const parts = report.failedReads.map((p) => t(lang, `addin.pane.part.${p}` as MessageKey));
    lines.push(t(lang, 'addin.pane.read-failed', { parts: joinWords(parts, lang) }));
  }
  if (report.attachmentsUnsupported) lines.push(t(lang, 'addin.pane.attachments-unsupported'));
  for (const a of report.pending) lines.push(t(lang, 'addin.pane.file-pending', { file: a.name }));
  for (const r of report.records) {
    if (r.state === 'unreadable') lines.push(t(lang, 'addin.pane.file-unreadable', { file: r.name, reason: fileReason(r.error, r.name, lang) }));
    for (const n of r.notices ?? []) lines.push(renderReadNotice({ ...n, part: n.part ? `${r.name} › ${n.part}` : r.name }, lang, READING));
    if (r.moreNotices) lines.push(t(lang, 'addin.send.notes-more', { count: r.moreNotices }));
    // unsigned-document: the signature state beside the file, as the scanner prints it.
    for (const { part, state } of r.signatures ?? []) {
      for (const line of renderSignatureState(state, lang)) lines.push(`${t(lang, 'signature.label')} “${part ? `${r.name} › ${part}` : r.name}”: ${line}`);
    }
  }
  return lines;
}

function conversionLines(result: ConversionResult, after: ComposeReport | undefined, lang: Lang): string[] {
  if (result.bodyRuns === 0 && !result.subjectChanged) return [t(lang, result.subjectFailed ? 'addin.pane.convert.subject-failed' : 'addin.pane.convert.nothing')];
  const parts: string[] = [];
  if (result.bodyRuns > 0) parts.push(t(lang, 'addin.pane.convert.body', { count: result.bodyRuns }));
  if (result.subjectChanged) parts.push(t(lang, 'addin.pane.convert.subject'));
  const lines = [t(lang, 'addin.pane.convert.done', { parts: joinWords(parts, lang) })];
  if (result.asText) lines.push(t(lang, 'addin.pane.convert.as-text'));
  if (result.subjectFailed) lines.push(t(lang, 'addin.pane.convert.subject-failed'));
  if (after?.findings.some((f) => f.rule === 'unicode-text' && f.actions.includes('convert-to-unicode'))) lines.push(t(lang, 'addin.pane.convert.remaining'));
  return lines;
}

export function ComposePane({ deps }: ComposePaneProps) {
  const ctx = useMemo(() => paneContext(deps), [deps]);
  const rereads = useRef<Rereads>(new Map());
  const check = useCallback((item: NonNullable<ReturnType<typeof composeItem>>) => checkCompose(item, ctx, rereads.current), [ctx]);
  const { lang, langRef, report, busy, error, run } = usePaneCheck(composeItem, check);
  const [conversion, setConversion] = useState<Conversion>({ state: 'idle' });

  const recheck = () => {
    setConversion({ state: 'idle' });
    void run();
  };

  const convert = async () => {
    const l = langRef.current;
    const item = composeItem();
    if (!item) {
      setConversion({ state: 'failed', message: t(l, 'addin.pane.no-item') });
      return;
    }
    setConversion({ state: 'working' });
    let result: ConversionResult;
    try {
      result = await convertDraft(item, ctx.bounds.callMs);
    } catch (err) {
      setConversion({ state: 'failed', message: t(l, 'addin.pane.convert.failed', { reason: reasonText(err, l) }) });
      return;
    }
    const after = await run();
    setConversion({ state: 'done', lines: conversionLines(result, after, langRef.current) });
  };

  // official-directory (issue 14): one click puts the colleague's official address in the field
  const [replaced, setReplaced] = useState<string | undefined>();
  const useOfficial = async (f: Finding) => {
    const r = f.evidence.replacement;
    const item = composeItem();
    if (!r || !item) return;
    const l = langRef.current;
    const done = await replaceRecipient(item, r.field, r.from, { address: r.to, name: String(f.params.name ?? '') }, ctx.bounds.callMs).catch(() => false);
    setReplaced(t(l, done ? 'directory.replaced' : 'directory.replace-failed', { address: r.from, official: r.to }));
    if (done) await run();
  };

  const working = conversion.state === 'working';
  const convertButton = (f: Finding) =>
    f.evidence.replacement && f.actions.includes('use-official-address') ? (
      <div class="actions">
        <button type="button" class="primary" data-action="use-official-address" disabled={busy} onClick={() => void useOfficial(f)}>
          {t(lang, 'action.use-official-address')}
        </button>
      </div>
    ) : f.actions.includes('convert-to-unicode') ? (
      <div class="actions">
        <button type="button" class="primary" data-action="convert-to-unicode" disabled={busy || working} onClick={() => void convert()}>
          {t(lang, 'action.convert-to-unicode')}
        </button>
      </div>
    ) : null;

  return (
    <main class="pane" lang={lang} aria-busy={busy}>
      <PaneHeader title={t(lang, 'addin.pane.compose-title')} lang={lang} busy={busy || working} onRecheck={recheck} />
      {busy && (
        <p class="status" role="status" data-testid="status">
          {t(lang, 'addin.pane.checking')}
        </p>
      )}
      {working && (
        <p class="status" role="status">
          {t(lang, 'addin.pane.convert.working')}
        </p>
      )}
      {error && (
        <p class="note error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      {replaced && (
        <p class="done" role="status" data-testid="replaced">
          {replaced}
        </p>
      )}
      {conversion.state === 'failed' && (
        <p class="note error" role="alert" data-testid="conversion">
          {conversion.message}
        </p>
      )}
      {conversion.state === 'done' && (
        <div class="done" role="status" data-testid="conversion">
          {conversion.lines.map((line, k) => (
            <p key={k}>{line}</p>
          ))}
        </div>
      )}
      {report && (
        <>
          <FindingGroups lang={lang} findings={report.findings} extra={convertButton} />
          {report.findings.length === 0 && fullyChecked(report) && !busy && (
            <p class="clean" data-testid="clean">
              {t(lang, 'addin.pane.clean')}
            </p>
          )}
          <Notes lines={composeNotes(report, lang)} />
          <PolicyProblems hosted={report.hosted} lang={lang} />
        </>
      )}
    </main>
  );
}
