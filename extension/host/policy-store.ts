// The policy the background last resolved, kept in storage.local for the content scripts:
// a page applies it at once without resolving the policy itself, which would put the JSON
// Schema validator, the Public Suffix List and the provider list in every webmail tab.
import { browser } from './browser-api';
import type { PolicyState } from './messages';

export const RESOLVED_KEY = 'resolvedPolicyState';

/** The background's last resolved policy; rejects when it has never resolved one. */
export async function lastResolvedPolicyState(): Promise<PolicyState> {
  const state = (await browser.storage.local.get(RESOLVED_KEY))[RESOLVED_KEY] as PolicyState | undefined;
  if (!state?.policy) throw new Error('no resolved policy stored yet');
  return state;
}

export async function storeResolvedPolicyState(state: PolicyState): Promise<void> {
  await browser.storage.local.set({ [RESOLVED_KEY]: state });
}
