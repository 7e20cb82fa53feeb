import { composeCheck } from './compose-check';
import type { LaunchContext } from './context';

/** LaunchEvent OnMessageRecipientsChanged: cheap reads and cached attachment findings only. */
export const makeOnMessageRecipientsChanged = (ctx: LaunchContext) => composeCheck(ctx, { read: false, boundMs: ctx.bounds.composeMs });
