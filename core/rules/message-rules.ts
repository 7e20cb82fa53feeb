// The rules that read a message (issue 11, budget): check() runs only these, so the webmail
// content script does not carry the account rules (settings pages and sign-up forms), which
// core/rules/index.ts adds to make the full registry.
import type { RuleId } from '../types';
import { attachmentSizeRule } from './attachment-size';
import { officialDirectoryRule } from './official-directory';
import { publicContactInDocumentRule } from './public-contact-in-document';
import { publicWebmailWorkRule } from './public-webmail-work';
import type { Rule } from './rule';
import { secretDocumentRule } from './secret-document';
import { unicodeTextRule } from './unicode-text';
import { unsignedDocumentRule } from './unsigned-document';

/** The account rules: they apply to no message (their `appliesTo` is empty). */
export const ACCOUNT_RULE_IDS = ['auto-forward-public', 'official-address-signup', 'password-policy'] as const satisfies readonly RuleId[];
export type MessageRuleId = Exclude<RuleId, (typeof ACCOUNT_RULE_IDS)[number]>;

export const MESSAGE_RULES: Record<MessageRuleId, Rule> = {
  'public-webmail-work': publicWebmailWorkRule,
  'public-contact-in-document': publicContactInDocumentRule,
  'attachment-size': attachmentSizeRule,
  'secret-document': secretDocumentRule,
  'unicode-text': unicodeTextRule,
  'unsigned-document': unsignedDocumentRule,
  'official-directory': officialDirectoryRule,
};
