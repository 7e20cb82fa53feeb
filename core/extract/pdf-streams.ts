// pdfjs inflates a FlateDecode stream whole, with no cap of its own: a 1 MB stream of
// repeated bytes becomes a gigabyte in memory before any text comes out. So before pdfjs
// sees a PDF, every flate stream in it is inflated here once, in small pushes, counting the
// bytes that come out and throwing nothing away but the count: a bomb is stopped at the cap
// ('zip-bomb') with one push's output in memory, and the clock is read as it goes.
import { Inflate, inflateSync } from 'fflate';
import { ExtractError, type Budget } from './limits';
import { MOST_APPENDED_BYTES, type InflatedStream } from './pdf-update';

/**
 * Pushes start this small, so a bomb puts at most ~1 032 × this (4 MB) in memory at once. A
 * stream that has inflated to little more than its size so far (a photo, an embedded file)
 * doubles its pushes up to MAX_PUSH_BYTES: fflate copies its 32 KB window on every push, which
 * made 4 KB pushes cost seventeen copies of each incompressible byte. A bomb behind such a
 * prefix still meets at most ~1 032 × MAX_PUSH_BYTES (33 MB) in one push, then drops back.
 */
const PUSH_BYTES = 4096;
const MAX_PUSH_BYTES = 32768;
/** Grow the push while a stream has inflated to less than this many times its input. */
const GROW_BELOW_RATIO = 4;
/** As in zip.ts: past this many inflated bytes, more than BOMB_RATIO × the compressed bytes is a bomb. */
const BOMB_RATIO = 200;
const RATIO_CHECK_AFTER = 16 * 1024 * 1024;
/**
 * A stream at most this long is inflated in one call into a reused array that its worst case
 * (deflate's 1032:1, plus slack) fits, and the caps are checked on the whole at once. A page's
 * content stream is a few KB: pushing each one through the streaming inflater, with its window
 * copies and growing buffers, cost a tenth of a large PDF's reading time. The worst case stays
 * under RATIO_CHECK_AFTER, so the ratio check, made on the way by the counted path, never applies.
 */
const DEFLATE_MAX_RATIO = 1032;
const ONE_CALL_SLACK = 1024;
const ONE_CALL_MAX_IN = Math.floor((RATIO_CHECK_AFTER - ONE_CALL_SLACK) / DEFLATE_MAX_RATIO);
/** How far back from `stream` the stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

const STREAM = [0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "stream"
const ENDSTREAM = new TextEncoder().encode('endstream');
const ENCRYPT = new TextEncoder().encode('/Encrypt');

function matchesAt(bytes: Uint8Array, at: number, word: ArrayLike<number>): boolean {
  if (at < 0 || at + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

function indexOfWord(bytes: Uint8Array, word: ArrayLike<number>, from: number): number {
  for (let at = bytes.indexOf(word[0]!, from); at >= 0; at = bytes.indexOf(word[0]!, at + 1)) {
    if (matchesAt(bytes, at, word)) return at;
  }
  return -1;
}

const OBJ = [0x20, 0x6f, 0x62, 0x6a]; // " obj"

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let k = 0; k < bytes.length; k += 0x2000) s += String.fromCharCode(...bytes.subarray(k, k + 0x2000));
  return s;
}

/**
 * The dictionary text just before a `stream` keyword: from the last `obj` (or the window's start).
 * `obj` is found among the bytes, so that only the dictionary becomes a string, not the window.
 */
