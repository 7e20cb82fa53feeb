// Contract for document text extraction. To be implemented.
import type { ExtractedDocument } from '../types';

export type ExtractErrorCode = 'too-large' | 'zip-bomb' | 'corrupt' | 'encrypted' | 'unsupported' | 'timeout' | 'too-deep';

export class ExtractError extends Error {
  constructor(readonly code: ExtractErrorCode, message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}

export interface ExtractLimits {
  /** Largest input accepted, in bytes. */
  maxInputBytes: number;
  /** Most bytes all decompressed entries may add up to (zip bombs). */
  maxExpandedBytes: number;
  /** Most characters of text kept; past that the document is marked truncated. */
  maxTextChars: number;
  /** Wall-clock budget in milliseconds, checked between steps. */
  timeoutMs: number;
  /** How deep nested parts (e-mail in e-mail) are followed. */
  maxDepth: number;
}

export async function extractDocument(_name: string, _bytes: Uint8Array, _limits?: Partial<ExtractLimits>): Promise<ExtractedDocument> {
  throw new Error('not implemented');
}
