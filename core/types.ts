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
