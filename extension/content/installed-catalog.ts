// Stands in for core/messages/vi.ts and en.ts in the content scripts (extension/build.ts swaps
// it in): a tab carries only the words it needs before a policy applies, and receives the
// policy's language with the policy (host/policy-store.ts), not both catalogs in every tab.
import type { MessageKey } from '../../core/messages/en';

type Catalog = Record<MessageKey, string>;

/** Filled by the build from vi.ts and en.ts: the banner's frame and the "loading policy" note. */
declare const __CONGVU_PRELOADED_VI__: Partial<Catalog>;
declare const __CONGVU_PRELOADED_EN__: Partial<Catalog>;

export const vi = { ...__CONGVU_PRELOADED_VI__ } as Catalog;
export const en = { ...__CONGVU_PRELOADED_EN__ } as Catalog;

export function installCatalog(lang: 'vi' | 'en', messages: Partial<Record<string, string>>): void {
  Object.assign(lang === 'vi' ? vi : en, messages);
}
