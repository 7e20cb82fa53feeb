// PDF through pdfjs-dist's legacy build: text per page and link annotations. Nothing is rendered,
// so no canvas, fonts or eval are needed. Its minified files, the same code: where pdfjs is
// not bundled (Node), the engine keeps each module's source text in the heap for as long as
// the process lives: the readable files cost 2–6 MB more of peak memory on a large PDF.
//
// pdfjs normally runs its parser in a Web Worker loaded from GlobalWorkerOptions.workerSrc. Here
// the worker module is imported into the same thread instead: it sets globalThis.pdfjsWorker,
// and getDocument() then uses that "fake worker" with no file URL to configure. This works the
// same in Node, vitest, a page, a worker and the Office runtime. The cost is that parsing shares
// the caller's thread: the deadline is checked between pages, each host runs extraction on a
// thread it can stop (the scanner's worker threads, the extension's Worker), and flate streams
// are bounded before pdfjs sees them (pdf-streams.ts), since pdfjs inflates each one whole.
//
// Files embedded in the PDF (its attachments, file-attachment annotations) are read as parts,
// each through the same reader as an e-mail's attachments.
import { zlibSync } from 'fflate';
import type { ExtractedPart } from '../types';
import type { ExtractNested } from './eml';
import type { Budget, TextSink } from './limits';
import { ExtractError, withDeadline } from './limits';
import { boundFlateStreams, boundLockedStreams, inflateEmbeddedFile, letGo, type EmbeddedStream, type LockedStream, type SealedFile } from './pdf-streams';
import { readNested } from './nested';
import { inflatedUpdate, type InflatedStream } from './pdf-update';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<Pdfjs> | undefined;

/** Where pdfjs comes from: its modules, unless a host has a faster way to the same code. */
let pdfjsSource = async (): Promise<Pdfjs> => {
  await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
  return import('pdfjs-dist/legacy/build/pdf.min.mjs');
};

/**
 * The CLI's pdfjs, from scripts compiled out of the engine's code cache (cli/pdfjs-cached.ts);
 * `load` gives undefined when it has none, and the modules are imported. Set before any PDF is read.
 */
export function usePdfjsSource(load: () => Pdfjs | undefined): void {
  const modules = pdfjsSource;
  pdfjsSource = async () => load() ?? modules();
}

// pdfjs's legacy build carries core-js, which replaces Array.prototype.push and JSON's parse and
// stringify with script versions for edge cases no reader meets (arrays past 2^32 elements,
// JSON.rawJSON). Every push in the process, the sink's and the XML parser's included, then ran
// as script: a fifth of a large PDF's reading time. The engine's own are put back once pdfjs
// has loaded; they were taken before it loaded, as this module is evaluated first.
const natives = [
  [Array.prototype, 'push', Object.getOwnPropertyDescriptor(Array.prototype, 'push')],
  [JSON, 'parse', Object.getOwnPropertyDescriptor(JSON, 'parse')],
  [JSON, 'stringify', Object.getOwnPropertyDescriptor(JSON, 'stringify')],
] as const;

function restoreNatives(): void {
  for (const [owner, key, descriptor] of natives) if (descriptor && Object.getOwnPropertyDescriptor(owner, key)?.value !== descriptor.value) Object.defineProperty(owner, key, descriptor);
}

export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    try {
      return await pdfjsSource();
    } finally {
      restoreNatives();
    }
  })();
  return pdfjsLoading;
}

/** A file found inside the PDF, with the name its file specification gives; `stream` when the guard inflated it. */
interface EmbeddedFile {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
  stream?: number;
}

/** What pdfjs gives for a file specification (getAttachments(), a FileAttachment annotation's `file`). */
interface PdfjsFile {
  filename?: string;
  content?: Uint8Array | null;
}

/**
 * The copy of the PDF pdfjs reads: each embedded file the bomb guard already inflated has its
 * whole object replaced, in place, by a tiny flate stream holding a token, padded with NUL
 * (whitespace in PDF) to the same length, so every offset stays true. pdfjs then hands back the token with the
 * file's name, and the bytes come from the guard. Left to pdfjs, a 16 MB file was inflated a
 * second time by its slower inflater, into a buffer sized by /Length, which its message port
 * then cloned whole. Gives back which streams were replaced (one too small to hold the token
 * is left as it is, and pdfjs reads it). The /Filter entry of each sealed file (an encrypted
 * PDF's) is blanked, so that pdfjs decrypts it without inflating it. `appended` (an update
 * holding the streams the guard inflated, pdf-update.ts) goes after the file's own bytes.
 */
