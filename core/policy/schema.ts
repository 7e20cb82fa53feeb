// The one policy schema. It is plain JSON Schema in the subset Chrome accepts for
// `storage.managed_schema` (type, properties, items, enum, pattern, minimum, maximum,
// title, description; minimum/maximum on integers only), so the same object validates policy files, managed storage and
// the hosted Outlook policy, and is emitted as the extension's managed schema.
import { RULE_IDS, type Lang, type Mode, type RuleId } from '../types';

export const AUTHORITY_IDS = ['default', 'danang', 'cantho', 'quangngai', 'binhdinh'] as const;
export type AuthorityId = (typeof AUTHORITY_IDS)[number];
export const MODES: readonly Mode[] = ['off', 'nudge', 'warn', 'block'];

export interface Policy {
  /** Whose regulations the messages cite. */
  authority: AuthorityId;
  /** Official mail domains; subdomains count too. Several since the 2025 province mergers. */
  officialDomains: string[];
  /** Where the "open the official webmail" action goes. Empty: the action is not offered. */
  officialWebmailUrl: string;
  /** Where reported spam is forwarded. Empty: reporting is not offered. */
  spamReportAddress: string;
  /** Largest single attachment, in MB (1 MB = 1 048 576 bytes, as mail servers count). */
  attachmentMaxFileMB: number;
  /** Largest total of all attachments of one message, in MB. */
  attachmentMaxTotalMB: number;
  /** After a spam report, move the original to Junk Email. */
  moveReportedSpamToJunk: boolean;
  /** Extra public-webmail domains IT wants treated as public (e.g. a local ISP's mailboxes). */
  extraPublicDomains: string[];
  /** Language of messages by default. */
  language: Lang;
  /** How strict each rule is. */
  rules: Record<RuleId, Mode>;
  // Official webmail (issue 12): every webmail host of the authority, checked in full there.
  /** Every official webmail of the authority (https://…); with officialWebmailUrl, where the official checks run. */
  officialWebmailUrls: string[];
}

export type PolicyField = keyof Policy;

// Chrome checks patterns with RE2: no look-around, no back-references.
const DOMAIN_PATTERN = '^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$';
const ADDRESS_PATTERN = '^$|^[A-Za-z0-9._%+\\-]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$';

const modeSchema = (title: string) => ({ type: 'string', title, enum: [...MODES] });

export const policySchema = {
  type: 'object',
  properties: {
    authority: {
      type: 'string',
      title: 'Authority whose regulations are cited',
      enum: [...AUTHORITY_IDS],
    },
    officialDomains: {
      type: 'array',
      title: 'Official mail domains (subdomains included)',
      items: { type: 'string', pattern: DOMAIN_PATTERN },
    },
    officialWebmailUrl: {
      type: 'string',
      title: 'Official webmail address (https://…), empty for none',
      pattern: '^$|^https://[^\\s/$.?#][^\\s]*$',
    },
    spamReportAddress: {
      type: 'string',
      title: 'Address that receives reported spam, empty for none',
      pattern: ADDRESS_PATTERN,
    },
    attachmentMaxFileMB: {
      type: 'integer',
      title: 'Largest single attachment (MB)',
      minimum: 1,
      maximum: 1024,
    },
    attachmentMaxTotalMB: {
      type: 'integer',
      title: 'Largest total of attachments in one message (MB)',
      minimum: 1,
      maximum: 1024,
    },
    moveReportedSpamToJunk: {
      type: 'boolean',
      title: 'Move reported spam to Junk Email',
    },
    extraPublicDomains: {
      type: 'array',
      title: 'Extra public-webmail domains',
      items: { type: 'string', pattern: DOMAIN_PATTERN },
    },
    language: {
      type: 'string',
      title: 'Default language of messages',
      enum: ['vi', 'en'],
    },
    rules: {
      type: 'object',
      title: 'Mode of each rule: off, nudge, warn or block',
      properties: Object.fromEntries(RULE_IDS.map((id) => [id, modeSchema(id)])),
    },
    // Official webmail (issue 12)
    officialWebmailUrls: {
      type: 'array',
      title: 'Official webmail addresses (https://…), every webmail the authority runs',
      items: { type: 'string', pattern: '^https://[^\\s/$.?#][^\\s]*$' },
    },
  },
} as const;

export const POLICY_FIELDS = Object.keys(policySchema.properties) as PolicyField[];
