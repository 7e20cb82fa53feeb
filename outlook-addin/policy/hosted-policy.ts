// The add-in's policy: `policy.json` hosted beside the add-in's files by IT (same schema as the
// extension's managed policy). This is the add-in's one request besides office.js, and it goes
// to the add-in's own host. The file is validated field by field by the core: a bad field
// keeps its preset value and is reported. A file that cannot be read (no answer, an HTTP error,
// not JSON) is reported too, and then the policy the deployment kit baked into
// launchevent.js applies if there is one, else the default preset. A fresh read always wins over
// the baked snapshot. Nothing is silently disabled.
//
// Where policy.json is looked for, first found wins: the caller's base URL; the launch-event
// script's own URL (Office.context.urls.javascriptRuntimeUrl, Mailbox 1.14: classic Outlook's
// JavaScript-only runtime has no `location`); the page's URL (task panes, commands.html); the
// base URL the kit baked in (classic Outlook with Mailbox 1.10–1.13).
import { parsePolicyText, resolvePolicy, renderPolicyError, t, type Lang, type ResolvedPolicy } from '../../core';
import { ADDIN_FILES } from '../handler-names';
import { bakedHosting, type BakedHosting } from './baked';

export interface HostedPolicy extends ResolvedPolicy {
  /** Where the file was looked for. */
  url?: string;
  /** Why the file could not be read at all (English, for IT); the snapshot or the preset applies. */
  loadError?: string;
  /** Where the policy in force came from; absent means the hosted file. */
  source?: 'hosted' | 'snapshot' | 'default';
}

export interface PolicyLoadOptions {
  /** The page or script URL the file is resolved against; found in the runtime when absent. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Give up on the request after this long; must stay well under a send handler's bound. */
  timeoutMs?: number;
  /** What the kit baked in; read from the script's global object when absent (null: none). */
  baked?: BakedHosting | null;
}

export const POLICY_TIMEOUT_MS = 1500;
const httpUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^/?#\s]+/i.test(v);

