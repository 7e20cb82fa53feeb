// The add-in's policy: `policy.json` hosted beside the add-in's files by IT (same schema as the
// extension's managed policy). This is the add-in's one request besides office.js, and it goes
// to the add-in's own host. The file is validated field by field by the core: a bad field
// keeps its preset value and is reported; a missing or unreadable file leaves the whole
// preset in force and is reported too. Nothing is silently disabled.
import { parsePolicyText, resolvePolicy, renderPolicyError, t, type Lang, type ResolvedPolicy } from '../../core';
import { ADDIN_FILES } from '../handler-names';

export interface HostedPolicy extends ResolvedPolicy {
  /** Where the file was looked for. */
  url?: string;
  /** Why the file could not be read at all (English, for IT); the preset applies. */
  loadError?: string;
}

export interface PolicyLoadOptions {
  /** The page or script URL the file is resolved against; defaults to the current location. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Give up on the request after this long; must stay well under a send handler's bound. */
  timeoutMs?: number;
}

export const POLICY_TIMEOUT_MS = 1500;

/** The current page's URL, where the runtime has one (task panes, commands.html, OWA). */
function pageUrl(): string | undefined {
  const loc = (globalThis as { location?: { href?: string } }).location;
  return typeof loc?.href === 'string' && /^https?:/.test(loc.href) ? loc.href : undefined;
}

function fallback(loadError: string, url?: string): HostedPolicy {
  return { ...resolvePolicy({}), url, loadError };
}

/** Fetch, parse and resolve policy.json. Never throws. */
export async function loadHostedPolicy(options: PolicyLoadOptions = {}): Promise<HostedPolicy> {
  const base = options.baseUrl ?? pageUrl();
  if (!base) return fallback('The add-in page has no URL to resolve policy.json against.');
  let url: string;
  try {
    url = new URL(ADDIN_FILES.policy, base).href;
  } catch {
    return fallback(`Not a valid base URL: ${base}`);
  }
  const doFetch = options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined);
  if (!doFetch) return fallback('This runtime has no fetch().', url);

  const timeoutMs = options.timeoutMs ?? POLICY_TIMEOUT_MS;
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new Error(`no answer in ${timeoutMs} ms`));
    }, timeoutMs);
  });
  let text: string;
  try {
    const response = await Promise.race([doFetch(url, { cache: 'no-cache', credentials: 'same-origin', signal: controller?.signal }), timeout]);
    if (!response.ok) return fallback(`HTTP ${response.status} for ${url}`, url);
    text = await Promise.race([response.text(), timeout]);
  } catch (err) {
    return fallback(`Could not fetch ${url}: ${err instanceof Error ? err.message : String(err)}`, url);
  } finally {
    clearTimeout(timer);
  }
  const parsed = parsePolicyText(text, 'managed');
  if (parsed.error) {
    const resolved = resolvePolicy({});
    return { ...resolved, errors: [parsed.error, ...resolved.errors], url };
  }
  return { ...resolvePolicy({ managed: parsed.value }), url };
}

let cached: Promise<HostedPolicy> | undefined;

/** The policy, fetched once per runtime and kept in memory. */
export function getHostedPolicy(options?: PolicyLoadOptions): Promise<HostedPolicy> {
  cached ??= loadHostedPolicy(options);
  return cached;
}

/** Forget the cached policy (tests; a task pane's "reload" button). */
export function resetHostedPolicyCache(): void {
  cached = undefined;
}

/** Every problem with the policy, in words, for the task pane (IT reads these). */
export function policyProblems(hosted: HostedPolicy, lang: Lang): string[] {
  const lines = hosted.errors.map((e) => renderPolicyError(e, lang));
  if (hosted.loadError) lines.unshift(t(lang, 'addin.policy.unreachable', { detail: hosted.loadError }));
  return lines;
}

/** One short line for an info bar when the policy has problems, else undefined. */
export function policyProblemSummary(hosted: HostedPolicy, lang: Lang): string | undefined {
  if (hosted.loadError) return t(lang, 'addin.policy.unreachable-short');
  if (hosted.errors.length > 0) return t(lang, 'addin.policy.has-errors', { count: hosted.errors.length });
  return undefined;
}
