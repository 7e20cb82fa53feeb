// The options page: the effective policy, every field with where its value came from.
// IT's (managed) values are locked; the others can be changed, and saving writes only the
// user's own layer. A bad policy's errors are listed at the top, where IT looks.
import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isMessageKey, renderPolicyError, t, type MessageKey } from '../../core/messages';
import { AUTHORITY_IDS, MODES, POLICY_FIELDS, validateLayer, type Policy, type PolicyError, type PolicyField, type PolicySource } from '../../core/policy';
import { RULE_IDS, type Lang, type Mode, type RuleId } from '../../core/types';
import { browser } from '../host/browser-api';
import type { PolicyState, Request } from '../host/messages';
import { LockIcon } from './popup-icons';

type ScalarField = Exclude<PolicyField, 'rules'>;
/** Form values: one entry per scalar field, and `rules.<id>` per rule. */
export type Draft = Record<string, string | boolean>;

// trustedSignatureRoots: unsigned-document (issue 14).
const LIST_FIELDS: readonly ScalarField[] = ['officialDomains', 'extraPublicDomains', 'trustedSignatureRoots', /* issue 13 */ 'officialSignInHosts', /* issue 12 */ 'officialWebmailUrls'];
const BOOLEAN_FIELDS: readonly ScalarField[] = ['moveReportedSpamToJunk', 'unitSignsDocuments'];

/** Root certificates as IT pastes them: PEM blocks, or base64 DER one per line. */
export function parseCertificates(text: string): string[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----|[A-Za-z0-9+/]{64,}={0,2}/g)].map((m) => m[0]);
}
const NUMBER_FIELDS: readonly ScalarField[] = ['attachmentMaxFileMB', 'attachmentMaxTotalMB'];
const SCALAR_FIELDS = POLICY_FIELDS.filter((f): f is ScalarField => f !== 'rules');
const LANGS: readonly Lang[] = ['vi', 'en'];

function ask<T>(request: Request): Promise<T> {
  return browser.runtime.sendMessage(request) as Promise<T>;
}

export function draftOf(policy: Policy): Draft {
  const draft: Draft = {};
  for (const f of SCALAR_FIELDS) {
    const v = policy[f];
    draft[f] = Array.isArray(v) ? v.join('\n') : typeof v === 'boolean' ? v : String(v);
  }
  for (const id of RULE_IDS) draft[`rules.${id}`] = policy.rules[id];
  return draft;
}

/** Domains as people type them: one per line or separated by commas, semicolons or spaces. */
export function parseList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((d) => d.length > 0);
}

const sameDomain = (d: string) => d.trim().replace(/^@/, '').replace(/\.$/, '').toLowerCase();

/** The value a form entry stands for, in the policy's own type (a bad number stays as typed, for the validator to name). */
function valueOf(field: ScalarField, raw: string | boolean): unknown {
  if (field === 'trustedSignatureRoots') return parseCertificates(String(raw));
  if (LIST_FIELDS.includes(field)) return parseList(String(raw));
  if (NUMBER_FIELDS.includes(field)) {
    const text = String(raw).trim();
    const n = Number(text.replace(',', '.'));
    return text !== '' && Number.isFinite(n) ? n : text;
  }
  if (BOOLEAN_FIELDS.includes(field)) return raw === true;
  return typeof raw === 'string' ? raw.trim() : raw;
}

