// The effective policy: IT's managed storage over the user's settings over the preset.
// Managed storage may be missing (Firefox throws when no policies.json names us), arrive
// late, or change: the last good managed policy is cached, and changes reload it.
import { catalog } from '../../core/messages';
import { browser } from '../host/browser-api';
import type { PolicyState } from '../host/messages';
import { loadPolicyState, USER_KEY } from '../host/policy-load';
import { storeResolvedPolicyState } from '../host/policy-store';

let current: Promise<PolicyState> | undefined;
const listeners = new Set<(s: PolicyState) => void>();

// Every resolution is stored for the content scripts, which apply it without resolving.
const load = () =>
  loadPolicyState().then(async (resolved) => {
    const state = { ...resolved, messages: catalog(resolved.policy.language) };
    await storeResolvedPolicyState(state).catch(() => undefined);
    return state;
  });

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
