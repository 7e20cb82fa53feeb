// The registry: one line per rule. A rule's id is its file name and keys the policy and messages.
import type { RuleId } from '../types';
import { attachmentSizeRule } from './attachment-size';
// account hygiene (issue 13)
import { autoForwardPublicRule } from './auto-forward-public';
import { passwordPolicyRule } from './password-policy';
import { publicContactInDocumentRule } from './public-contact-in-document';
import { publicWebmailWorkRule } from './public-webmail-work';
import type { Rule } from './rule';
import { secretDocumentRule } from './secret-document';
import { unicodeTextRule } from './unicode-text';
// unsigned-document (issue 14)
import { unsignedDocumentRule } from './unsigned-document';
import { officialDirectoryRule } from './official-directory';
// Account hygiene (issue 13):
import { officialAddressSignupRule } from './official-address-signup';

export const RULES: Record<RuleId, Rule> = {
  'public-webmail-work': publicWebmailWorkRule,
  'public-contact-in-document': publicContactInDocumentRule,
  'attachment-size': attachmentSizeRule,
  'secret-document': secretDocumentRule,
  'unicode-text': unicodeTextRule,
  // unsigned-document (issue 14)
  'unsigned-document': unsignedDocumentRule,
  // official-directory (issue 14)
  'official-directory': officialDirectoryRule,
  // account hygiene (issue 13)
  'auto-forward-public': autoForwardPublicRule,
  // Account hygiene (issue 13):
  'official-address-signup': officialAddressSignupRule,
  'password-policy': passwordPolicyRule,
};

export type { Rule, RuleContext } from './rule';
