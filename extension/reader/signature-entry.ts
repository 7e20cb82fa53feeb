// signature-reader.js: the signature verifiers on their own, loaded into the reading Worker by
// importScripts() only when a file carries a signature (reader/signature-loader.ts).
import { readPackageSignatures } from '../../core/signatures/xml-package';
import { readPdfSignatures } from '../../core/signatures/pdf';

(globalThis as unknown as { congvuSignatures?: object }).congvuSignatures = { readPdfSignatures, readPackageSignatures };
