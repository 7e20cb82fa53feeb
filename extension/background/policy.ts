// The effective policy: IT's managed storage over the user's settings over the preset.
// Managed storage may be missing (Firefox throws when no policies.json names us), arrive
// late, or change: the last good managed policy is cached, and changes reload it.
// The service worker starts often (the browser stops it when idle): when the inputs are those
// the stored state was resolved from, by this version, that state is used as it is, and the
// resolving code (policy-engine.js) is not loaded at all (issue 11).
import { browser } from '../host/browser-api';
import type { PolicyState } from '../host/messages';
import { readPolicyInputs, USER_KEY, type PolicyInputs } from '../host/policy-load';
import { RESOLVED_KEY } from '../host/policy-store';
import { loadEngine } from './lazy-parts';

/** What the stored state was resolved from: the version and the inputs, as JSON. */
export const RESOLVED_FROM_KEY = 'resolvedPolicyFrom';

let current: Promise<PolicyState> | undefined;
const listeners = new Set<(s: PolicyState) => void>();

const versionOf = () => {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
};
const fingerprint = (inputs: PolicyInputs) => JSON.stringify([versionOf(), inputs.managed ?? null, inputs.cachedManaged, inputs.user ?? null]);

async function storedFor(from: string): Promise<PolicyState | undefined> {
  const stored = await browser.storage.local.get([RESOLVED_KEY, RESOLVED_FROM_KEY]);
  const s = stored[RESOLVED_KEY] as PolicyState | undefined;
  return stored[RESOLVED_FROM_KEY] === from && s?.policy && s.messages ? s : undefined;
}

// Every resolution is stored for the content scripts, which apply it without resolving.
async function resolveAndStore(force: boolean): Promise<PolicyState> {
  const inputs = await readPolicyInputs();
  const from = fingerprint(inputs);
  const kept = force ? undefined : await storedFor(from);
  if (kept) return kept;
  const engine = await loadEngine();
  const state = engine.resolveState(inputs);
  // One write: a state is never found beside the inputs, or the all-sites config, of another.
  await browser.storage.local.set({ ...engine.derivedFrom(state.policy), [RESOLVED_KEY]: state, [RESOLVED_FROM_KEY]: from }).catch(() => undefined);
  return state;
}

/**
 * One load at a time, each reading the inputs when it begins: a change that arrives while the
 * start's own load is still running is never overwritten in storage by that older load.
 */
let queue: Promise<unknown> = Promise.resolve();
function load(force: boolean): Promise<PolicyState> {
  const next = queue.then(() => resolveAndStore(force));
  queue = next.catch(() => undefined);
  return next;
}

export function getPolicy(): Promise<PolicyState> {
  current ??= load(false);
  return current;
}

export function onPolicyChange(listener: (s: PolicyState) => void): void {
  listeners.add(listener);
}

export async function setUserPolicy(value: unknown): Promise<PolicyState> {
  await browser.storage.local.set({ [USER_KEY]: value });
  return reload();
}

/** Resolves again even from the same inputs (a new install or update of the extension). */
export async function reload(force = false): Promise<PolicyState> {
  current = load(force);
  const state = await current;
  for (const l of listeners) l(state);
  return state;
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && USER_KEY in changes)) void reload();
});
