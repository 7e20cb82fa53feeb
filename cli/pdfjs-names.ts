// pdfjs's modules as the build makes scripts of them (pdfjs-build.ts) and the CLI loads them
// (pdfjs-cached.ts); apart, so that loading them never loads the build's own imports.

/** The order they load in: the worker module first (it sets globalThis.pdfjsWorker). */
export const PDFJS_MODULES = ['pdf.worker.min', 'pdf.min'] as const;

/** The module a script is made from, as a package path. */
export const pdfjsModule = (name: (typeof PDFJS_MODULES)[number]) => `pdfjs-dist/legacy/build/${name}.mjs`;
