// The background's parts that a start of the service worker does not need: the policy engine
// (background/engine.ts) and the public-webmail list. Outside the extension build (tests) they
// are ordinary imports; extension/build.ts swaps in lazy-parts.split.ts, which loads each from
// a file of its own on first use instead.
export type Engine = typeof import('./engine');
export type PublicDomains = ReadonlySet<string>;

export const loadEngine = (): Promise<Engine> => import('./engine');

export const loadPublicDomains = async (): Promise<PublicDomains> => (await import('../../core/address/public-domains')).PUBLIC_WEBMAIL_DOMAINS;

/** Chrome's service worker may load a script later only if it loaded it while installing. */
export function preloadOnInstall(): void {}
