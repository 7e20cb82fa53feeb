// Contract for legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows). To be implemented.
import type { LegacyRun } from '../types';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** The legacy encoding a document font implies (.VnTime → tcvn3; .VnTimeH → tcvn3 capitals; VNI-Times → vni). */
export function fontEncoding(_fontName: string): { encoding: LegacyEncoding; capitals: boolean } | undefined {
  throw new Error('not implemented');
}

/** Convert a run known to be in a legacy encoding (e.g. from its font) to NFC Unicode. */
export function decodeLegacy(_text: string, _encoding: LegacyEncoding, _opts?: { capitals?: boolean }): string {
  throw new Error('not implemented');
}

/** Find legacy-encoded runs in mixed text (as it looks when such bytes were read as Latin-1/Windows-1252) and convert them. Unicode text comes back unchanged. */
export function convertLegacyText(_text: string): { text: string; runs: LegacyRun[] } {
  throw new Error('not implemented');
}