function dictionaryBefore(bytes: Uint8Array, keyword: number): { dict: string; obj: number } {
  const windowStart = Math.max(0, keyword - DICT_WINDOW);
  for (let at = bytes.lastIndexOf(OBJ[0]!, keyword - OBJ.length); at >= windowStart; at = bytes.lastIndexOf(OBJ[0]!, at - 1)) {
    if (matchesAt(bytes, at, OBJ)) return { dict: latin1(bytes.subarray(at, keyword)), obj: at };
  }
  return { dict: latin1(bytes.subarray(windowStart, keyword)), obj: -1 };
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** The "12 0" of "12 0 obj" whose " obj" is at `obj`, and where it starts; undefined when it is not there. */
function objectHeader(bytes: Uint8Array, obj: number): { start: number; id: string } | undefined {
  let k = obj;
  const digitsBack = () => {
    const end = k;
    while (isDigit(bytes[k - 1])) k--;
    return k < end;
  };
  if (!digitsBack()) return undefined;
  const genStart = k;
  if (!isSpace(bytes[k - 1])) return undefined;
  while (isSpace(bytes[k - 1])) k--;
  if (!digitsBack()) return undefined;
  if (k > 0 && !isSpace(bytes[k - 1]) && bytes[k - 1] !== 0x3e /* ">" */) return undefined;
  return { start: k, id: `${latin1(bytes.subarray(k, genStart)).trim()} ${latin1(bytes.subarray(genStart, obj))}` };
}

/** The stream's filters in order, their names read as pdfjs reads them (#xx escapes decoded). */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]*)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([^\s/<>[\]()]*)/g)].map((n) => n[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

const isFlate = (name: string | undefined) => name === 'FlateDecode' || name === 'Fl';

/** The Flate stages of the first /Filter between `from` and `to` that names a Flate chain, if any. */
function flateNamedIn(bytes: Uint8Array, from: number, to: number): FlateStages | undefined {
  for (let at = indexOfWord(bytes, FILTER, from); at >= 0 && at < to; at = indexOfWord(bytes, FILTER, at + 1)) {
    const stages = flateStages(filtersOf(latin1(bytes.subarray(at, Math.min(to, at + 512)))));
    if (stages) return stages;
  }
  return undefined;
}
const FILTER = new TextEncoder().encode('/Filter');

/** A chain pdfjs decodes: ASCII, run-length or LZW filters first, then one or more Flate (or none after LZW). */
interface FlateStages {
  ascii: ('hex' | '85' | 'rl' | 'lzw')[];
  flates: number;
  /** LZW's /EarlyChange (1 unless its parameters say 0). */
  earlyChange?: 0;
}

/**
 * The stages of `filters` up to the last Flate of the run that follows any ASCII, run-length or
 * LZW filters; undefined when there is no Flate, unless there is LZW, a bomb on its own (pdfjs
 * decodes it whole too: a 156 KB PDF grew to 1.1 GB and was reported read).
 */
function flateStages(filters: readonly string[]): FlateStages | undefined {
  const ascii: FlateStages['ascii'] = [];
  let k = 0;
  for (; k < filters.length; k++) {
    const f = filters[k];
    if (f === 'ASCIIHexDecode' || f === 'AHx') ascii.push('hex');
    else if (f === 'ASCII85Decode' || f === 'A85') ascii.push('85');
    else if (f === 'RunLengthDecode' || f === 'RL') ascii.push('rl');
    else if (f === 'LZWDecode' || f === 'LZW') ascii.push('lzw');
    else break;
  }
  let flates = 0;
  while (isFlate(filters[k + flates])) flates++;
  return flates > 0 || ascii.includes('lzw') ? { ascii, flates } : undefined;
}

const hexDigit = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1);

/** ASCIIHexDecode: pairs of hex digits up to '>', anything else skipped, a last lone digit padded with 0. */
function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array((data.length >> 1) + 1);
  let n = 0;
  let high = -1;
  for (let k = 0; k < data.length && data[k] !== 0x3e; k++) {
    const v = hexDigit(data[k]!);
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high << 4;
  return out.subarray(0, n);
}

/**
 * RunLengthDecode: a length byte, then that many + 1 bytes as they are (0–127), or one byte
 * 257 − length times (129–255), up to 128. It can grow 64-fold: past `maxBytes` it is a bomb.
 */
function runLength(data: Uint8Array, maxBytes: number): Uint8Array {
  let size = 0;
  let k = 0;
  for (; k < data.length && data[k] !== 128; k += data[k]! < 128 ? data[k]! + 2 : 2) size += data[k]! < 128 ? Math.min(data[k]! + 1, data.length - k - 1) : k + 1 < data.length ? 257 - data[k]! : 0;
  if (size > maxBytes) throw bomb(`inflates past ${maxBytes} bytes`);
  const out = new Uint8Array(size);
  let n = 0;
  for (k = 0; k < data.length && data[k] !== 128; ) {
    const length = data[k]!;
    if (length < 128) {
      const run = data.subarray(k + 1, k + 2 + length);
      out.set(run, n);
      n += run.length;
      k += length + 2;
    } else {
      if (k + 1 < data.length) out.fill(data[k + 1]!, n, (n += 257 - length));
      k += 2;
    }
  }
  return out;
}

/**
 * LZWDecode (ISO 32000-1 §7.4.4) as pdfjs reads it: codes of 9 to 12 bits, 256 clears the table,
 * 257 ends, the code width grows one code early unless /EarlyChange 0, and a code past the table
 * repeats the last string plus its first byte. One 12-bit code can stand for ~4,000 bytes, so
 * past `maxBytes`, or BOMB_RATIO times its size once large, it is a bomb.
 */
function lzw(data: Uint8Array, maxBytes: number, earlyChange: number, budget: Budget): Uint8Array {
  const prefix = new Uint16Array(4096);
  const last = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let c = 0; c < 256; c++) {
    last[c] = first[c] = c;
    length[c] = 1;
  }
  let out = new Uint8Array(Math.min(maxBytes, Math.max(4096, data.length * 4)));
  let n = 0;
  let next = 258;
  let width = 9;
  let prev = -1;
  let acc = 0;
  let bits = 0;
  for (let k = 0, codes = 0; ; codes++) {
    while (bits < width && k < data.length) {
      acc = ((acc & 0xffff) << 8) | data[k++]!;
      bits += 8;
    }
    if (bits < width) break;
    bits -= width;
    const code = (acc >>> bits) & ((1 << width) - 1);
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (code === 257) break;
    const known = code < 256 || (code >= 258 && code < next);
    if (!known && prev < 0) break;
    const size = known ? length[code]! : length[prev]! + 1;
    if (n + size > maxBytes) throw bomb(`inflates past ${maxBytes} bytes`);
    if (n + size > out.length) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(n + size, out.length * 2)));
      grown.set(out.subarray(0, n));
      out = grown;
    }
    let entry = known ? code : prev;
    let at = n + length[entry]! - 1;
    for (; at >= n; at--, entry = prefix[entry]!) out[at] = last[entry]!;
    if (!known) out[n + size - 1] = first[prev]!;
    if (prev >= 0) {
      if (next < 4096) {
        prefix[next] = prev;
        last[next] = known ? first[code]! : first[prev]!;
        first[next] = first[prev]!;
        length[next] = length[prev]! + 1;
      }
      next++;
      const edge = next + earlyChange;
      if ((edge & (edge - 1)) === 0) width = Math.min(12, Math.floor(Math.log2(edge)) + 1);
    }
    prev = code;
    n += size;
    if (n > RATIO_CHECK_AFTER && n > k * BOMB_RATIO) throw bomb(`inflates more than ${BOMB_RATIO} times its size`);
    if ((codes & 0xffff) === 0) budget.checkTime();
  }
  return out.subarray(0, n);
}

