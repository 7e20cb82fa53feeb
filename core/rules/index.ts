// The registry: one line per rule. A rule's id is its file name and keys the policy and messages.
// The rules that read a message are listed in ./message-rules (check() needs only those); the
// account rules are added here.
import type { RuleId } from '../types';
// account hygiene (issue 13)
import { autoForwardPublicRule } from './auto-forward-public';
import { passwordPolicyRule } from './password-policy';
import { MESSAGE_RULES } from './message-rules';
import type { Rule } from './rule';
// Account hygiene (issue 13):
import { officialAddressSignupRule } from './official-address-signup';

export const RULES: Record<RuleId, Rule> = {
  ...MESSAGE_RULES,
  // account hygiene (issue 13)
  'auto-forward-public': autoForwardPublicRule,
  // Account hygiene (issue 13):
  'official-address-signup': officialAddressSignupRule,
  'password-policy': passwordPolicyRule,
};

export { ACCOUNT_RULE_IDS, MESSAGE_RULES } from './message-rules';
export type { Rule, RuleContext } from './rule';
