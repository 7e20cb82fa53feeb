import { expect } from 'vitest';
import { ExtractError } from './limits';

/** Settles `run` and says how: 'ok' or the ExtractError's code (anything else fails the test). */
export async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return (err as ExtractError).code;
  }
}
