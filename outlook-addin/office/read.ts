// The received message open in read mode: its headers and attachment list (Mailbox 1.1,
// synchronous properties), its body and attachment content (asynchronous, with timeouts), and
// its info bars. The asynchronous calls share the compose wrappers: Office gives both modes the
// same methods (body.getAsync, getAttachmentContentAsync, notificationMessages).
import { readAttachmentContent, readBodyText, type AttachmentBytes, type AttachmentInfo, type ComposeItem } from './compose';
import { officeCall } from './call';
import { INFO_ICON_ID, NOTIFICATION_MAX_CHARS, removeNotification } from './notifications';
import { supportsMailbox } from './requirements';

export type ReadItem = Office.MessageRead;

/** The message being read, or undefined outside read mode. */
export function readModeItem(): ReadItem | undefined {
  if (typeof Office === 'undefined') return undefined;
  const item = Office.context?.mailbox?.item as ReadItem | undefined;
  // A compose item's subject is an object with getAsync; a read item's is a string.
  return item && typeof (item as { subject?: unknown }).subject !== 'object' ? item : undefined;
}

const asCompose = (item: ReadItem) => item as unknown as ComposeItem;

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((r: { emailAddress?: unknown }) => r?.emailAddress).filter((a): a is string => typeof a === 'string' && a.length > 0);
}

export interface ReadHeaders {
  from?: string;
  /** Who sent it on the sender's behalf (a delegate), when Outlook says. */
  sender?: string;
  to: string[];
  cc: string[];
  subject: string;
}

export function readModeHeaders(item: ReadItem): ReadHeaders {
  const from = (item.from as Office.EmailAddressDetails | undefined)?.emailAddress;
  const sender = (item.sender as Office.EmailAddressDetails | undefined)?.emailAddress;
  const subject = (item as { subject?: unknown }).subject;
  return { from: from || undefined, sender: sender || undefined, to: addresses(item.to), cc: addresses(item.cc), subject: typeof subject === 'string' ? subject : '' };
}

/** The message's attachments (Mailbox 1.1). */
export function readModeAttachments(item: ReadItem): AttachmentInfo[] {
  const list = (item as { attachments?: Office.AttachmentDetails[] }).attachments;
  if (!Array.isArray(list)) return [];
  return list.map((a) => ({
    id: a.id,
    name: a.name ?? '',
    size: typeof a.size === 'number' ? a.size : 0,
    kind: String(a.attachmentType ?? 'file').toLowerCase(),
    isInline: a.isInline === true,
    contentType: a.contentType,
  }));
}

/** Whether attachment content can be read here (getAttachmentContentAsync, Mailbox 1.8). */
export function canReadAttachmentContent(item: ReadItem): boolean {
  return supportsMailbox('1.8') && typeof (item as { getAttachmentContentAsync?: unknown }).getAttachmentContentAsync === 'function';
}

export function readModeAttachmentContent(item: ReadItem, id: string, timeoutMs: number): Promise<AttachmentBytes> {
  return readAttachmentContent(asCompose(item), id, timeoutMs);
}

export function readModeBodyText(item: ReadItem, timeoutMs: number): Promise<string> {
  return readBodyText(asCompose(item), timeoutMs);
}

/**
 * An info bar that stays with the message (persistent: the bar remains when the user moves to
 * another message and back, until the add-in removes it or the user dismisses it).
 */
export function showPersistentReadInfo(item: ReadItem, key: string, message: string, timeoutMs: number): Promise<void> {
  const text = message.length <= NOTIFICATION_MAX_CHARS ? message : `${message.slice(0, NOTIFICATION_MAX_CHARS - 1)}…`;
  const details: Office.NotificationMessageDetails = { type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: text, icon: INFO_ICON_ID, persistent: true };
  return officeCall<void>(`notificationMessages.replaceAsync(${key})`, timeoutMs, (cb) => item.notificationMessages.replaceAsync(key, details, cb));
}

export function removeReadNotification(item: ReadItem, key: string, timeoutMs: number): Promise<void> {
  return removeNotification(asCompose(item), key, timeoutMs);
}
