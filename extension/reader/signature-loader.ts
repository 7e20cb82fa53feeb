// Stands in for core/signatures/{pdf,xml-package} in reader-worker.js (extension/build.ts): the
// core imports a verifier only when a file carries a signature, and here that import loads
// signature-reader.js (pkijs, xmldsigjs and their kin, ~1 MB) into the Worker then (issue 11).
import type { readPackageSignatures as ReadPackage } from '../../core/signatures/xml-package';
import type { readPdfSignatures as ReadPdf } from '../../core/signatures/pdf';

export const SIGNATURE_READER_FILE = 'signature-reader.js';

interface Verifiers {
  readPdfSignatures: typeof ReadPdf;
  readPackageSignatures: typeof ReadPackage;
}
const scope = globalThis as unknown as { congvuSignatures?: Verifiers; importScripts(...urls: string[]): void };

function verifiers(): Verifiers {
  if (!scope.congvuSignatures) scope.importScripts(SIGNATURE_READER_FILE);
  if (!scope.congvuSignatures) throw new Error(`${SIGNATURE_READER_FILE} did not load the signature verifiers`);
  return scope.congvuSignatures;
}

export const readPdfSignatures: typeof ReadPdf = (...args) => verifiers().readPdfSignatures(...args);
export const readPackageSignatures: typeof ReadPackage = (...args) => verifiers().readPackageSignatures(...args);
