// PDF through pdfjs-dist's legacy build: text per page and link annotations. Nothing is rendered,
// so no canvas, fonts or eval are needed.
//
// pdfjs normally runs its parser in a Web Worker loaded from GlobalWorkerOptions.workerSrc. Here
// the worker module is imported into the same thread instead: it sets globalThis.pdfjsWorker,
// and getDocument() then uses that "fake worker" with no file URL to configure. This works the
// same in Node, vitest, a page, a worker and the Office runtime. The cost is that parsing shares
// the caller's thread: the deadline is checked between pages, each host runs extraction on a
// thread it can stop (the scanner's worker threads, the extension's Worker), and flate streams
// are bounded before pdfjs sees them (pdf-streams.ts), since pdfjs inflates each one whole.
import type { Budget, TextSink } from './limits';
import { ExtractError, withDeadline } from './limits';
import { boundFlateStreams } from './pdf-streams';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<Pdfjs> | undefined;

function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}

interface Item {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

export async function extractPdf(bytes: Uint8Array, sink: TextSink, budget: Budget): Promise<void> {
  boundFlateStreams(bytes, budget);
  const pdfjs = await loadPdfjs();
  budget.checkTime();
  const task = pdfjs.getDocument({
    // pdfjs transfers the buffer it is given; a copy leaves the caller's bytes intact.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    // Recover from damaged objects (the default) so a partly broken PDF still gives its text.
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await withDeadline(task.promise, budget);
    sink.pages = doc.numPages;
    for (let n = 1; n <= doc.numPages; n++) {
      budget.checkTime();
      if (sink.full) break;
      const page = await withDeadline(doc.getPage(n), budget);
      const content = await withDeadline(page.getTextContent(), budget);
      let prev: Item | undefined;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as Item;
        if (prev && !prev.hasEOL && item.str) {
          const sameLine = Math.abs((item.transform[5] ?? 0) - (prev.transform[5] ?? 0)) < Math.max(1, (item.height || 10) / 2);
          const gap = (item.transform[4] ?? 0) - ((prev.transform[4] ?? 0) + prev.width);
          if (!sameLine) sink.newline();
          else if (gap > (item.height || 10) * 0.15) sink.space();
        }
        sink.write(item.str);
        if (item.hasEOL) sink.write('\n');
        prev = item;
      }
      sink.newline();
      const annotations = (await withDeadline(page.getAnnotations({ intent: 'display' }), budget)) as { subtype?: string; url?: string; unsafeUrl?: string }[];
      for (const a of annotations) if (a.subtype === 'Link') sink.link(a.url ?? a.unsafeUrl);
      page.cleanup();
    }
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') throw new ExtractError('encrypted', 'The PDF is password-protected.');
    if (name === 'InvalidPDFException') throw new ExtractError('corrupt', 'The PDF is damaged or not a PDF.');
    if (sink.empty) throw new ExtractError('corrupt', `The PDF could not be read (${err instanceof Error ? err.message : 'unknown error'}).`);
    sink.damaged = true;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
