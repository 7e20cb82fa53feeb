// Promise wrappers over the compose item's reads. Each takes a timeout (see call.ts) and
// checks its requirement set first, so an older host gets an `unsupported` OfficeCallError
// the caller can degrade on, not a TypeError.
import { OfficeCallError, officeCall } from './call';
import { supportsMailbox } from './requirements';

export type RecipientField = 'to' | 'cc' | 'bcc';
export const RECIPIENT_FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

export type ComposeItem = Office.MessageCompose;

/** The compose item being written, or undefined outside compose mode. */
export function composeItem(): ComposeItem | undefined {
  if (typeof Office === 'undefined') return undefined;
  return (Office.context?.mailbox?.item ?? undefined) as ComposeItem | undefined;
}

/** The signed-in mailbox's own address (Mailbox 1.1, synchronous). */
export function userAddress(): string | undefined {
  try {
    return Office.context.mailbox.userProfile.emailAddress || undefined;
  } catch {
    return undefined;
  }
}

/** One recipient field's addresses. A field the item lacks (bcc on some hosts) reads as empty. */
export async function readRecipientField(item: ComposeItem, field: RecipientField, timeoutMs: number): Promise<string[]> {
  const recipients = item[field] as Office.Recipients | undefined;
  if (!recipients || typeof recipients.getAsync !== 'function') return [];
  const list = await officeCall<Office.EmailAddressDetails[]>(`item.${field}.getAsync`, timeoutMs, (cb) => recipients.getAsync(cb));
  return (list ?? []).map((r) => r.emailAddress).filter((a): a is string => typeof a === 'string' && a.length > 0);
}

/** to, cc and bcc, read in parallel through the one helper above. */
export async function readRecipients(item: ComposeItem, timeoutMs: number): Promise<Record<RecipientField, string[]>> {
  const lists = await Promise.all(RECIPIENT_FIELDS.map((field) => readRecipientField(item, field, timeoutMs)));
  return { to: lists[0] ?? [], cc: lists[1] ?? [], bcc: lists[2] ?? [] };
}

export function readSubject(item: ComposeItem, timeoutMs: number): Promise<string> {
  return officeCall<string>('item.subject.getAsync', timeoutMs, (cb) => item.subject.getAsync(cb)).then((s) => s ?? '');
}

export function readBodyText(item: ComposeItem, timeoutMs: number): Promise<string> {
  return officeCall<string>('item.body.getAsync', timeoutMs, (cb) => item.body.getAsync(Office.CoercionType.Text, cb)).then((s) => s ?? '');
}

export interface AttachmentInfo {
  id: string;
  name: string;
  size: number;
  /** 'file', 'item' (an attached e-mail) or 'cloud' (a link, no bytes). */
  kind: string;
  isInline: boolean;
  contentType?: string;
}

/** The draft's attachments (Mailbox 1.8). */
export async function listAttachments(item: ComposeItem, timeoutMs: number): Promise<AttachmentInfo[]> {
  if (!supportsMailbox('1.8') || typeof item.getAttachmentsAsync !== 'function') {
    throw new OfficeCallError('item.getAttachmentsAsync', 'unsupported', 'Mailbox 1.8 is not available');
  }
  const list = await officeCall<Office.AttachmentDetailsCompose[]>('item.getAttachmentsAsync', timeoutMs, (cb) => item.getAttachmentsAsync(cb));
  return (list ?? []).map((a) => ({
    id: a.id,
    name: a.name ?? '',
    size: typeof a.size === 'number' ? a.size : 0,
    kind: String(a.attachmentType ?? 'file').toLowerCase(),
    isInline: a.isInline === true,
    contentType: (a as { contentType?: string }).contentType,
  }));
}

export interface AttachmentBytes {
  /** 'base64' for files, 'eml' for attached items, 'url' for cloud links, 'icalendar'. */
  format: string;
  content: string;
}

/** One attachment's content (Mailbox 1.8): Base64 for files, Eml text for item attachments. */
export async function readAttachmentContent(item: ComposeItem, id: string, timeoutMs: number): Promise<AttachmentBytes> {
  if (!supportsMailbox('1.8') || typeof item.getAttachmentContentAsync !== 'function') {
    throw new OfficeCallError('item.getAttachmentContentAsync', 'unsupported', 'Mailbox 1.8 is not available');
  }
  const content = await officeCall<Office.AttachmentContent>('item.getAttachmentContentAsync', timeoutMs, (cb) => item.getAttachmentContentAsync(id, cb));
  return { format: String(content?.format ?? '').toLowerCase(), content: content?.content ?? '' };
}
