// The effective policy: IT's managed storage over the user's settings over the preset.
// Managed storage may be missing (Firefox throws when no policies.json names us), arrive
// late, or change: the last good managed policy is cached, and changes reload it.
import { resolvePolicy } from '../../core/policy';
import { browser } from '../host/browser-api';
import type { PolicyState } from '../host/messages';

const CACHE_KEY = 'lastManagedPolicy';
const USER_KEY = 'userPolicy';

let current: Promise<PolicyState> | undefined;
const listeners = new Set<(s: PolicyState) => void>();

async function readManaged(): Promise<{ value: unknown; cached: boolean }> {
  try {
    const value = await browser.storage.managed.get(null);
    const present = value && Object.keys(value).length > 0 ? value : undefined;
    await browser.storage.local.set({ [CACHE_KEY]: present ?? null });
    return { value: present, cached: false };
  } catch {
    const cached = (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY];
    return { value: cached ?? undefined, cached: cached !== undefined && cached !== null };
  }
}

async function load(): Promise<PolicyState> {
  const [managed, stored] = await Promise.all([readManaged(), browser.storage.local.get(USER_KEY)]);
  const resolved = resolvePolicy({ managed: managed.value, user: stored[USER_KEY] });
  return { ...resolved, usingCachedManaged: managed.cached };
}

export function getPolicy(): Promise<PolicyState> {
  current ??= load();
  return current;
}

export function onPolicyChange(listener: (s: PolicyState) => void): void {
  listeners.add(listener);
}

export async function setUserPolicy(value: unknown): Promise<PolicyState> {
  await browser.storage.local.set({ [USER_KEY]: value });
  return reload();
}

async function reload(): Promise<PolicyState> {
  current = load();
  const state = await current;
  for (const l of listeners) l(state);
  return state;
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && USER_KEY in changes)) void reload();
});
