// pdfjs-dist ships no types for its worker module; importing it only sets globalThis.pdfjsWorker.
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
// Its minified build is the same code as pdf.mjs, whose types it has.
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist/legacy/build/pdf.mjs';
}
