import type { LaunchContext } from './context';
import { sendCheck } from './send-check';

/**
 * Legacy on-send event (Mailbox 1.8; Outlook on the web on Exchange on-premises). No
 * attachments-changed event runs there, so attachments are read here within the bound.
 * `event.completed({ allowEvent })` plus a notification bar that explains a stop.
 */
export const makeOnItemSend = (ctx: LaunchContext) => sendCheck(ctx, 'item-send');
