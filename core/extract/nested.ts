// One attachment read as a nested part, the same way wherever it was found (an e-mail's
// attachment, a file embedded in a PDF): bounded by maxDepth and by the shared budget, and
// listed with the reason when it cannot be read, so that it is never taken for clean.
import type { ExtractedDocument, ExtractedPart } from '../types';
import { ExtractError, type Budget } from './limits';

export type ExtractNested = (name: string, bytes: Uint8Array, budget: Budget) => Promise<ExtractedDocument>;

/**
 * Media and signatures without text of their own: listed without an error when no extractor
 * takes them (a signed official letter carries smime.p7s; that is not an unread document).
 */
const NO_TEXT_OF_THEIR_OWN = /^(image|audio|video)\/|^application\/(x-)?pkcs7-signature$|^application\/pgp-signature$/i;

/** Reads `data` as the part `name` into `parts`; only the whole document's deadline is thrown on. */
export async function readNested(
  name: string,
  data: Uint8Array,
  contentType: string | undefined,
  budget: Budget,
  parts: ExtractedPart[],
  nested: ExtractNested,
  readAs = name,
): Promise<void> {
  budget.checkTime();
  const part: ExtractedPart = { name, size: data.byteLength, ...(contentType ? { contentType } : {}) };
  parts.push(part);
  if (budget.depth + 1 > budget.limits.maxDepth) {
    part.error = `Not read: nested deeper than ${budget.limits.maxDepth} levels.`;
    part.failure = { code: 'too-deep', depth: budget.limits.maxDepth };
    return;
  }
  try {
    part.document = await nested(readAs, data, budget.nested());
  } catch (err) {
    if (err instanceof ExtractError && err.code === 'unsupported' && contentType && NO_TEXT_OF_THEIR_OWN.test(contentType)) return;
    // The whole document's deadline has passed: the document itself cannot be finished.
    if (err instanceof ExtractError && err.code === 'timeout') throw err;
    part.error = err instanceof Error ? err.message : 'The attachment could not be read.';
    part.failure =
      err instanceof ExtractError ? { code: err.code, ...(err.reason ? { reason: err.reason } : {}), ...(err.format ? { format: err.format } : {}) } : { code: 'corrupt' };
  }
}
