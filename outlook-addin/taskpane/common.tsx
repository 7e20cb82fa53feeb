// Pieces both task panes draw: findings grouped by severity, notes, policy problems for IT.
// Everything is a text node; file names, addresses and subjects come from the message and are
// never parsed as markup.
import type { ComponentChildren } from 'preact';
import { renderFinding, shortAddressList, t, type Finding, type Lang, type MessageKey, type Severity } from '../../core';
import { OfficeCallError } from '../office/call';
import { policyProblems, type HostedPolicy } from '../policy/hosted-policy';

const SEVERITIES: readonly Severity[] = ['block', 'warn', 'nudge'];
/** The pane's address line is the list to correct from, so it names more than a sentence does. */
const PANE_ADDRESSES_SHOWN = 20;

/** An error in words for the user: what kind of trouble, never a stack or an API name. */
export function reasonText(err: unknown, lang: Lang): string {
  if (err instanceof OfficeCallError) {
    if (err.failure === 'timeout') return t(lang, 'addin.pane.reason.timeout');
    if (err.failure === 'unsupported') return t(lang, 'addin.pane.reason.unsupported');
    return t(lang, 'addin.pane.reason.office');
  }
  return t(lang, 'addin.pane.reason.unexpected');
}

const EXTRACT_REASONS = new Set(['zip-bomb', 'corrupt', 'encrypted', 'too-deep', 'memory']);

/** Why a file could not be read, from its "code: detail" error, in the user's language. */
export function fileReason(error: string | undefined, file: string, lang: Lang): string {
  const code = /^([a-z-]+):/.exec(error ?? '')?.[1] ?? '';
  if (code === 'office-timeout') return t(lang, 'addin.pane.reason.timeout');
  if (code === 'office-unsupported') return t(lang, 'addin.pane.reason.unsupported');
  if (code.startsWith('office-')) return t(lang, 'addin.pane.reason.office');
  if (EXTRACT_REASONS.has(code)) return t(lang, `extract.${code}` as MessageKey);
  if (code === 'unsupported') {
    const ext = /\.([a-z0-9]{1,8})$/i.exec(file)?.[1];
    if (ext) return t(lang, 'extract.unsupported', { detail: `.${ext.toLowerCase()}` });
  }
  return t(lang, 'addin.pane.file-reason.unknown');
}

/** "a, b và c" */
export function joinWords(words: readonly string[], lang: Lang): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${t(lang, 'addin.pane.and')} ${words[words.length - 1]}`;
}

export function FindingGroups({ lang, findings, extra }: { lang: Lang; findings: readonly Finding[]; extra?: (f: Finding) => ComponentChildren }) {
  return (
    <>
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const heading = `group-${severity}`;
        return (
          <section class={`group ${severity}`} aria-labelledby={heading} data-severity={severity} key={severity}>
            <h2 id={heading}>
              <span class={`label ${severity}`}>{t(lang, `severity.${severity}` as MessageKey)}</span>
              <span class="count">{String(group.length)}</span>
            </h2>
            <ul class="findings">
              {group.map((f, k) => (
                <FindingItem key={`${f.rule}|${f.messageKey}|${(f.evidence.files ?? []).join('/')}|${k}`} lang={lang} finding={f} extra={extra?.(f)} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function FindingItem({ lang, finding, extra }: { lang: Lang; finding: Finding; extra?: ComponentChildren }) {
  const r = renderFinding(finding, lang);
  const files = finding.evidence.files ?? [];
  const addresses = finding.evidence.addresses ?? [];
  return (
    <li class="finding" data-rule={finding.rule}>
      <h3 class="title">{r.title}</h3>
      <p class="text">{r.text}</p>
      {files.length > 0 && <p class="meta file">{t(lang, 'addin.pane.file', { file: files.join(', ') })}</p>}
      {addresses.length > 0 && <p class="meta addresses">{t(lang, 'cli.addresses', { addresses: shortAddressList(addresses, lang, PANE_ADDRESSES_SHOWN) })}</p>}
      <p class="cite">{r.citation}</p>
      {extra}
    </li>
  );
}

export function Notes({ lines, role }: { lines: readonly string[]; role?: 'status' | 'alert' }) {
  if (lines.length === 0) return null;
  return (
    <div class="notes" role={role}>
      {lines.map((line, k) => (
        <p class="note" key={k}>
          {line}
        </p>
      ))}
    </div>
  );
}

export function PolicyProblems({ hosted, lang }: { hosted: HostedPolicy; lang: Lang }) {
  const lines = policyProblems(hosted, lang);
  if (lines.length === 0) return null;
  return (
    <section class="it" aria-labelledby="policy-heading" data-testid="policy-problems">
      <h2 id="policy-heading">{t(lang, 'options.errors.heading')}</h2>
      <ul>
        {lines.map((line, k) => (
          <li key={k}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

export function PaneHeader({ title, lang, busy, onRecheck }: { title: string; lang: Lang; busy: boolean; onRecheck?: () => void }) {
  return (
    <header class="head">
      <h1>{title}</h1>
      {onRecheck && (
        <button type="button" class="secondary" data-testid="recheck" onClick={onRecheck} disabled={busy}>
          {t(lang, 'addin.pane.recheck')}
        </button>
      )}
    </header>
  );
}
