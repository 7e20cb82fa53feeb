// pdf-reader.js: pdfjs on its own, loaded into the reading Worker by importScripts() only when
// a PDF arrives (reader/pdfjs-loader.ts), so the Worker that reads a docx starts without
// compiling 1.7 MB of PDF code (issue 11). The worker module first: it sets the
// globalThis.pdfjsWorker that getDocument() then uses in this same thread (core/extract/pdf.ts).
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

(globalThis as unknown as { congvuPdfjs?: { getDocument: typeof getDocument } }).congvuPdfjs = { getDocument };
