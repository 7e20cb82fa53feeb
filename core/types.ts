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
}

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
}

export type ActionId =
  | 'open-official-webmail'
  | 'acknowledge'
  | 'not-work'
  | 'remove-attachment'
  | 'convert-to-unicode'
  | 'report-spam'
  | 'share-as-link';

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
}

export interface Citation {
  vi: string;
  en: string;
}

export interface Finding extends RawFinding {
  severity: Severity;
  citation: Citation;
}
