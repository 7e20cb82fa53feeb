// Stands in for pdfjs-dist in reader-worker.js (extension/build.ts): the core imports pdfjs
// only when it reads a PDF, and here that import loads pdf-reader.js into the Worker then.
import type { getDocument as GetDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const PDF_READER_FILE = 'pdf-reader.js';

const scope = globalThis as unknown as { congvuPdfjs?: { getDocument: typeof GetDocument }; importScripts(...urls: string[]): void };

export const getDocument: typeof GetDocument = (...args) => {
  if (!scope.congvuPdfjs) scope.importScripts(PDF_READER_FILE);
  if (!scope.congvuPdfjs) throw new Error(`${PDF_READER_FILE} did not load pdfjs`);
  return scope.congvuPdfjs.getDocument(...args);
};
