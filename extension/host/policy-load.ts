// What the background resolves the effective policy from: IT's managed storage and the user's
// settings (the preset is the engine's, background/engine.ts). Pages never resolve a policy:
// they apply the state the background stores (policy-store.ts). Reading these needs none of
// the resolving code, so a service worker that wakes with unchanged inputs never loads it.
import { browser } from './browser-api';

/** The last managed policy read, kept in storage.local: what applies while managed storage cannot be read. */
export const MANAGED_CACHE_KEY = 'lastManagedPolicy';
export const USER_KEY = 'userPolicy';

export interface PolicyInputs {
  managed: unknown;
  /** Managed storage could not be read now: `managed` is the last one read. */
  cachedManaged: boolean;
  user: unknown;
}

async function readManaged(): Promise<{ value: unknown; cached: boolean }> {
  try {
    const value = await browser.storage.managed.get(null);
    const present = value && Object.keys(value).length > 0 ? value : undefined;
    await browser.storage.local.set({ [MANAGED_CACHE_KEY]: present ?? null });
    return { value: present, cached: false };
  } catch {
    return readCachedManaged();
  }
}

async function readCachedManaged(): Promise<{ value: unknown; cached: boolean }> {
  const cached = (await browser.storage.local.get(MANAGED_CACHE_KEY))[MANAGED_CACHE_KEY];
  return { value: cached ?? undefined, cached: cached !== undefined && cached !== null };
}

/** The managed part (stored as the last known one) and the user's part of the policy in force now. */
export async function readPolicyInputs(): Promise<PolicyInputs> {
  const [m, stored] = await Promise.all([readManaged(), browser.storage.local.get(USER_KEY)]);
  return { managed: m.value, cachedManaged: m.cached, user: stored[USER_KEY] };
}
