// Classic Outlook on Windows runs launch events and the integrated spam-reporting event in a
// JavaScript-only runtime: a JavaScript engine with fetch (full CORS) and timers, but no DOM, no
// window, no location, no Office.onReady, and a fresh runtime for every event. Here that is a
// new node:vm context per event holding only those globals plus Office and console. The Encoding
// API, URL and Blob are not promised, so none is given: launchevent.js brings its own where the
// runtime has none (outlook-addin/launch/runtime-apis.ts). The simulated host
// (office-sim.js) runs in a realm of its own, with the DOMParser and base64 helpers its
// simulated Exchange needs, so the add-in is given nothing the documentation does not promise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext, runInNewContext } from 'node:vm';
import { Window } from 'happy-dom';
import { ROOT } from './serve';

const SIM = readFileSync(join(ROOT, 'test/outlook-sim/office-sim.js'), 'utf8');
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript', json: 'application/json' };

/** IT's web server: each base URL serves a folder; every request is recorded. */
export interface WebServer {
  sites: Record<string, string>;
  requests: string[];
  /** The server does not answer at all (the network or the host is down). */
  down?: boolean;
}

export function serverFetch(server: WebServer): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    server.requests.push(url);
    if (server.down) throw new TypeError('Failed to fetch');
    for (const [base, dir] of Object.entries(server.sites)) {
      if (!url.startsWith(base)) continue;
      const path = url.slice(base.length).split(/[?#]/)[0]!;
      try {
        return new Response(readFileSync(join(dir, path)), { status: 200, headers: { 'content-type': TYPES[path.split('.').pop()!] ?? 'application/octet-stream' } });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    }
    throw new TypeError('Failed to fetch');
  }) as typeof fetch;
}

export interface Completion {
  calls: unknown[][];
  threw?: string;
}

export interface SimState {
  notifications: Record<string, { type: string; message: string }>;
  sent: { to: string[]; subject: string; attachments: { name: string; contentType: string }[] }[];
  forms: { toRecipients?: string[] }[];
  [key: string]: unknown;
}

export interface JsRuntimeEvent {
  /** The launch-event script, as classic Outlook downloads it. */
  script: string;
  /** office-sim.js configuration (runtime: 'javascript' is set here). */
  sim: Record<string, unknown>;
  handler: string;
  /** Event properties, e.g. { type: 'SpamReporting', freeText }. */
  extra?: Record<string, unknown>;
  fetch: typeof fetch;
  waitMs?: number;
}

/** Loads the script in a fresh JavaScript-only runtime and fires one event at it. */
export async function runInJsRuntime(ev: JsRuntimeEvent): Promise<{ record: Completion; state: SimState; globals: Record<string, string>; given: Record<string, string> }> {
  const dom = new Window();
  const hostWindow: Record<string, unknown> = { __officeSim: { ...ev.sim, runtime: 'javascript' } };
  runInNewContext(SIM, { window: hostWindow, setTimeout, clearTimeout, TextEncoder, btoa, atob, DOMParser: dom.DOMParser, console });
  const config = hostWindow.__officeSim as { invoke(name: string, extra: object, waitMs: number): Promise<Completion>; state: SimState };

  const runtime = createContext({ Office: hostWindow.Office, fetch: ev.fetch, setTimeout, clearTimeout, console });
  const typesOf = (names: string[]) => Object.fromEntries(names.map((g) => [g, runInContext(`typeof ${g}`, runtime) as string]));
  // What the host gave, before the script could install anything of its own.
  const given = typesOf(['Blob', 'FileReader', 'atob', 'Buffer', 'TextEncoder', 'TextDecoder', 'URL']);
  runInContext(ev.script, runtime, { filename: 'launchevent.js' });
  const globals = typesOf(['window', 'document', 'location', 'self', 'DOMParser']);
  try {
    const record = await config.invoke(ev.handler, ev.extra ?? {}, ev.waitMs ?? 25_000);
    // Anything completing late would land in the same record: give it the time to show up.
    await new Promise((r) => setTimeout(r, 300));
    return { record, state: JSON.parse(JSON.stringify(config.state)) as SimState, globals, given };
  } finally {
    await dom.happyDOM.close();
  }
}