export function copyForPdfjs(
  bytes: Uint8Array,
  streams: readonly EmbeddedStream[],
  token: (k: number) => string,
  sealed: readonly SealedFile[] = [],
  appended: readonly Uint8Array[] = [],
): { copy: Uint8Array; replaced: Set<number> } {
  const replaced = new Set<number>();
  const stands: { k: number; at: number; end: number; parts: Uint8Array[] }[] = [];
  streams.forEach((s, k) => {
    const stand = zlibSync(new TextEncoder().encode(token(k)));
    const head = new TextEncoder().encode(`${s.objectId} obj\n<< /Length ${stand.length} /Filter /FlateDecode >>\nstream\n`);
    const tail = new TextEncoder().encode('\nendstream');
    if (head.length + stand.length + tail.length > s.objectEnd - s.objectStart) return;
    stands.push({ k, at: s.objectStart, end: s.objectEnd, parts: [head, stand, tail] });
    replaced.add(k);
  });
  // The new array comes zeroed, and NUL is whitespace in PDF: the replaced objects' padding is
  // left as it came, so the embedded files' megabytes are neither copied nor even touched.
  const copy = new Uint8Array(appended.reduce((n, p) => n + p.length, bytes.length));
  let from = 0;
  for (const { k, at, end, parts } of stands.sort((a, b) => a.at - b.at)) {
    if (at < from) {
      replaced.delete(k);
      continue;
    }
    copy.set(bytes.subarray(from, at), from);
    let put = at;
    for (const p of parts) {
      copy.set(p, put);
      put += p.length;
    }
    from = end;
  }
  copy.set(bytes.subarray(from), from);
  for (const { filter } of sealed) copy.fill(0x20, filter.start, filter.end);
  let put = bytes.length;
  for (const p of appended) {
    copy.set(p, put);
    put += p.length;
  }
  return { copy, replaced };
}

/**
 * Which sealed file `content` is the decrypted data of, by its length: the same as the encrypted
 * data's (RC4) or up to 32 bytes less (AES's IV and padding), and the data as scanned may also
 * hold the end of line before `endstream`; -1 for none.
 */
function sealedFileOf(content: Uint8Array, sealed: readonly SealedFile[]): number {
  return sealed.findIndex((s) => content.length <= s.dataLength && content.length >= s.dataLength - 34);
}

const isZlibHead = (b: Uint8Array) => b.length > 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

