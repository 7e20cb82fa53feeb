// The spam report's side of nested app authentication (NAA), small enough for launchevent.js:
// whether the client offers NAA, the app registration's client ID from naa.json (written by the
// deployment kit beside policy.json), and naa.js (MSAL, a separate file) loaded on demand.
//
// naa.js is loaded with a <script> element, so only a runtime with a DOM can load it: Outlook on
// the web, new Outlook on Windows, Outlook on Mac, and classic Outlook's browser runtime for the
// ribbon command. Classic Outlook on Windows runs integrated spam reporting in its JavaScript-only
// runtime, which loads the one file the manifest names and nothing more (Microsoft: all event
// code must be bundled into it); MSAL is kept out of that file, so there the report takes the
// forward form.
import { ADDIN_FILES } from '../handler-names';
import { StepError, withTimeout } from './office-call';

/** Where naa.js leaves its one function. */
export const NAA_GLOBAL = '__congvuGuardNaa';

export interface NaaModule {
  acquireGraphToken(request: { clientId: string; allowPopup: boolean }): Promise<string>;
}

/** naa.js's function, or undefined where it cannot be loaded. */
export type NaaLoader = (ms: number) => Promise<NaaModule | undefined>;

/** The app registration's client ID, or undefined when IT has not set one up. */
export type NaaClientId = (ms: number) => Promise<string | undefined>;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function loaded(): NaaModule | undefined {
  const m = (globalThis as Record<string, unknown>)[NAA_GLOBAL] as NaaModule | undefined;
  return typeof m?.acquireGraphToken === 'function' ? m : undefined;
}

function pageUrl(): string | undefined {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof href === 'string' && /^https?:/.test(href) ? href : undefined;
}

interface ScriptDocument {
  createElement(tag: 'script'): { src: string; async: boolean; onload: (() => void) | null; onerror: (() => void) | null };
  head?: { appendChild(node: unknown): unknown } | null;
  documentElement?: { appendChild(node: unknown): unknown } | null;
}

let pending: Promise<NaaModule | undefined> | undefined;

/** Whether loadNaaScript can work here: naa.js is loaded already, or there is a page to load it into. */
export function canLoadNaaScript(): boolean {
  const doc = (globalThis as { document?: Partial<ScriptDocument> }).document;
  return loaded() !== undefined || (typeof doc?.createElement === 'function' && pageUrl() !== undefined);
}

/** Loads naa.js from beside the page once; undefined in a runtime with no DOM or when it fails. */
export const loadNaaScript: NaaLoader = (ms) => {
  const ready = loaded();
  if (ready) return Promise.resolve(ready);
  const doc = (globalThis as { document?: ScriptDocument }).document;
  const base = pageUrl();
  if (!doc || typeof doc.createElement !== 'function' || !base) return Promise.resolve(undefined);
  pending ??= new Promise<NaaModule | undefined>((resolve) => {
    const script = doc.createElement('script');
    script.async = true;
    script.onload = () => resolve(loaded());
    script.onerror = () => resolve(undefined);
    script.src = new URL(ADDIN_FILES.naa, base).href;
    (doc.head ?? doc.documentElement)?.appendChild(script);
  }).then((m) => {
    // A failed load may be retried on the next report.
    if (!m) pending = undefined;
    return m;
  });
  return withTimeout(pending, ms, 'naa.js').catch(() => undefined);
};

/** naa.json beside the page: { "clientId": GUID }. */
export const fetchNaaClientId: NaaClientId = async (ms) => {
  const base = pageUrl();
  if (!base || typeof fetch !== 'function') return undefined;
  try {
    const response = await withTimeout(fetch(new URL(ADDIN_FILES.naaConfig, base).href, { cache: 'no-cache', credentials: 'same-origin' }), ms, 'naa.json');
    if (!response.ok) return undefined;
    const body = (await withTimeout(response.json() as Promise<unknown>, ms, 'naa.json')) as { clientId?: unknown } | null;
    const id = typeof body?.clientId === 'string' ? body.clientId.trim() : '';
    return GUID.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
};

/** A token source for graph.ts, from a loader and a client ID; failures become StepErrors. */
export function naaTokenSource(load: NaaLoader, clientId: NaaClientId, allowPopup: boolean): (ms: number) => Promise<string> {
  return async (ms) => {
    const [naa, id] = await Promise.all([load(ms), clientId(ms)]);
    if (!id) throw new StepError('graph', 'NoAppRegistration', 'naa.json names no app registration');
    if (!naa) throw new StepError('graph', 'NAAUnavailable', 'naa.js could not be loaded here');
    try {
      const token = await withTimeout(naa.acquireGraphToken({ clientId: id, allowPopup }), ms, 'NAA token');
      if (typeof token !== 'string' || !token) throw new StepError('graph', 'NoToken', 'NAA gave no token');
      return token;
    } catch (e) {
      if (e instanceof StepError) throw e;
      const f = e as { naaFailure?: unknown; code?: unknown } | undefined;
      const code = typeof f?.code === 'string' && f.code ? f.code : 'Error';
      if (f?.naaFailure === 'interaction' || f?.naaFailure === 'cancelled') throw new StepError('sign-in', code, `NAA: ${code}`);
      throw new StepError('graph', code, `NAA: ${code}`);
    }
  };
}
