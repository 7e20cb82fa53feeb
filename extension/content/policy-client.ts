// The content scripts' view of the effective policy, refreshed when IT or the user changes it.
// A page never waits on the background for a policy: the last known one (storage.local) is
// applied at once, then the background's answer replaces it. If the background does not answer
// (starting up, busy, restarted), the page reads the policy the background last stored. The page
// never resolves a policy itself: that takes the validator and domain lists a tab should not load.
import { addMessages } from '../../core/messages';
import type { Lang } from '../../core/types';
import { browser } from '../host/browser-api';
import type { PolicyState } from '../host/messages';
import { lastResolvedPolicyState } from '../host/policy-store';
import type { Limits } from './attachment-guard';

/** How long one question to the background may take before the page reads storage itself. */
const ASK_TIMEOUT_MS = 1500;
const ASK_ATTEMPTS = 3;
/** The policy's megabyte (core/rules/attachment-size.ts), here so that loading a tab builds no rule. */
const MB = 1024 * 1024;

function ask(): Promise<PolicyState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer from the background')), ASK_TIMEOUT_MS)));
  const answer = browser.runtime.sendMessage({ type: 'get-policy' }) as Promise<PolicyState | undefined>;
  return Promise.race([answer, late]).then((s) => {
    if (!s?.policy) throw new Error('no policy in the answer');
    return s;
  }).finally(() => clearTimeout(timer));
}

export class PolicyClient {
  state?: PolicyState;
  private generation = 0;
  /**
   * issue 11 (page weight): a public webmail's page script shows no words of the policy's
   * language until its checks load (the first compose), so it keeps none until then: the
   * catalog that comes with the policy is most of what a tab would otherwise hold.
   */
  private keepMessages: boolean;

  constructor(
    private readonly onChange: (s: PolicyState) => void,
    options: { messagesOnDemand?: boolean } = {},
  ) {
    this.keepMessages = !options.messagesOnDemand;
    browser.storage.onChanged.addListener((_changes, area) => {
      // The background caches managed policy and user settings in local storage.
      if (area === 'local' || area === 'managed') void this.load();
    });
  }

  /** Resolves as soon as a policy applies (the last known one at the latest); later answers follow through onChange. */
  async load(): Promise<PolicyState | undefined> {
    const generation = ++this.generation;
    if (!this.state) {
      try {
        this.apply(await lastResolvedPolicyState(), generation);
      } catch {
        // storage.local unreadable: the background's answer below is the only source.
      }
    }
    const fresh = this.fetchFresh(generation);
    if (!this.state) await fresh;
    return this.state;
  }

  private async fetchFresh(generation: number): Promise<void> {
    for (let attempt = 0; attempt < ASK_ATTEMPTS; attempt++) {
      try {
        this.apply(await ask(), generation);
        return;
      } catch {
        // Starting up or busy: ask again, then read storage directly.
      }
    }
    try {
      this.apply(await lastResolvedPolicyState(), generation);
    } catch {
      // Nothing readable: the last known policy stays in force.
    }
  }

  private apply(state: PolicyState, generation: number): void {
    // A newer load has started (the policy changed meanwhile): its answer wins.
    if (generation !== this.generation && this.state) return;
    if (state.messages && this.keepMessages) addMessages(state.policy.language, state.messages);
    this.state = this.keepMessages ? state : { ...state, messages: undefined };
    this.onChange(state);
  }

  /**
   * issue 11 (page weight): from now on the policy's words are kept; resolves once those of the
   * last stored policy are installed (or none could be read: the banner then says the policy is
   * loading, in the words every page script carries, and later answers bring the words).
   */
  async installMessages(): Promise<void> {
    if (this.keepMessages) return;
    this.keepMessages = true;
    const state = await lastResolvedPolicyState().catch(() => ask().catch(() => undefined));
    if (state?.messages) addMessages(state.policy.language, state.messages);
  }

  get lang(): Lang {
    return this.state?.policy.language ?? 'vi';
  }

  limits(): Limits | undefined {
    const p = this.state?.policy;
    if (!p || p.rules['attachment-size'] === 'off') return undefined;
    return { maxFileBytes: p.attachmentMaxFileMB * MB, maxTotalBytes: p.attachmentMaxTotalMB * MB };
  }
}
