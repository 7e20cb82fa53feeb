// The toolbar popup: what the extension is doing on this tab, the rules in force, and the
// user's own private record. Everything is rendered as text; nothing leaves the machine.
import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { addMessages, isMessageKey, t, type MessageKey } from '../../core/messages';
import { RULE_IDS, type Lang } from '../../core/types';
import { browser } from '../host/browser-api';
import type { PolicyState, Request, TabStatus, UserRecord } from '../host/messages';
import { LockIcon } from './popup-icons';

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

function ask<T>(request: Request): Promise<T> {
  return browser.runtime.sendMessage(request) as Promise<T>;
}

function useAsk<T>(load: () => Promise<T>): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      () => live && setResult({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
    // Asked once, when the popup opens.
  }, []);
  return result;
}

async function activeTabStatus(): Promise<TabStatus | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return ask<TabStatus | null>({ type: 'get-tab-status', tabId: tab.id });
}

/** Only a web address the schema accepts (https) becomes a link. */
export function safeWebmailUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function siteName(lang: Lang, site: string): string {
  const key = `site.${site}`;
  return isMessageKey(key) ? t(lang, key) : site;
}

function countText(lang: Lang, base: 'popup.tab.drafts' | 'popup.tab.findings', count: number): string {
  return t(lang, `${base}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count });
}

function TabSection({ lang, status }: { lang: Lang; status: Load<TabStatus | null> }) {
  let text: string;
  if (status.state === 'loading') text = t(lang, 'ui.loading');
  else if (status.state === 'failed' || status.value === null) text = t(lang, 'popup.tab.unsupported');
  else {
    const s = status.value;
    text = t(lang, 'popup.tab.protecting', { site: siteName(lang, s.site), drafts: countText(lang, 'popup.tab.drafts', s.composes), findings: countText(lang, 'popup.tab.findings', s.findings) });
  }
  const active = status.state === 'ready' && status.value !== null;
  return (
    <section class="card" aria-labelledby="tab-heading">
      <h2 id="tab-heading">{t(lang, 'popup.tab.heading')}</h2>
      <p class={active ? 'status status-on' : 'status'} data-testid="tab-status">
        {text}
      </p>
    </section>
  );
}

function Managed({ lang, on }: { lang: Lang; on: boolean }) {
  if (!on) return null;
  return (
    <span class="managed">
      <LockIcon />
      {t(lang, 'ui.managed')}
    </span>
  );
}

function Row({ label, children, managed, lang }: { label: string; children: ComponentChildren; managed: boolean; lang: Lang }) {
  return (
    <div class="row">
      <dt>{label}</dt>
      <dd>
        <span class="value">{children}</span>
        <Managed lang={lang} on={managed} />
      </dd>
    </div>
  );
}

function PolicySection({ lang, state }: { lang: Lang; state: PolicyState }) {
  const { policy, sources } = state;
  const none = t(lang, 'ui.none');
  const url = safeWebmailUrl(policy.officialWebmailUrl);
  const mb = (value: number) => t(lang, 'ui.mb', { value });
  return (
    <section class="card" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t(lang, 'popup.policy.heading')}</h2>
      {state.errors.length > 0 && (
        <p class="note" role="note">
          {t(lang, 'popup.policy.errors')}
        </p>
      )}
      <dl>
        <Row lang={lang} label={t(lang, 'field.officialDomains')} managed={sources.officialDomains === 'managed'}>
          {policy.officialDomains.length ? policy.officialDomains.join(', ') : none}
        </Row>
        <Row lang={lang} label={t(lang, 'field.officialWebmailUrl')} managed={sources.officialWebmailUrl === 'managed'}>
          {url ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {policy.officialWebmailUrl}
            </a>
          ) : (
            none
          )}
        </Row>
        <Row lang={lang} label={t(lang, 'field.attachment-limit')} managed={sources.attachmentMaxFileMB === 'managed' || sources.attachmentMaxTotalMB === 'managed'}>
          {t(lang, 'popup.limit', { file: mb(policy.attachmentMaxFileMB), total: mb(policy.attachmentMaxTotalMB) })}
        </Row>
        <Row lang={lang} label={t(lang, 'field.spamReportAddress')} managed={sources.spamReportAddress === 'managed'}>
          {policy.spamReportAddress || none}
        </Row>
      </dl>
      <h3>{t(lang, 'field.rules')}</h3>
      <dl class="inline">
        {RULE_IDS.map((id) => (
          <Row key={id} lang={lang} label={t(lang, `rule.${id}`)} managed={sources.rules[id] === 'managed'}>
            <span class={`mode mode-${policy.rules[id]}`}>{t(lang, `mode.${policy.rules[id]}`)}</span>
          </Row>
        ))}
      </dl>
    </section>
  );
}

function RecordSection({ lang, record }: { lang: Lang; record: UserRecord }) {
  const items: Array<[MessageKey, number]> = [
    ['popup.record.nudges', record.nudgesShown],
    ['popup.record.opened-official', record.openedOfficialWebmail],
    ['popup.record.sends-stopped', record.sendsStopped],
    ['popup.record.oversize', record.oversizeFilesStopped],
  ];
  return (
    <section class="card" aria-labelledby="record-heading">
      <h2 id="record-heading">{t(lang, 'popup.record.heading')}</h2>
      <dl class="inline">
        {items.map(([key, n]) => (
          <div class="row" key={key}>
            <dt>{t(lang, key)}</dt>
            <dd class="count">{String(n)}</dd>
          </div>
        ))}
      </dl>
      <p class="private">{t(lang, 'popup.record.private')}</p>
    </section>
  );
}

/**
 * The policy, whose language's words come with it: the popup is built with only the words it
 * shows before it arrives (issue 11; extension/build.ts), not both catalogs on every click.
 */
async function askPolicy(): Promise<PolicyState> {
  const state = await ask<PolicyState>({ type: 'get-policy' });
  if (state.messages) addMessages(state.policy.language, state.messages);
  return state;
}

export function Popup() {
  const policy = useAsk(askPolicy);
  const record = useAsk(() => ask<UserRecord>({ type: 'get-record' }));
  const tab = useAsk(activeTabStatus);
  const lang: Lang = policy.state === 'ready' ? policy.value.policy.language : 'vi';

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <main class="popup">
      <h1>{t(lang, 'ui.app-name')}</h1>
      <TabSection lang={lang} status={tab} />
      {policy.state === 'ready' && <PolicySection lang={lang} state={policy.value} />}
      {record.state === 'ready' && <RecordSection lang={lang} record={record.value} />}
      {(policy.state === 'loading' || record.state === 'loading') && <p class="muted">{t(lang, 'ui.loading')}</p>}
      {(policy.state === 'failed' || record.state === 'failed') && (
        <p class="note" role="alert">
          {t(lang, 'ui.unavailable')}
        </p>
      )}
      <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t(lang, 'popup.open-options')}
      </button>
    </main>
  );
}

const root = typeof document !== 'undefined' ? document.getElementById('popup-app') : null;
if (root) render(<Popup />, root);