/** ASCII85Decode: groups of five '!'–'u', 'z' for four zeros, up to '~', whitespace skipped. */
function ascii85(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length * 4 + 4);
  let n = 0;
  const group: number[] = [];
  const flush = (count: number) => {
    let v = 0;
    for (let k = 0; k < 5; k++) v = v * 85 + (group[k] ?? 84);
    for (let k = 0; k < count; k++) out[n++] = (v >>> (24 - 8 * k)) & 255;
    group.length = 0;
  };
  for (let k = 0; k < data.length && data[k] !== 0x7e; k++) {
    const c = data[k]!;
    if (c === 0x7a && group.length === 0) n += 4;
    else if (c >= 0x21 && c <= 0x75) {
      group.push(c - 0x21);
      if (group.length === 5) flush(4);
    }
  }
  if (group.length > 1) flush(group.length - 1);
  return out.subarray(0, n);
}

/** An image's decoded size cannot exceed its declared pixels (16 bits × 4 samples, plus PNG predictor bytes). */
function imageBound(dict: string): number | undefined {
  if (!/\/Subtype\s*\/Image\b/.test(dict)) return undefined;
  const w = /\/Width\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  const h = /\/Height\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (!w || !h) return undefined;
  const height = Number(h[1]);
  return Number(w[1]) * height * 8 + height + 1024;
}

