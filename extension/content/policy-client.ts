// The content scripts' view of the effective policy, refreshed when IT or the user changes it.
import { MB } from '../../core/rules/attachment-size';
import type { Lang } from '../../core/types';
import { browser } from '../host/browser-api';
import type { PolicyState } from '../host/messages';
import type { Limits } from './attachment-guard';


export class PolicyClient {
  state?: PolicyState;

  constructor(private readonly onChange: (s: PolicyState) => void) {
    browser.storage.onChanged.addListener((_changes, area) => {
      // The background caches managed policy and user settings in local storage.
      if (area === 'local' || area === 'managed') void this.load();
    });
  }

  async load(): Promise<PolicyState | undefined> {
    try {
      const state = (await browser.runtime.sendMessage({ type: 'get-policy' })) as PolicyState;
      this.state = state;
      this.onChange(state);
      return state;
    } catch {
      return this.state;
    }
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
