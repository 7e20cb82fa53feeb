// The seam between the core and its hosts: a host turns what it sees into a MessageView,
// calls check(), and renders the Findings it gets back. Nothing here knows which host called.

export type Mode = 'off' | 'nudge' | 'warn' | 'block';
export type Severity = Exclude<Mode, 'off'>;
export type Lang = 'vi' | 'en';

export const RULE_IDS = [
  'public-webmail-work',
  'public-contact-in-document',
  'attachment-size',
  'secret-document',
  'unicode-text',
  // unsigned-document (issue 14)
  'unsigned-document',
  // official-directory (issue 14): a colleague's official address from IT's directory
  'official-directory',
  // account hygiene (issue 13): rules about the official account itself, checked on the
  // official webmail's settings pages rather than on a message
  'auto-forward-public',
  // Account hygiene (issue 13): rules the all-sites script applies in forms, not in messages.
  'official-address-signup',
  'password-policy',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Where legacy-encoded (TCVN3/ABC or VNI-Windows) text was found in a document. */
export interface LegacyRun {
  encoding: 'tcvn3' | 'vni';
  /** The run as it was stored (Latin-1 look-alike characters). */
  original: string;
  /** The same run converted to NFC Unicode. */
  converted: string;
}

/** What extraction gives back for one document: its text, link targets and nested parts. */
export interface ExtractedDocument {
  /** Plain text, NFC, with legacy-font runs already converted to Unicode. */
  text: string;
  /** Link targets (href, mailto:, hyperlink relationships, PDF link annotations). */
  links: string[];
  /** Legacy-encoded runs that were found and converted. */
  legacy: LegacyRun[];
  /** Nested documents: attachments of an e-mail, embedded parts. */
  parts: ExtractedPart[];
  /** Extraction stopped early (size or time budget) but what was read is kept. */
  truncated?: boolean;
  /** For an e-mail: its own contact points. Its recipients are in neither this nor `text`. */
  senders?: SenderHeaders;
  /** What a reader must know about how this document was read (cut, damaged, no text). */
  notices?: DocumentNotice[];
  /** Digital signatures, for the formats that carry them (PDF, OOXML, ODF); absent for others. */
  signatures?: DocumentSignatures;
}

// --- unsigned-document (issue 14): the signature state of a document, as extraction found it.
/** Names read from a certificate (subject or issuer). */
export interface CertificateNames {
  commonName?: string;
  organization?: string;
  email?: string;
}

export interface SignatureInfo {
  /** How the signature is stored: a PDF signature dictionary, an OPC package signature, an ODF one. */
  container: 'pdf' | 'ooxml' | 'odf';
  /** The PDF /SubFilter, or the XML-DSig signature method. */
  kind?: string;
  /**
   * 'valid': the digest and the signature both check; 'altered': the signed bytes or a signed
   * part no longer match the signature; 'unverifiable': the signature could not be checked
   * (a format or algorithm not supported, a damaged signature).
   */
  integrity: 'valid' | 'altered' | 'unverifiable';
  /** Whether the signature covers the whole document as it is now (no later update, no unsigned part). */
  coversWhole: boolean;
  /** Parts of a package that changed after signing, or that the signature does not cover. */
  changedParts?: string[];
  signer?: CertificateNames;
  issuer?: CertificateNames;
  /**
   * 'listed-root': the signer's chain verifies up to a root the policy lists; 'self-signed':
   * the signer vouches for itself; 'unlisted': issued by someone the policy does not list.
   */
  trust: 'listed-root' | 'self-signed' | 'unlisted';
  /** The listed root the chain ends at. */
  trustedRoot?: CertificateNames;
  /** Signing time the signer claims (ISO 8601), if any. */
  signedAt?: string;
}

export interface DocumentSignatures {
  signatures: SignatureInfo[];
  /** Signature fields placed in the document and never signed. */
  unsignedFields: number;
  /** The signatures could not be read at all (a damaged signature part): never read as unsigned. */
  unreadable?: boolean;
  /** A signature is there, but this host does not verify signatures (Outlook's launch runtime). */
  notChecked?: boolean;
}
// --- end unsigned-document

/**
 * Not a finding: a fact about the reading. 'text-cut' and 'links-cut': a bound stopped the
 * reading and what follows was not checked; 'damaged': a damaged part ended the reading
 * early; 'no-text': there was no text to check (an image-only scan, an empty file).
 */
export const DOCUMENT_NOTICE_CODES = ['text-cut', 'links-cut', 'damaged', 'no-text'] as const;
export type DocumentNoticeCode = (typeof DOCUMENT_NOTICE_CODES)[number];

export interface DocumentNotice {
  code: DocumentNoticeCode;
  /** For 'text-cut' the characters read, for 'links-cut' the links read. */
  count?: number;
}

/** A notice about a file or one of its attachments, flattened for a report (extract/notices.ts). */
export type ReadNotice =
  | { code: DocumentNoticeCode; /** The attachment it is about ("a.eml › b.docx"); none for the file itself. */ part?: string; count?: number }
  | { code: 'part-unreadable'; part: string; failure: ReadFailure };

export const READ_FAILURE_CODES = ['too-large', 'zip-bomb', 'corrupt', 'encrypted', 'unsupported', 'timeout', 'too-deep', 'memory', 'io'] as const;
export type ReadFailureCode = (typeof READ_FAILURE_CODES)[number];

/** Finer reasons behind 'unsupported' and 'corrupt', each with its own words for the reader. */
export const READ_FAILURE_REASONS = ['legacy-doc', 'legacy-xls', 'legacy-ppt', 'outlook-msg', 'legacy-ole', 'rtf', 'binary', 'zip-not-office', 'not-a-package'] as const;
export type ReadFailureReason = (typeof READ_FAILURE_REASONS)[number];

/** Why a file or an attachment could not be read, as codes the hosts render in words. */
export interface ReadFailure {
  code: ReadFailureCode;
  reason?: ReadFailureReason;
  /** The format a file's name promised ("DOCX") when its bytes are not that format. */
  format?: string;
  /** For 'too-deep': how many levels were followed. */
  depth?: number;
}

/** Who a message is from and where answers go (From, Sender, Reply-To): its contact points. */
export interface SenderHeaders {
  from?: string;
  sender?: string;
  replyTo?: string[];
}

export interface ExtractedPart {
  name: string;
  size: number;
  contentType?: string;
  document?: ExtractedDocument;
  /** Why this part could not be read, in words for IT (English, technical). */
  error?: string;
  /** The same as codes, for the reader's words. */
  failure?: ReadFailure;
}

export interface AttachmentView {
  name: string;
  /** Size in bytes. */
  size: number;
  contentType?: string;
  /** Extracted content, when the host has read it. */
  document?: ExtractedDocument;
  /** The host tried to read the file and could not. */
  error?: string;
}

export interface MessageView {
  /** outgoing: a draft being written; incoming: a received message being read. */
  direction: 'outgoing' | 'incoming';
  /** Where it is being written or read: a public webmail, the official system, or unknown. */
  surface?: 'public-webmail' | 'official' | 'unknown';
  from?: string;
  /** A received message's Sender and Reply-To (with `from`, its contact points). */
  sender?: string;
  replyTo?: string[];
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  bodyText: string;
  bodyLinks: string[];
  attachments: AttachmentView[];
  // official-directory (issue 14)
  /** Display names the host showed for recipients, by address (lower case). */
  recipientNames?: Record<string, string>;
}

export type ActionId =
  | 'open-official-webmail'
  | 'acknowledge'
  | 'not-work'
  | 'remove-attachment'
  | 'convert-to-unicode'
  | 'report-spam'
  | 'share-as-link'
  // official-directory (issue 14): replace a colleague's public address by the official one
  | 'use-official-address';

/** A finding as a rule reports it; check() adds the severity from the policy's mode. */
export interface RawFinding {
  rule: RuleId;
  messageKey: string;
  params: Record<string, string | number>;
  evidence: Evidence;
  actions: ActionId[];
}

export interface Evidence {
  addresses?: string[];
  /** File names the finding is about. */
  files?: string[];
  /** Short quotes from the text that triggered the finding (never the whole body). */
  quotes?: string[];
  markers?: string[];
  // official-directory (issue 14): the public address a suggestion would replace, and by what
  replacement?: { field: 'to' | 'cc' | 'bcc'; from: string; to: string };
}

export interface Citation {
  vi: string;
  en: string;
}

export interface Finding extends RawFinding {
  severity: Severity;
  citation: Citation;
}
