// In content-checks.js, stands in for core/messages/vi.ts and en.ts (extension/build.ts): the
// catalogs the loader installs the policy's words into.
import type { MessageKey } from '../../../core/messages/en';
import { sharedByLoader } from '../checks-share';

export const vi = sharedByLoader().vi as Record<MessageKey, string>;
export const en = sharedByLoader().en as Record<MessageKey, string>;
