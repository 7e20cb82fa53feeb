// Stands in for lazy-parts.ts in background.js (extension/build.ts): policy-engine.js and
// public-domains.js are files of their own, loaded the first time they are needed (issue 11).
// Chrome's service worker: importScripts(), which after installation loads only scripts the
// worker imported while installing; so the install event imports them once (per version),
// and later starts find them among the worker's stored scripts. Firefox's background is a
// page: a script element.
import type { Engine, PublicDomains } from './lazy-parts';

export type { Engine, PublicDomains };
export const ENGINE_FILE = 'policy-engine.js';
export const PUBLIC_DOMAINS_FILE = 'public-domains.js';

const scope = globalThis as unknown as {
  congvuPolicyEngine?: Engine;
  congvuPublicDomains?: PublicDomains;
  importScripts?: (...urls: string[]) => void;
  addEventListener(type: string, listener: () => void): void;
  document?: Document;
};
const isServiceWorker = typeof scope.importScripts === 'function' && !scope.document;

function fromScriptElement(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = scope.document!.createElement('script');
    script.src = file;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${file} did not load`));
    scope.document!.head.append(script);
  });
}

/** The value `file` leaves on the global `name`, the file loaded once. */
function lazy<T>(file: string, read: () => T | undefined): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= (async () => {
      if (read() === undefined) {
        if (isServiceWorker) scope.importScripts!(file);
        else await fromScriptElement(file);
      }
      const value = read();
      if (value === undefined) throw new Error(`${file} did not load what the background needs`);
      return value;
    })();
    // A failed load is tried again at the next need.
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

export const loadEngine = lazy(ENGINE_FILE, () => scope.congvuPolicyEngine);
export const loadPublicDomains = lazy(PUBLIC_DOMAINS_FILE, () => scope.congvuPublicDomains);

export function preloadOnInstall(): void {
  if (isServiceWorker) scope.addEventListener('install', () => scope.importScripts!(ENGINE_FILE, PUBLIC_DOMAINS_FILE));
}