/** Inflates one zlib-wrapped stream, counting; `onChunk` sees each piece that comes out. */
function inflateCounted(data: Uint8Array, budget: Budget, onChunk: (chunk: Uint8Array, total: number, consumed: number) => void): boolean {
  // The two-byte zlib header; pdfjs skips it too, and the checksum is not needed to count.
  let consumed = 0;
  let total = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    onChunk(chunk, total, consumed);
    if (final) done = true;
  });
  let pushes = 0;
  let size = PUSH_BYTES;
  for (let p = 2; p < data.length && !done; p += size) {
    if (++pushes % 16 === 0) budget.checkTime();
    size = total < (consumed - 2) * GROW_BELOW_RATIO ? Math.min(MAX_PUSH_BYTES, size * 2) : PUSH_BYTES;
    const stop = Math.min(data.length, p + size);
    consumed = stop;
    inflate.push(data.subarray(p, stop), stop === data.length);
  }
  return done;
}

/**
 * Whether the `stream` at `at` ends a longer token ("endstream", "/octet-stream", "/xstream"),
 * as PDF's lexer reads it: only whitespace or a delimiter other than "/" may stand before the
 * keyword. Taking "/Subtype /application#2Foctet-stream⏎" for the keyword let the real stream
 * after it, an embedded file, go uncounted.
 */
function insideToken(bytes: Uint8Array, at: number): boolean {
  if (at === 0) return false;
  const c = bytes[at - 1]!;
  const whitespace = c === 0x00 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
  const delimiter = c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x25;
  return !whitespace && !delimiter;
}

/** An embedded file's stream, inflated by the bomb guard: its bytes, and where its data lies in the PDF. */
export interface EmbeddedStream {
  /** Where its object ("12 0 obj") starts, and that object's number and generation ("12 0"). */
  objectStart: number;
  objectId: string;
  /** Just past its `endstream`. */
  objectEnd: number;
  bytes: Uint8Array;
  /** Its bytes inflated anew (already counted against the budget), for when `bytes` has been let go of. */
  inflate(): Uint8Array;
  /** The stream's /Subtype, a MIME type ("application/pdf"), when it has one. */
  contentType?: string;
}

/**
 * Only a stream whose sole filter is Flate, with no predictor, is the file once inflated; any
 * other (a filter chain, an encrypted PDF's stream that does not inflate) is left to pdfjs.
 */
/**
 * Inflates an embedded file in one call straight into an array of its declared size, which
 * already bounds it (it is believed only up to a few times the stream's size): no pushes, no
 * growing buffers, no copy into the final array. Undefined when the stream is damaged or
 * longer than declared; the counted path then reads it as before.
 */
