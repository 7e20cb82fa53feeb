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
  // unsigned-document (issue 14)
  /** The unit holds the specialised digital signature: official documents it sends must be signed (Art. 6.4, QĐ 3712). */
  unitSignsDocuments: boolean;
  /** Root certificates a signer's chain may end at (PEM or base64 DER): Ban Cơ yếu's and licensed public CAs'. */
  trustedSignatureRoots: string[];
  // official-directory (issue 14)
  /** Where the directory file `policy build` writes is hosted (https://…). Empty: no directory. */
  officialDirectoryUrl: string;
  // Account hygiene (issue 13):
  /**
   * Other sites where staff legitimately sign in with the official account and password (the
   * authority's single sign-on), subdomains included: no sign-up nudge, no password-reuse alert.
   */
  officialSignInHosts: string[];
  // Official webmail (issue 12): every webmail host of the authority, checked in full there.
  /** Every official webmail of the authority (https://…); with officialWebmailUrl, where the official checks run. */
  officialWebmailUrls: string[];
}

export type PolicyField = keyof Policy;

// Chrome checks patterns with RE2: no look-around, no back-references.
const DOMAIN_PATTERN = '^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$';
const ADDRESS_PATTERN = '^$|^[A-Za-z0-9._%+\\-]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$';

// unsigned-document: one certificate, base64 DER on one line (what a registry value or a JSON
// string holds best) or PEM with its armour; RE2-compatible.
const CERTIFICATE_PATTERN = '^(?:[A-Za-z0-9+/]{64,}={0,2}|-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----\\s*)$';

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
    // Account hygiene (issue 13):
    officialSignInHosts: {
      type: 'array',
      title: 'Other sites that take the official account and password (SSO), subdomains included',
      items: { type: 'string', pattern: DOMAIN_PATTERN },
    },
    rules: {
      type: 'object',
      title: 'Mode of each rule: off, nudge, warn or block',
      properties: Object.fromEntries(RULE_IDS.map((id) => [id, modeSchema(id)])),
    },
    // unsigned-document (issue 14)
    unitSignsDocuments: {
      type: 'boolean',
      title: 'The unit signs its electronic documents with a digital signature',
    },
    trustedSignatureRoots: {
      type: 'array',
      title: 'Trusted root certificates for document signatures (base64 DER or PEM)',
      items: { type: 'string', pattern: CERTIFICATE_PATTERN },
    },
    // official-directory (issue 14)
    officialDirectoryUrl: {
      type: 'string',
      title: 'Official directory file (https://…), empty for none',
      pattern: '^$|^https://[^\\s/$.?#][^\\s]*$',
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
