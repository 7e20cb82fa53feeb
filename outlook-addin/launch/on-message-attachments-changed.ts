import { composeCheck } from './compose-check';
import type { LaunchContext } from './context';

/**
 * LaunchEvent OnMessageAttachmentsChanged: the heavy reading. Each new file's content is read
 * (getAttachmentContentAsync), extracted and checked by the core, and cached by attachment id
 * for send; the info bars name the file and what was found in it.
 */
export const makeOnMessageAttachmentsChanged = (ctx: LaunchContext) => composeCheck(ctx, { read: true, boundMs: ctx.bounds.scanMs });