interface Item {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

export async function extractPdf(bytes: Uint8Array, sink: TextSink, budget: Budget, parts: ExtractedPart[], nested: ExtractNested): Promise<void> {
  const sealed: SealedFile[] = [];
  const inflated: InflatedStream[] = [];
  const locked: LockedStream[] = [];
  const streams = boundFlateStreams(bytes, budget, sealed, inflated, locked);
  // The flate streams of an encrypted PDF: pdfjs would decrypt them and inflate each one whole,
  // so they are held to the caps first, decrypted here.
  // (The decrypter and its MD5 library are loaded only for such a file.)
  if (locked.length > 0) {
    const { openWithEmptyPassword } = await import('./pdf-decrypt');
    const lock = await openWithEmptyPassword(bytes);
    await boundLockedStreams(locked, budget, (id, data) => lock.decrypt(id, data));
    locked.length = 0;
  }
  const nonce = Math.random().toString(36).slice(2, 10);
  const token = (k: number) => `cvg ${k} ${nonce}`;
  const { copy, replaced } = copyForPdfjs(bytes, streams, token, sealed, inflatedUpdate(bytes, inflated));
  inflated.length = 0;
  /** The zlib data pdfjs gave for each sealed file read, so that a second mention is known. */
  const unsealed: Uint8Array[] = [];
  const tokens = new Map([...replaced].map((k) => [token(k), k]));
  const files: EmbeddedFile[] = [];
  const taken = new Set<number>();
  /** The guard's stream whose stand-in pdfjs gave as a file's content. */
  const streamOf = (content: Uint8Array) => (content.length < 80 ? tokens.get(new TextDecoder().decode(content)) : undefined);
  const addFile = (f: PdfjsFile | undefined) => {
    if (!f?.content) return;
    const k = streamOf(f.content);
    const name = f.filename || `embedded-${files.length + 1}`;
    if (k !== undefined) {
      if (taken.has(k)) return;
      taken.add(k);
      files.push({ name, bytes: streams[k]!.bytes, contentType: streams[k]!.contentType, stream: k });
      return;
    }
    const s = sealed.length > 0 ? sealedFileOf(f.content, sealed) : -1;
    if (s >= 0) {
      if (unsealed.some((raw) => sameBytes(raw, f.content!))) return;
      unsealed.push(f.content);
      const { contentType, declared } = sealed[s]!;
      // Held to the same caps as an embedded file of an unencrypted PDF, with the same error.
      const inflated = isZlibHead(f.content) ? inflateEmbeddedFile(f.content, budget, declared) : undefined;
      if (inflated) files.push({ name, bytes: inflated, contentType });
      else parts.push({ name, size: f.content.length, ...(contentType ? { contentType } : {}), error: 'The embedded file is damaged.', failure: { code: 'corrupt' } });
    } else if (!files.some((g) => g.name === name && sameBytes(bytesOf(g), f.content!))) files.push({ name, bytes: f.content });
  };
  /** A file's bytes, inflated again from the guard's stream when they were let go of. */
  const bytesOf = ({ bytes, stream }: EmbeddedFile) => (stream !== undefined && bytes.length === 0 ? streams[stream]!.inflate() : bytes);
  /** The files read before the pages (see below): the guard's stream, the name read under, the part. */
  const early: { stream: number; name: string; part: ExtractedPart }[] = [];
  const pdfjs = await loadPdfjs();
  budget.checkTime();
  const task = pdfjs.getDocument({
    // pdfjs transfers the buffer it is given; a copy leaves the caller's bytes intact.
    data: copy,
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
    // The files the attachment list names, in its order, up to the first the guard did not inflate,
    // are read before the pages, each let go of at once: held to the end, a 19 MB attachment
    // stayed resident through 400 pages while pdfjs's heap grew (peak RSS ~205 → ~188 MB).
    // A list pdfjs cannot read is met after the pages, as before.
    const listed = tokens.size > 0 ? ((await withDeadline(doc.getAttachments().catch(() => null), budget)) as Record<string, PdfjsFile> | null) : null;
    for (const f of Object.values(listed ?? {})) {
      const k = f.content ? streamOf(f.content) : undefined;
      if (k === undefined) break;
      if (early.some((e) => e.stream === k)) continue;
      const name = f.filename || `embedded-${early.length + 1}`;
      const into: ExtractedPart[] = [];
      await readNested(name, streams[k]!.bytes, streams[k]!.contentType, budget, into, nested);
      early.push({ stream: k, name, part: into[0]! });
      letGo(streams[k]!.bytes);
    }
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
      const annotations = (await withDeadline(page.getAnnotations({ intent: 'display' }), budget)) as { subtype?: string; url?: string; unsafeUrl?: string; file?: PdfjsFile }[];
      for (const a of annotations) {
        if (a.subtype === 'Link') sink.link(a.url ?? a.unsafeUrl);
        else if (a.subtype === 'FileAttachment') addFile(a.file);
      }
      page.cleanup();
    }
    const attachments = (await withDeadline(doc.getAttachments(), budget)) as Record<string, PdfjsFile> | null;
    for (const f of Object.values(attachments ?? {})) addFile(f);
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
  // An embedded file no file specification pdfjs found names is read all the same.
  streams.forEach((s, k) => {
    if (replaced.has(k) && !taken.has(k)) files.push({ name: `embedded-${files.length + 1}`, bytes: s.bytes, contentType: s.contentType, stream: k });
  });
  // The early parts stand for the first files when they are those files, in that order, with those
  // names, as though read here; otherwise (a file a page names differently) every file is read here.
  const kept = early.every((e, k) => files[k]?.stream === e.stream && files[k]?.name === e.name) ? early.length : 0;
  for (const e of early.slice(0, kept)) parts.push(e.part);
  for (const f of files.slice(kept)) {
    const bytes = bytesOf(f);
    await readNested(f.name, bytes, f.contentType, budget, parts, nested);
    if (f.stream !== undefined) letGo(bytes);
  }
}
