// How the effective policy is read from storage: IT's managed storage over the user's settings
// over the preset. Shared by the background and the content scripts, so that a page can apply
// the last known policy at once, before the background has answered (or while it is busy).
import { resolvePolicy } from '../../core/policy';
import { browser } from './browser-api';
import type { PolicyState } from './messages';

/** The last managed policy read, kept in storage.local: what applies while managed storage cannot be read. */
export const MANAGED_CACHE_KEY = 'lastManagedPolicy';
export const USER_KEY = 'userPolicy';

async function readManaged(keepCache: boolean): Promise<{ value: unknown; cached: boolean }> {
  try {
    const value = await browser.storage.managed.get(null);
    const present = value && Object.keys(value).length > 0 ? value : undefined;
    if (keepCache) await browser.storage.local.set({ [MANAGED_CACHE_KEY]: present ?? null });
    return { value: present, cached: false };
  } catch {
    return readCachedManaged();
  }
}

async function readCachedManaged(): Promise<{ value: unknown; cached: boolean }> {
  const cached = (await browser.storage.local.get(MANAGED_CACHE_KEY))[MANAGED_CACHE_KEY];
  return { value: cached ?? undefined, cached: cached !== undefined && cached !== null };
}

async function resolveFrom(managed: Promise<{ value: unknown; cached: boolean }>): Promise<PolicyState> {
  const [m, stored] = await Promise.all([managed, browser.storage.local.get(USER_KEY)]);
  const resolved = resolvePolicy({ managed: m.value, user: stored[USER_KEY] });
  return { ...resolved, usingCachedManaged: m.cached };
}

/** The policy in force now; `keepCache` (the background only) stores the managed part as the last known. */
export function loadPolicyState(keepCache: boolean): Promise<PolicyState> {
  return resolveFrom(readManaged(keepCache));
}

/** The last known policy, from storage.local alone: no wait on managed storage or the background. */
export function lastKnownPolicyState(): Promise<PolicyState> {
  return resolveFrom(readCachedManaged());
}
