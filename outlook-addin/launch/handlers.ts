// The launch handlers by the names Outlook calls them (handler-names.ts).
import { HANDLERS } from '../handler-names';
import { makeContext, type LaunchDeps } from './context';
import { makeOnItemSend } from './on-item-send';
import { makeOnMessageAttachmentsChanged } from './on-message-attachments-changed';
import { makeOnMessageRecipientsChanged } from './on-message-recipients-changed';
import { makeOnMessageSend } from './on-message-send';
import { makeOnNewMessageCompose } from './on-new-message-compose';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Office passes its own event types
export type LaunchHandler = (event: any) => Promise<void>;

export const LAUNCH_HANDLER_NAMES = [HANDLERS.newMessageCompose, HANDLERS.recipientsChanged, HANDLERS.attachmentsChanged, HANDLERS.messageSend, HANDLERS.itemSend] as const;
export type LaunchHandlerName = (typeof LAUNCH_HANDLER_NAMES)[number];

export function makeHandlers(deps: LaunchDeps = {}): Record<LaunchHandlerName, LaunchHandler> {
  const ctx = makeContext(deps);
  return {
    [HANDLERS.newMessageCompose]: makeOnNewMessageCompose(ctx),
    [HANDLERS.recipientsChanged]: makeOnMessageRecipientsChanged(ctx),
    [HANDLERS.attachmentsChanged]: makeOnMessageAttachmentsChanged(ctx),
    [HANDLERS.messageSend]: makeOnMessageSend(ctx),
    [HANDLERS.itemSend]: makeOnItemSend(ctx),
  };
}
