// Official webmail (issue 12): what an official product's adapter gives the official content
// script beyond a compose — the received message open in a read view, and its attachments as
// the product's own same-origin download links.
import type { ComposeHandle } from './types.js';
import type { OfficialProduct } from './official-detect.js';

export interface ReadAttachment {
  name: string;
  /** Absolute URL of the file's bytes at the webmail's own origin (the product's download link). */
  url: string;
  /** Size in bytes when the view prints it. */
  size?: number;
}

export interface ReceivedView {
  from?: string;
  subject: string;
  bodyText: string;
  bodyLinks: string[];
  attachments: ReadAttachment[];
  /**
   * The whole received message (RFC 822) at the webmail's own origin, for products whose read
   * view carries no link per attachment (Zimbra Modern builds them on click): its attachments
   * are then read from it.
   */
  rawMessageUrl?: string;
}

export interface ReadHandle {
  readonly root: HTMLElement;
  readMessage(): ReceivedView;
  /** Where the bar goes: a host inside the message view, above the body. */
  bannerHost(): HTMLElement;
}

export interface OfficialAdapter {
  readonly product: OfficialProduct;
  watchComposes(doc: Document, signal: AbortSignal, onCompose: (c: ComposeHandle) => void, onClosed: (c: ComposeHandle) => void): void;
  watchReads(doc: Document, signal: AbortSignal, onRead: (r: ReadHandle) => void, onClosed: (r: ReadHandle) => void): void;
}