/** The launch-event script's URL (Mailbox 1.14); an older client has no `urls` or throws. */
function runtimeUrl(): string | undefined {
  try {
    const office = (globalThis as { Office?: { context?: { urls?: { javascriptRuntimeUrl?: unknown } } } }).Office;
    const url = office?.context?.urls?.javascriptRuntimeUrl;
    return httpUrl(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The current page's URL, where the runtime has one (task panes, commands.html, OWA). */
function pageUrl(): string | undefined {
  try {
    const loc = (globalThis as { location?: { href?: string } }).location;
    return httpUrl(loc?.href) ? loc.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * policy.json in the same folder as `base`. Plain string work: the JavaScript-only runtime of
 * older classic Outlook builds is not documented to have the URL class.
 */
export function policyUrlFor(base: string): string | undefined {
  if (!httpUrl(base)) return undefined;
  const bare = base.replace(/[?#][\s\S]*$/, '');
  const origin = /^https?:\/\/[^/]+/i.exec(bare)![0];
  const path = bare.slice(origin.length) || '/';
  return `${origin}${path.slice(0, path.lastIndexOf('/') + 1)}${ADDIN_FILES.policy}`;
}

type Read = { text: string; url: string } | { loadError: string; url?: string };

async function fetchText(base: string | undefined, options: PolicyLoadOptions): Promise<Read> {
  if (!base) return { loadError: 'The add-in has no URL to resolve policy.json against (no page URL, no Office.context.urls, no base URL from the deployment kit).' };
  const url = policyUrlFor(base);
  if (!url) return { loadError: `Not a valid base URL: ${base}` };
  const doFetch = options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined);
  if (!doFetch) return { loadError: 'This runtime has no fetch().', url };

  const timeoutMs = options.timeoutMs ?? POLICY_TIMEOUT_MS;
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new Error(`no answer in ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([doFetch(url, { cache: 'no-cache', credentials: 'same-origin', signal: controller?.signal }), timeout]);
    if (!response.ok) return { loadError: `HTTP ${response.status} for ${url}`, url };
    return { text: await Promise.race([response.text(), timeout]), url };
  } catch (err) {
    return { loadError: `Could not fetch ${url}: ${err instanceof Error ? err.message : String(err)}`, url };
  } finally {
    clearTimeout(timer);
  }
}

/** The policy that applies when the file cannot be used: the baked snapshot, else the preset. */
function fallback(read: { loadError?: string; url?: string; errors?: ResolvedPolicy['errors'] }, baked: BakedHosting | undefined): HostedPolicy {
  const early = read.errors ?? [];
  if (baked?.policy && typeof baked.policy === 'object') {
    try {
      const r = resolvePolicy({ managed: baked.policy });
      return { ...r, errors: [...early, ...r.errors], url: read.url, loadError: read.loadError, source: 'snapshot' };
    } catch {
      // A snapshot the core cannot take is no snapshot: the preset below.
    }
  }
  const r = resolvePolicy({});
  return { ...r, errors: [...early, ...r.errors], url: read.url, loadError: read.loadError, source: 'default' };
}

async function load(options: PolicyLoadOptions): Promise<HostedPolicy> {
  const baked = options.baked === null ? undefined : (options.baked ?? bakedHosting());
  const base = options.baseUrl ?? runtimeUrl() ?? pageUrl() ?? (baked?.baseUrl || undefined);
  const read = await fetchText(base, options);
  if ('loadError' in read) return fallback(read, baked);
  // An absurdly nested field is refused by the core's validation, field by field and without
  // recursion, like every other bad field: the rest of IT's policy still applies.
  const parsed = parsePolicyText(read.text, 'managed');
  if (parsed.error) return fallback({ errors: [parsed.error], url: read.url }, baked);
  return { ...resolvePolicy({ managed: parsed.value }), url: read.url, source: 'hosted' };
}

/** Fetch, parse and resolve policy.json. Never throws. */
export async function loadHostedPolicy(options: PolicyLoadOptions = {}): Promise<HostedPolicy> {
  try {
    return await load(options);
  } catch (e) {
    // The core's validation is bounded, but a send handler must get a policy whatever happens.
    const baked = options.baked === null ? undefined : (options.baked ?? bakedHosting());
    try {
      return fallback({ loadError: `policy.json could not be used: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` }, baked);
    } catch {
      return { ...resolvePolicy({}), loadError: 'policy.json could not be used.', source: 'default' };
    }
  }
}

let cached: Promise<HostedPolicy> | undefined;

/**
 * The policy, kept in memory once the hosted file has been read. A failed read (no answer,
 * HTTP error, a file that is not a policy) is not kept: the next event asks again.
 */
export function getHostedPolicy(options?: PolicyLoadOptions): Promise<HostedPolicy> {
  if (cached) return cached;
  const pending = loadHostedPolicy(options);
  cached = pending;
  void pending.then((hosted) => {
    if (hosted.source !== 'hosted' && cached === pending) cached = undefined;
  });
  return pending;
}

/** Forget the cached policy (tests; a task pane's "reload" button). */
export function resetHostedPolicyCache(): void {
  cached = undefined;
}

/** Every problem with the policy, in words, for the task pane (IT reads these). */
export function policyProblems(hosted: HostedPolicy, lang: Lang): string[] {
  const lines = hosted.errors.map((e) => renderPolicyError(e, lang));
  if (hosted.loadError) lines.unshift(t(lang, hosted.source === 'snapshot' ? 'addin.policy.snapshot' : 'addin.policy.unreachable', { detail: hosted.loadError }));
  else if (hosted.source === 'snapshot') lines.unshift(t(lang, 'addin.policy.snapshot', { detail: hosted.url ?? ADDIN_FILES.policy }));
  return lines;
}

/** One short line for an info bar when the policy has problems, else undefined. */
export function policyProblemSummary(hosted: HostedPolicy, lang: Lang): string | undefined {
  if (hosted.source === 'snapshot') return t(lang, 'addin.policy.snapshot-short');
  if (hosted.loadError) return t(lang, 'addin.policy.unreachable-short');
  if (hosted.errors.length > 0) return t(lang, 'addin.policy.has-errors', { count: hosted.errors.length });
  return undefined;
}
