// How the background reads the effective policy from storage: IT's managed storage over the
// user's settings over the preset. Pages never resolve a policy: they apply the state the
// background stores (policy-store.ts).
import { resolvePolicy } from '../../core/policy';
import { browser } from './browser-api';
import type { PolicyState } from './messages';

/** The last managed policy read, kept in storage.local: what applies while managed storage cannot be read. */
export const MANAGED_CACHE_KEY = 'lastManagedPolicy';
export const USER_KEY = 'userPolicy';

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

/** The policy in force now; the managed part is stored as the last known one. */
export async function loadPolicyState(): Promise<PolicyState> {
  const [m, stored] = await Promise.all([readManaged(), browser.storage.local.get(USER_KEY)]);
  const resolved = resolvePolicy({ managed: m.value, user: stored[USER_KEY] });
  return { ...resolved, usingCachedManaged: m.cached };
}
