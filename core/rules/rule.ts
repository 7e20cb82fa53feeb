import type { AddressClassifier } from '../address/classify';
import type { AuthorityId, Policy } from '../policy/schema';
import type { Citation, MessageView, RawFinding, RuleId } from '../types';
import type { DirectoryLookup } from '../directory/types';

export interface RuleContext {
  policy: Policy;
  classifier: AddressClassifier;
  // official-directory (issue 14): the host's lookup into IT's directory, when it has one
  directory?: DirectoryLookup;
}

/** One rule, one file: pure and synchronous over text the host already extracted. */
export interface Rule {
  id: RuleId;
  appliesTo: ReadonlyArray<MessageView['direction']>;
  /** Source article per authority; `default` for authorities the seeds do not cover. */
  sources: Partial<Record<AuthorityId, Citation>> & { default: Citation };
  check(msg: MessageView, ctx: RuleContext): RawFinding[];
}
