import type { LaunchContext } from './context';
import { sendCheck } from './send-check';

/**
 * LaunchEvent OnMessageSend (Smart Alerts): decide from cached reads plus cheap reads, within
 * DEFAULT_BOUNDS.sendMs. Stops with errorMessage for block findings, prompts for warn findings
 * (PromptUser on Mailbox 1.14, else stop once and let the next Send through), allows with an
 * info bar for nudges. On failure or timeout: see send-decision.ts.
 */
export const makeOnMessageSend = (ctx: LaunchContext) => sendCheck(ctx, 'smart-alerts');
