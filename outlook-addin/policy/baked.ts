// What the deployment kit bakes into the hosted launchevent.js: where IT hosts the add-in and a
// snapshot of IT's policy. Classic Outlook on Windows runs launch events and the integrated
// spam-reporting event in a JavaScript-only runtime with no `location`, and clients before
// Mailbox 1.14 have no Office.context.urls either: the baked base URL is then the only way to
// find policy.json, and the snapshot applies when the fetch fails.
//
// The kit prepends one statement, `var <BAKED_GLOBAL> = {...};`, so the value is a property of
// the script's global object before the bundle runs; nothing here needs a DOM.

export const BAKED_GLOBAL = '__congvuGuardHosting';

export interface BakedHosting {
  /** The add-in folder's https:// URL, ending in "/". */
  baseUrl: string;
  /** IT's effective policy at the time the kit was built (same schema as policy.json). */
  policy: unknown;
}

/** The values baked into this script, when the kit wrote it; never throws. */
export function bakedHosting(): BakedHosting | undefined {
  try {
    const value = (globalThis as Record<string, unknown>)[BAKED_GLOBAL] as Partial<BakedHosting> | undefined;
    if (!value || typeof value !== 'object') return undefined;
    return { baseUrl: typeof value.baseUrl === 'string' ? value.baseUrl : '', policy: value.policy };
  } catch {
    return undefined;
  }
}

const BAKED_LINE = new RegExp(`^var ${BAKED_GLOBAL} = .*;\\n`);

/**
 * The launch-event script with `hosting` baked in (a line written before replaces the old one).
 * The JSON is escaped for an ES2016 engine, where U+2028 and U+2029 may not appear raw in a string.
 */
export function bakeHosting(script: string, hosting: BakedHosting): string {
  const json = JSON.stringify({ baseUrl: hosting.baseUrl, policy: hosting.policy })
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
  return `var ${BAKED_GLOBAL} = ${json};\n${script.replace(BAKED_LINE, '')}`;
}