function same(field: ScalarField, a: unknown, b: unknown): boolean {
  if (field === 'trustedSignatureRoots' && Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((c, k) => c === b[k]);
  if (LIST_FIELDS.includes(field) && Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((d, k) => sameDomain(String(d)) === sameDomain(String(b[k])));
  }
  return a === b;
}

/**
 * The user layer to store: what the user set before (values whose source is `user`) plus
 * what was changed now. Preset and managed values are never copied in; locked fields are
 * never written. Returns the changed field names too, to tell "nothing changed" apart.
 */
export function userLayer(state: PolicyState, draft: Draft): { layer: Record<string, unknown>; changed: string[] } {
  const { policy, sources } = state;
  const layer: Record<string, unknown> = {};
  const rules: Partial<Record<RuleId, Mode>> = {};
  const changed: string[] = [];
  for (const f of SCALAR_FIELDS) {
    if (sources[f] === 'managed') continue;
    if (sources[f] === 'user') layer[f] = policy[f];
    const raw = draft[f];
    if (raw === undefined) continue;
    const value = valueOf(f, raw);
    if (!same(f, value, policy[f])) {
      layer[f] = value;
      changed.push(f);
    }
  }
  for (const id of RULE_IDS) {
    if (sources.rules[id] === 'managed') continue;
    if (sources.rules[id] === 'user') rules[id] = policy.rules[id];
    const raw = draft[`rules.${id}`];
    if (typeof raw === 'string' && raw !== policy.rules[id]) {
      rules[id] = raw as Mode;
      changed.push(`rules.${id}`);
    }
  }
  if (Object.keys(rules).length > 0) layer.rules = rules;
  return { layer, changed };
}

/** The label of a field path such as `attachmentMaxFileMB`, `rules.secret-document` or `officialDomains[2]`. */
export function fieldLabel(lang: Lang, path: string): string {
  const rule = /^rules\.(.+)$/.exec(path)?.[1];
  const ruleKey = `rule.${rule}`;
  if (rule && isMessageKey(ruleKey)) return `${t(lang, 'field.rules')}: ${t(lang, ruleKey)} (${path})`;
  const base = path.replace(/\[\d+\]$/, '');
  const key = `field.${base}`;
  return isMessageKey(key) ? `${t(lang, key)} (${path})` : path;
}

function ErrorList({ lang, errors }: { lang: Lang; errors: PolicyError[] }) {
  return (
    <ul class="errors">
      {errors.map((e, k) => (
        <li key={k}>
          <strong class="error-field">{t(lang, 'options.errors.field', { field: fieldLabel(lang, e.field) })}</strong>
          <span class="error-text">{renderPolicyError(e, lang)}</span>
        </li>
      ))}
    </ul>
  );
}

function SourceLine({ lang, source, authority }: { lang: Lang; source: PolicySource; authority: Policy['authority'] }) {
  if (source === 'managed') {
    return (
      <p class="source locked">
        <LockIcon label={t(lang, 'ui.lock-label')} /> {t(lang, 'ui.locked')}
      </p>
    );
  }
  const words = source === 'user' ? t(lang, 'options.source.user') : t(lang, 'options.source.preset', { authority: t(lang, `authority.${authority}`) });
  return <p class={`source source-${source}`}>{t(lang, 'options.source', { source: words })}</p>;
}

interface FieldProps {
  lang: Lang;
  id: string;
  label: string;
  hint?: string;
  source: PolicySource;
  authority: Policy['authority'];
  invalid: boolean;
  children: ComponentChildren;
}

function FieldRow({ lang, id, label, hint, source, authority, invalid, children }: FieldProps) {
  return (
    <div class={`field${source === 'managed' ? ' is-locked' : ''}${invalid ? ' has-error' : ''}`} data-field={id}>
      <label for={`f-${id}`}>{label}</label>
      {children}
      {hint && <p class="hint">{hint}</p>}
      <SourceLine lang={lang} source={source} authority={authority} />
    </div>
  );
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; key: MessageKey } | { kind: 'invalid'; errors: PolicyError[] } | { kind: 'failed'; reason: string };

export function Options() {
  const [state, setState] = useState<PolicyState | undefined>();
  const [failed, setFailed] = useState(false);
  const [draft, setDraft] = useState<Draft>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const show = (s: PolicyState) => {
    setState(s);
    setDraft(draftOf(s.policy));
  };

  useEffect(() => {
    ask<PolicyState>({ type: 'get-policy' }).then(show, () => setFailed(true));
  }, []);

  const lang: Lang = state?.policy.language ?? 'vi';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'options.title');
  }, [lang]);

  if (!state) {
    return (
      <main class="options">
        <h1>{t(lang, 'options.title')}</h1>
        {failed ? (
          <p class="note" role="alert">
            {t(lang, 'ui.unavailable')}
          </p>
        ) : (
          <p class="muted">{t(lang, 'ui.loading')}</p>
        )}
      </main>
    );
  }

  const { policy, sources, errors } = state;
  const warnings = state.warnings;
  const set = (key: string, value: string | boolean) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (status.kind !== 'saving') setStatus({ kind: 'idle' });
  };

  const write = async (layer: Record<string, unknown>, doneKey: MessageKey) => {
    setStatus({ kind: 'saving' });
    try {
      const next = await ask<PolicyState>({ type: 'set-user-policy', policy: layer });
      show(next);
      const userErrors = next.errors.some((e) => e.source === 'user');
      setStatus({ kind: 'done', key: userErrors ? 'options.saved-with-errors' : doneKey });
    } catch (e) {
      setStatus({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  };

  const save = (event: Event) => {
    event.preventDefault();
    const { layer, changed } = userLayer(state, draft);
    if (changed.length === 0) {
      setStatus({ kind: 'done', key: 'options.nothing-changed' });
      return;
    }
    const check = validateLayer(layer, 'user');
    if (check.errors.length > 0) {
      setStatus({ kind: 'invalid', errors: check.errors });
      return;
    }
    void write(layer, 'options.saved');
  };

  const hasUser = SCALAR_FIELDS.some((f) => sources[f] === 'user') || RULE_IDS.some((id) => sources.rules[id] === 'user');
  const invalidFields = new Set([...errors, ...(status.kind === 'invalid' ? status.errors : [])].map((e) => e.field.replace(/\[\d+\]$/, '')));
  const common = (field: string, source: PolicySource) => ({
    lang,
    id: field.replace('.', '-'),
    source,
    authority: policy.authority,
    invalid: invalidFields.has(field),
  });
  const str = (key: string) => {
    const v = draft[key];
    return typeof v === 'string' ? v : '';
  };

  const scalarControl = (f: ScalarField) => {
    const locked = sources[f] === 'managed';
    const id = `f-${f}`;
    const invalid = invalidFields.has(f) || undefined;
    if (LIST_FIELDS.includes(f)) {
      return <textarea id={id} rows={3} disabled={locked} aria-invalid={invalid} value={str(f)} onInput={(e) => set(f, e.currentTarget.value)} />;
    }
    if (NUMBER_FIELDS.includes(f)) {
      return (
        <span class="with-unit">
          <input id={id} type="number" min={1} max={1024} step={1} inputMode="numeric" disabled={locked} aria-invalid={invalid} value={str(f)} onInput={(e) => set(f, e.currentTarget.value)} />
          <span class="unit">{t(lang, 'ui.mb-unit')}</span>
        </span>
      );
    }
    if (BOOLEAN_FIELDS.includes(f)) {
      return <input id={id} type="checkbox" disabled={locked} checked={draft[f] === true} onChange={(e) => set(f, e.currentTarget.checked)} />;
    }
    if (f === 'authority' || f === 'language') {
      const options = f === 'authority' ? AUTHORITY_IDS.map((a) => [a, t(lang, `authority.${a}`)] as const) : LANGS.map((l) => [l, t(lang, `language.${l}`)] as const);
      return (
        <select id={id} disabled={locked} value={str(f)} onChange={(e) => set(f, e.currentTarget.value)}>
          {options.map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      );
    }
    return <input id={id} type="text" inputMode={f === 'spamReportAddress' ? 'email' : 'url'} disabled={locked} aria-invalid={invalid} value={str(f)} onInput={(e) => set(f, e.currentTarget.value)} spellcheck={false} />;
  };

  const hint = (f: ScalarField): string | undefined => {
    if (f === 'trustedSignatureRoots') return t(lang, 'field.hint.certificates');
    if (f === 'officialWebmailUrls') return t(lang, 'field.hint.urls');
    if (LIST_FIELDS.includes(f)) return t(lang, 'field.hint.domains');
    if (NUMBER_FIELDS.includes(f)) return t(lang, 'field.hint.mb');
    if (f === 'officialWebmailUrl' || f === 'spamReportAddress') return t(lang, 'field.hint.optional');
    return undefined;
  };

  return (
    <main class="options">
      <h1>{t(lang, 'options.title')}</h1>
      {errors.length > 0 && (
        <section class="problems" role="alert" aria-labelledby="errors-heading">
          <h2 id="errors-heading">{t(lang, 'options.errors.heading')}</h2>
          <ErrorList lang={lang} errors={errors} />
        </section>
      )}
      {warnings.length > 0 && (
        <section class="warnings" aria-labelledby="warnings-heading">
          <h2 id="warnings-heading">{t(lang, 'policy.warnings-heading')}</h2>
          <ErrorList lang={lang} errors={warnings} />
        </section>
      )}
      {state.usingCachedManaged && (
        <p class="note" role="note">
          {t(lang, 'options.cached')}
        </p>
      )}
      <p class="intro">{t(lang, 'options.intro')}</p>
      <form onSubmit={save} noValidate>
        <fieldset>
          {SCALAR_FIELDS.map((f) => (
            <FieldRow key={f} {...common(f, sources[f])} label={t(lang, `field.${f}`)} hint={hint(f)}>
              {scalarControl(f)}
            </FieldRow>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t(lang, 'field.rules')}</legend>
          {RULE_IDS.map((id) => {
            const key = `rules.${id}`;
            const locked = sources.rules[id] === 'managed';
            return (
              <FieldRow key={key} {...common(key, sources.rules[id])} label={t(lang, `rule.${id}`)}>
                <select id={`f-rules-${id}`} disabled={locked} value={str(key)} onChange={(e) => set(key, e.currentTarget.value)}>
                  {MODES.map((m) => (
                    <option key={m} value={m}>
                      {t(lang, `mode.${m}`)}
                    </option>
                  ))}
                </select>
              </FieldRow>
            );
          })}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={status.kind === 'saving'}>
            {t(lang, status.kind === 'saving' ? 'options.saving' : 'options.save')}
          </button>
          {hasUser && (
            <button type="button" class="secondary" disabled={status.kind === 'saving'} onClick={() => void write({}, 'options.reset-done')}>
              {t(lang, 'options.reset')}
            </button>
          )}
        </div>
        <div class="result" role="status" aria-live="polite">
          {status.kind === 'done' && <p class="ok">{t(lang, status.key)}</p>}
          {status.kind === 'failed' && <p class="bad">{t(lang, 'options.save-failed', { reason: status.reason })}</p>}
          {status.kind === 'invalid' && (
            <div class="bad">
              <p>{t(lang, 'options.invalid')}</p>
              <ErrorList lang={lang} errors={status.errors} />
            </div>
          )}
        </div>
      </form>
    </main>
  );
}

const root = typeof document !== 'undefined' ? document.getElementById('options-app') : null;
if (root) render(<Options />, root);
