import { composeCheck } from './compose-check';
import type { LaunchContext } from './context';

/**
 * LaunchEvent OnNewMessageCompose: check the new draft (a reply's recipients, a forward's
 * attachments, which are read here as attachments-changed does not fire for them) and show info bars.
 */
export const makeOnNewMessageCompose = (ctx: LaunchContext) => composeCheck(ctx, { read: true, boundMs: ctx.bounds.scanMs });
