// The work shared by the three compose events: read the draft, run the core, show info bars.
// They complete with no options (Outlook ignores allowEvent outside send) on every path.
import { composeItem } from '../office/compose';
import { runGuarded, type CompletableEvent } from './complete-once';
import type { LaunchContext } from './context';
import { readDraft } from './draft';
import { syncInfoBars } from './info-bars';

export interface ComposeCheckOptions {
  /** Read attachment content now (attachments changed, new compose) or use only cached reads. */
  read: boolean;
  boundMs: number;
}

export function composeCheck(ctx: LaunchContext, opts: ComposeCheckOptions) {
  return (event: CompletableEvent<never>): Promise<void> =>
    runGuarded(event, opts.boundMs, () => undefined, async (guard) => {
      const item = composeItem();
      if (!item) return undefined;
      const hosted = await ctx.loadPolicy();
      const { policy } = hosted;
      const budgetMs = Math.max(0, guard.remainingMs() - ctx.bounds.marginMs - ctx.bounds.callMs);
      const draft = await readDraft(item, policy, ctx, { read: opts.read, budgetMs });
      if (guard.done) return undefined;
      await syncInfoBars(item, draft.findings, { hosted, records: draft.attachments.records, lang: policy.language, callMs: Math.min(ctx.bounds.callMs, guard.remainingMs()) });
      return undefined;
    });
}
