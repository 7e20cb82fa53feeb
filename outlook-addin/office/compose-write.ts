// Writes to the compose item, for the task pane's one-click Unicode conversion: the body as
// HTML (or text) and the subject. Like the reads in compose.ts, each call has a timeout and a
// host without the API (body.getAsync/setAsync need Mailbox 1.3) gets an `unsupported`
// OfficeCallError, not a TypeError.
import { OfficeCallError, officeCall } from './call';
import type { ComposeItem } from './compose';

export type BodyFormat = 'html' | 'text';

function coercion(format: BodyFormat): Office.CoercionType {
  return format === 'html' ? Office.CoercionType.Html : Office.CoercionType.Text;
}

function bodyOf(item: ComposeItem, method: 'getAsync' | 'setAsync'): Office.Body {
  const body = item.body as Office.Body | undefined;
  if (!body || typeof body[method] !== 'function') throw new OfficeCallError(`item.body.${method}`, 'unsupported', 'Mailbox 1.3 is not available');
  return body;
}

/** The draft's body as HTML (Mailbox 1.3). */
export async function readBodyHtml(item: ComposeItem, timeoutMs: number): Promise<string> {
  const body = bodyOf(item, 'getAsync');
  const html = await officeCall<string>('item.body.getAsync(html)', timeoutMs, (cb) => body.getAsync(Office.CoercionType.Html, cb));
  return html ?? '';
}

/** Replace the whole body (Mailbox 1.3). */
export async function writeBody(item: ComposeItem, content: string, format: BodyFormat, timeoutMs: number): Promise<void> {
  const body = bodyOf(item, 'setAsync');
  await officeCall<void>(`item.body.setAsync(${format})`, timeoutMs, (cb) => body.setAsync(content, { coercionType: coercion(format) }, cb));
}

/** Replace the subject (Mailbox 1.1; at most 255 characters). */
export async function writeSubject(item: ComposeItem, subject: string, timeoutMs: number): Promise<void> {
  const field = item.subject as Office.Subject | undefined;
  if (!field || typeof field.setAsync !== 'function') throw new OfficeCallError('item.subject.setAsync', 'unsupported', 'not a compose item');
  await officeCall<void>('item.subject.setAsync', timeoutMs, (cb) => field.setAsync(subject, cb));
}