function inflateInto(data: Uint8Array, declared: number): Uint8Array | undefined {
  // One byte more than declared shows a stream that does not stop where it said it would.
  const out = new Uint8Array(declared + 1);
  try {
    const got = inflateSync(data.subarray(2), { out });
    return got.length <= declared ? got : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How many bytes a short zlib stream inflates to, in one call into `into` (which its worst case
 * fits); undefined when it does not inflate to its end (damaged), left to the counted path.
 */
function inflateWhole(data: Uint8Array, into: Uint8Array): number | undefined {
  try {
    const got = inflateSync(data.subarray(2), { out: into });
    return got.length < into.length ? got.length : undefined;
  } catch {
    return undefined;
  }
}

/** A /Filter entry naming Flate alone. */
const FILTER_ENTRY = /\/Filter\s*(?:\/(?:FlateDecode|Fl)\b|\[\s*\/(?:FlateDecode|Fl)\s*\])/;

function isPlainFlateEmbeddedFile(dict: string): boolean {
  return /\/Type\s*\/EmbeddedFile\b/.test(dict) && FILTER_ENTRY.test(dict) && !/\/DecodeParms\b/.test(dict);
}

function subtypeOf(dict: string): string | undefined {
  const name = /\/Subtype\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1];
  return name?.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Gathers an embedded file's inflated bytes. When its dictionary declares the size
 * (/Params << /Size n >>, which Acrobat and pdf-lib write) they go straight into one array of
 * that size, so the file is not held twice, as chunks and joined, at the peak.
 */
class Gathered {
  private chunks: Uint8Array[] = [];
  private buffer: Uint8Array | undefined;
  private length = 0;

  /** A declared size is believed only up to `maxBytes`: a lie then costs no more than the data it came with. */
  constructor(declared: number | undefined, maxBytes: number) {
    if (declared !== undefined && declared <= maxBytes) this.buffer = new Uint8Array(declared);
  }

  add(chunk: Uint8Array): void {
    if (this.buffer && this.length + chunk.length <= this.buffer.length) this.buffer.set(chunk, this.length);
    else {
      // More than declared: the size lied, so the bytes are kept as they come.
      if (this.buffer) this.chunks.push(this.buffer.subarray(0, this.length));
      this.buffer = undefined;
      this.chunks.push(chunk);
    }
    this.length += chunk.length;
  }

  bytes(): Uint8Array {
    // A short stream does not keep the whole declared buffer alive.
    if (this.buffer) return this.length * 2 < this.buffer.length ? this.buffer.slice(0, this.length) : this.buffer.subarray(0, this.length);
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function declaredSize(dict: string): number | undefined {
  const size = /\/Params\s*<<[^>]*\/Size\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
  return size === undefined ? undefined : Number(size);
}

const bomb = (why: string) => new ExtractError('zip-bomb', `A compressed stream in the PDF ${why}; the file looks like a compression bomb.`);

/**
 * Inflates one stream's zlib data in pieces, throwing 'zip-bomb' past any cap: the entry cap,
 * the image's pixels, BOMB_RATIO times its size, or (text-bearing streams) the shared total.
 * `keep` gathers what comes out; true when the data inflated to its end, false when damaged.
 */
function inflateUnderCaps(data: Uint8Array, budget: Budget, image: number | undefined, keep: Gathered | undefined): boolean {
  const { maxEntryBytes } = budget.limits;
  let counted = 0;
  try {
    return inflateCounted(data, budget, (chunk, total, consumed) => {
      if (total > maxEntryBytes) throw bomb(`inflates past ${maxEntryBytes} bytes`);
      if (image !== undefined && total > image) throw bomb('inflates past the size of the image it declares');
      if (total > RATIO_CHECK_AFTER && total > consumed * BOMB_RATIO) throw bomb(`inflates more than ${BOMB_RATIO} times its size`);
      // Images are not decoded to read text; the rest is, so it counts against the total.
      if (image === undefined) {
        budget.addExpanded(total - counted);
        counted = total;
      }
      keep?.add(chunk);
    });
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    return false;
  }
}

/**
 * An embedded file's zlib data inflated under the caps, straight into one array when its
 * declared size is believable; undefined when the data is damaged.
 */
export function inflateEmbeddedFile(data: Uint8Array, budget: Budget, declared: number | undefined): Uint8Array | undefined {
  const cap = Math.min(budget.limits.maxEntryBytes, data.length * 8 + 65536);
  if (declared !== undefined && declared <= cap) {
    const whole = inflateInto(data, declared);
    if (whole) {
      budget.addExpanded(whole.length);
      budget.checkTime();
      return whole;
    }
  }
  const keep = new Gathered(declared, cap);
  return inflateUnderCaps(data, budget, undefined, keep) ? keep.bytes() : undefined;
}

/**
 * An embedded file of an encrypted PDF: its data is ciphertext, so the bomb guard cannot inflate
 * it, and pdfjs, which decrypts it, would inflate it whole with no cap. Its dictionary is not
 * encrypted: `filter` is where its /Filter entry lies, blanked in pdfjs's copy so that pdfjs
 * hands back the decrypted zlib data, which inflateEmbeddedFile then reads under the caps.
 */
export interface SealedFile {
  filter: { start: number; end: number };
  /** The encrypted data's length as scanned, up to `endstream`. */
  dataLength: number;
  declared?: number;
  contentType?: string;
}

/** A stream's dictionary as it reads once inflated: no /Filter, and /Length the inflated size. */
function withoutFilter(dict: string, length: number): string {
  return dict.replace(FILTER_ENTRY, '').replace(/\/Length(?![0-9A-Za-z_#.-])\s*\d+(?:\s+\d+\s+R)?/, `/Length ${length}`);
}

/** Whether the PDF names an encryption dictionary (in its trailer or its cross-reference stream). */
function isEncrypted(bytes: Uint8Array): boolean {
  for (let at = indexOfWord(bytes, ENCRYPT, 0); at >= 0; at = indexOfWord(bytes, ENCRYPT, at + 1)) {
    if (/^\/Encrypt\s*(?:<<|\d+\s+\d+\s+R)/.test(latin1(bytes.subarray(at, at + 40)))) return true;
  }
  return false;
}

/**
 * Throws 'zip-bomb' when a flate stream of the PDF inflates past the budget: any stream more
 * than BOMB_RATIO times its size, the text-bearing streams (content, fonts, object streams)
 * together past maxExpandedBytes, one stream past maxEntryBytes, or an image past its pixels.
 * A stream that does not inflate is left to pdfjs, which tolerates damage.
 *
 * The embedded files it inflates are kept and given back, so that they are inflated once,
 * here, and not a second time by pdfjs's much slower inflater. In an encrypted PDF, the
 * embedded files it cannot inflate are listed in `sealed`. The other short streams it inflates
 * (pages' contents, object streams, fonts) are kept in `inflated`, up to MOST_APPENDED_BYTES.
 * The streams of an encrypted PDF that are ciphertext go to `locked`, for boundLockedStreams.
 */
export function boundFlateStreams(bytes: Uint8Array, budget: Budget, sealed?: SealedFile[], inflated?: InflatedStream[], locked?: LockedStream[]): EmbeddedStream[] {
  const { maxEntryBytes } = budget.limits;
  const embedded: EmbeddedStream[] = [];
  const encrypted = (sealed !== undefined || inflated !== undefined || locked !== undefined) && isEncrypted(bytes);
  let scratch: Uint8Array | undefined;
  let kept = 0;
  let from = 0;
  /** Where the data of the last stream read ends: a keyword before it lies inside that data. */
  let lastStop = 0;
  /** Where the last stream read ends, keyword and all: the next one's dictionary lies after it. */
  let lastStreamEnd = 0;
  /** The first endstream at or after the last keyword's data (-1: none is left). */
  let nextEnd = -2;
  for (;;) {
    budget.checkTime();
    const keyword = indexOfWord(bytes, STREAM, from);
    if (keyword < 0) return embedded;
    from = keyword + STREAM.length;
    if (insideToken(bytes, keyword)) continue;
    let start = from;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    if (start === from) continue;
    // Keywords come in order, so the first endstream after one is searched for once, not per keyword inside a stream.
    if (nextEnd !== -1 && nextEnd < start) nextEnd = indexOfWord(bytes, ENDSTREAM, start);
    const end = nextEnd;
    const stop = end < 0 ? bytes.length : end;
    // The search goes on inside this stream's data, not past it: pdfjs finds objects by their
    // offsets, so a stream can sit inside the "data" of a fake one that never ends where it says.
    from = start;
    const inside = keyword < lastStop;
    if (!inside) lastStop = stop;
    const { dict, obj } = dictionaryBefore(bytes, keyword);
    // A dictionary longer than the window, or a string in it holding " obj" or "/Filter", hides
    // the real /Filter from the window: any Flate named since the last stream's data counts.
    const stages = flateStages(filtersOf(dict)) ?? flateNamedIn(bytes, inside ? Math.max(0, keyword - DICT_WINDOW) : lastStreamEnd, keyword);
    lastStreamEnd = inside ? lastStreamEnd : stop;
    if (!stages) continue;
    if (stages.ascii.includes('lzw') && /\/EarlyChange\s+0(?![\d.])/.test(dict)) stages.earlyChange = 0;
    const image = imageBound(dict);
    const data = bytes.subarray(start, stop);
    if (inside) {
      // Only held to the caps: what pdfjs is given is made from the streams found in order.
      if (encrypted && locked) locked.push({ objectId: obj >= 0 ? objectHeader(bytes, obj)?.id : undefined, data, image, stages });
      boundStages(data, stages, budget, image);
      continue;
    }
    // One Flate first, as nearly every stream has it; a chain pdfjs also inflates (Flate within
    // Flate, ASCII-armoured Flate) is held to the same caps at every stage.
    const single = stages.ascii.length === 0 && stages.flates === 1;
    const header = single && obj >= 0 && end >= 0 && isPlainFlateEmbeddedFile(dict) ? objectHeader(bytes, obj) : undefined;
    if (header) {
      const declared = declaredSize(dict);
      const whole = inflateEmbeddedFile(data, budget, declared);
      const inflate = () => inflateSync(data.subarray(2));
      if (whole) embedded.push({ objectStart: header.start, objectId: header.id, objectEnd: end + ENDSTREAM.length, bytes: whole, inflate, contentType: subtypeOf(dict) });
      else if (encrypted && sealed) {
        const at = FILTER_ENTRY.exec(dict);
        if (at) sealed.push({ filter: { start: obj + at.index, end: obj + at.index + at[0].length }, dataLength: data.length, declared, contentType: subtypeOf(dict) });
      }
      continue;
    }
    // An encrypted file's stream is read again once decrypted (pdf-decrypt.ts): as it stands it
    // is ciphertext, which may even inflate, to noise. Cross-reference streams are never encrypted.
    if (encrypted && locked && !/\/Type\s*\/XRef\b/.test(dict)) locked.push({ objectId: obj >= 0 ? objectHeader(bytes, obj)?.id : undefined, data, image, stages });
    if (!single) {
      boundStages(data, stages, budget, image);
      continue;
    }
    if (data.length <= ONE_CALL_MAX_IN) {
      const worst = data.length * DEFLATE_MAX_RATIO + ONE_CALL_SLACK;
      if (!scratch || scratch.length < worst) scratch = new Uint8Array(worst);
      const total = inflateWhole(data, scratch);
      if (total !== undefined) {
        // The same checks, in the same order, as the counted path makes on its last piece.
        if (total > maxEntryBytes) throw bomb(`inflates past ${maxEntryBytes} bytes`);
        if (image !== undefined && total > image) throw bomb('inflates past the size of the image it declares');
        if (image === undefined) budget.addExpanded(total);
        if (inflated && image === undefined && !encrypted && kept + total <= MOST_APPENDED_BYTES) {
          const open = dict.indexOf('<<');
          const plain = obj >= 0 && end >= 0 && open >= 0 && FILTER_ENTRY.test(dict) && !/\/DecodeParms\b|\/Type\s*\/XRef\b/.test(dict) ? objectHeader(bytes, obj) : undefined;
          if (plain) {
            inflated.push({ objectId: plain.id, dict: withoutFilter(dict.slice(open), total), bytes: scratch.slice(0, total) });
            kept += total;
          }
        }
        continue;
      }
    }
    inflateUnderCaps(data, budget, image, undefined);
  }
}

/** A stream of an encrypted PDF that did not inflate as it stands: its object, its data, its image bound. */
export interface LockedStream {
  objectId?: string;
  data: Uint8Array;
  image?: number;
  stages: FlateStages;
}

/**
 * Holds the decrypted streams of an encrypted PDF to the caps boundFlateStreams holds plain ones
 * to, with the same error: `decrypt` gives a stream's plaintext, undefined when it has none.
 * A stream whose object could not be told is not one pdfjs can read either, and is passed over.
 */
export async function boundLockedStreams(locked: readonly LockedStream[], budget: Budget, decrypt: (objectId: string, data: Uint8Array) => Promise<Uint8Array | undefined>): Promise<void> {
  for (const { objectId, data, image, stages } of locked) {
    budget.checkTime();
    if (objectId === undefined) continue;
    const plain = await decrypt(objectId, data);
    if (plain) boundStages(plain, stages, budget, image);
  }
}

/** Decodes a chain's ASCII filters, then inflates its Flate stages under the caps (damage ends it quietly, as for one stage). */
function boundStages(data: Uint8Array, stages: FlateStages, budget: Budget, image: number | undefined): void {
  const { maxEntryBytes } = budget.limits;
  let input = data;
  for (const a of stages.ascii) input = a === 'hex' ? asciiHex(input) : a === '85' ? ascii85(input) : a === 'rl' ? runLength(input, maxEntryBytes) : lzw(input, maxEntryBytes, stages.earlyChange ?? 1, budget);
  if (stages.flates === 0) {
    // LZW last: what it gave is what pdfjs reads.
    if (image !== undefined && input.length > image) throw bomb('inflates past the size of the image it declares');
    if (image === undefined) budget.addExpanded(input.length);
  } else if (stages.flates === 1) inflateUnderCaps(input, budget, image, undefined);
  else inflateStagesUnderCaps(input, stages.flates, budget, image);
}

/**
 * Flate within Flate: each stage's output is pushed into the next in small pieces as it comes,
 * so no stage holds more than a push's output, and every stage is held to the caps one stage is:
 * the entry cap, BOMB_RATIO times what went into it, the shared total; the image's pixels at the last.
 */
function inflateStagesUnderCaps(data: Uint8Array, count: number, budget: Budget, image: number | undefined): void {
  const { maxEntryBytes } = budget.limits;
  const totals = new Array<number>(count).fill(0);
  /** What has gone into each stage so far. */
  const fed = new Array<number>(count).fill(0);
  const stages: Inflate[] = [];
  for (let level = count - 1; level >= 0; level--) {
    const next = stages[0];
    // An inner stream is zlib-wrapped too: its two-byte header is skipped, as pdfjs skips it.
    let header = 2;
    stages.unshift(
      new Inflate((chunk, final) => {
        totals[level]! += chunk.length;
        const total = totals[level]!;
        const input = fed[level]!;
        if (total > maxEntryBytes) throw bomb(`inflates past ${maxEntryBytes} bytes`);
        if (total > RATIO_CHECK_AFTER && total > input * BOMB_RATIO) throw bomb(`inflates more than ${BOMB_RATIO} times its size`);
        if (image !== undefined && level === count - 1 && total > image) throw bomb('inflates past the size of the image it declares');
        if (image === undefined) budget.addExpanded(chunk.length);
        if (!next) return;
        let from = Math.min(header, chunk.length);
        header -= from;
        if (from === chunk.length && !final) return;
        for (; from < chunk.length || final; from += PUSH_BYTES) {
          const to = Math.min(chunk.length, from + PUSH_BYTES);
          fed[level + 1]! += to - from;
          next.push(chunk.subarray(from, to), final && to === chunk.length);
          if (to === chunk.length) break;
        }
      }),
    );
  }
  try {
    let pushes = 0;
    for (let p = 2; p < data.length; p += PUSH_BYTES) {
      if (++pushes % 16 === 0) budget.checkTime();
      const stop = Math.min(data.length, p + PUSH_BYTES);
      fed[0] = stop;
      stages[0]!.push(data.subarray(p, stop), stop === data.length);
    }
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    // Damaged: what came out before the damage was held to the caps; pdfjs reads no further either.
  }
}

/**
 * Detaches an array nothing needs any more by transferring its buffer to a clone dropped at once:
 * the clone is young, so the next minor GC frees the memory, where the array, long lived, would
 * wait for a major GC, which a PDF's page loop seldom meets.
 */
export function letGo(bytes: Uint8Array): void {
  if (bytes.length > 0 && typeof structuredClone === 'function') structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
}
