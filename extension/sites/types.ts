// The one contract every webmail adapter fulfils. An adapter knows its site's markup (all of
// it in its own selectors.ts); everything else — checking, banners, blocking — is shared.

import type { OfficialProduct } from './official-detect.js';

// Official webmail products (issue 12) are sites too: their composes go through the same session.
export type SiteId = 'gmail' | 'yahoo' | 'outlook-com' | OfficialProduct;

/** What a compose surface shows right now, read from the DOM. */
export interface ComposeDraft {
  /** Addresses, lower case, as the recipient fields carry them (attributes first, text last). */
  to: string[];
  cc: string[];
  bcc: string[];
  /** Recipients shown by display name only: unknown, never assumed official. */
  unknownRecipients: string[];
  subject: string;
  /** The body as plain text (quoted history included), NFC. */
  bodyText: string;
  /** href targets of links in the body (mailto: included). */
  bodyLinks: string[];
  /** Attachment chips already in the compose (name, and size in bytes when the site shows it). */
  attachments: Array<{ name: string; size?: number }>;
  // official-directory (issue 14)
  /** Display names shown on recipient chips, by address. */
  recipientNames?: Record<string, string>;
}

export interface ComposeHandle {
  readonly site: SiteId;
  /** The compose surface's root element (dialog, inline reply container, pop-out body). */
  readonly root: HTMLElement;
  /** Reads the draft; never throws (a field it cannot find reads as empty, and is logged once). */
  readDraft(): ComposeDraft;
  /** Whether an event target is (inside) this compose's Send control. */
  isSendControl(target: EventTarget | null): boolean;
  /** Where the banner goes: a host element the adapter inserts inside the compose, above the body. */
  bannerHost(): HTMLElement;
  // official-directory (issue 14)
  /** Puts `to` in place of the recipient `from` in a field, as the user would; false when it cannot. */
  replaceRecipient?(field: 'to' | 'cc' | 'bcc', from: string, to: string): boolean;
  /**
   * Official webmail (issue 12): converts legacy-encoded text in the subject and the editor
   * (iframe editors included) to Unicode in place, as typing would; returns how many runs
   * changed. Absent where a site offers no conversion. The converter comes from the compose's
   * checks, so that the page script builds the legacy tables only when a compose needs them.
   */
  convertLegacyText?(legacy: LegacyConverter): number;
}

/** The core's legacy-text detection and conversion (core/encoding), handed in by the compose's checks. */
export interface LegacyConverter {
  hasLegacyText(text: string): boolean;
  convertLegacyText(text: string): { text: string; runs: readonly unknown[] };
}

export interface SiteAdapter {
  readonly site: SiteId;
  /** The pages this adapter serves (mail.google.com, mail.yahoo.com, outlook.live.com…). */
  matches(url: URL): boolean;
  /**
   * Calls onCompose once for every compose surface already open and every one opened later,
   * and onClosed when it leaves the page, until `signal` aborts. Uses one MutationObserver
   * with little work per mutation: no polling.
   */
  watch(doc: Document, signal: AbortSignal, onCompose: (c: ComposeHandle) => void, onClosed: (c: ComposeHandle) => void): void;
}

/** Adapters report what they could not read here; the host keeps a local count, never content. */
export type UnreadableReport = (site: SiteId, what: 'recipients' | 'subject' | 'body' | 'send-button' | 'compose') => void;
