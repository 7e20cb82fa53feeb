// Info bars on the item (notificationMessages). At most five per item, message ≤ 150 chars.
import { officeCall } from './call';
import type { ComposeItem } from './compose';

/** Office's cap on a notification's text. */
export const NOTIFICATION_MAX_CHARS = 150;

/**
 * The icon resource id an InformationalMessage needs; manifest.xml must declare an
 * `<bt:Image id="…">` with this id (classic Outlook rejects an InformationalMessage without one).
 */
export const INFO_ICON_ID = 'Icon.16x16';

export type NotificationKind = 'info' | 'error';

function clip(text: string): string {
  return text.length <= NOTIFICATION_MAX_CHARS ? text : `${text.slice(0, NOTIFICATION_MAX_CHARS - 1)}…`;
}

/** Show (or replace) the info bar under `key`. */
export function showNotification(item: ComposeItem, key: string, message: string, kind: NotificationKind, timeoutMs: number): Promise<void> {
  const types = Office.MailboxEnums.ItemNotificationMessageType;
  const details: Office.NotificationMessageDetails =
    kind === 'info'
      ? { type: types.InformationalMessage, message: clip(message), icon: INFO_ICON_ID, persistent: false }
      : { type: types.ErrorMessage, message: clip(message) };
  return officeCall<void>(`notificationMessages.replaceAsync(${key})`, timeoutMs, (cb) => item.notificationMessages.replaceAsync(key, details, cb));
}

/** Remove the info bar under `key`; a key that is not shown is not an error. */
export function removeNotification(item: ComposeItem, key: string, timeoutMs: number): Promise<void> {
  return officeCall<void>(`notificationMessages.removeAsync(${key})`, timeoutMs, (cb) => item.notificationMessages.removeAsync(key, cb)).catch(() => undefined);
}
