// A bounded zip reader. The central directory is parsed here (not trusted for sizes) and each
// entry is inflated with fflate's streaming Inflate in small pushes, counting the bytes that
// really come out: a bomb is stopped at the cap with at most one push's output in memory.
// A small entry is first inflated in one call into a buffer of its declared size (streaming
// grows and copies buffers on every push: a third of a small docx's reading time); when that
// size turns out to be a lie, or the data does not inflate, the entry is streamed as before, so
// every cap and every error stays exactly what streaming decides.
import { Inflate, inflateSync } from 'fflate';
import { Budget, ExtractError } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/**
 * Input is pushed in slices this small so one push inflates to at most ~1 032 × this (4 MB).
 * 16 KB pushes (16.5 MB at once) were tried for speed: a 1 GB bomb then grew the process by
 * more than 256 MB before it was refused (core/extract/bounds.test.ts), for no measured gain.
 */
const PUSH_BYTES = 4096;

/**
 * Past RATIO_CHECK_AFTER inflated bytes, an entry inflating more than BOMB_RATIO times its
 * compressed bytes read so far is a bomb. Office XML compresses 5-30:1 and even repetitive
 * sheets stay well under 200:1; a bomb runs near deflate's ceiling of 1 032:1. This stops a
 * 1 GB bomb after ~16 MB instead of at the 200 MB total cap.
 */
const BOMB_RATIO = 200;
const RATIO_CHECK_AFTER = 16 * 1024 * 1024;

/**
 * Entries up to this compressed size may be inflated in one call. Inflating cannot stop early
 * when the declared size lies (fflate drops what overflows the buffer), so this bounds what a
 * crafted entry wastes before streaming takes over: at most ~1 032 × 64 KB of inflating.
 */
const ONE_CALL_COMPRESSED = 64 * 1024;
/** And up to this declared size: the buffer is allocated before a single byte is checked. */
const ONE_CALL_DECLARED = 8 * 1024 * 1024;

const corrupt = (why: string) => new ExtractError('corrupt', `The zip archive is damaged: ${why}.`);

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && bytes[3] === bytes[2] + 1;
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(private readonly bytes: Uint8Array, readonly entries: ZipEntry[], private readonly budget: Budget) {
    for (const e of entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
  }

  static open(bytes: Uint8Array, budget: Budget): ZipArchive {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEocd(bytes, view);
    if (eocd < 0) throw corrupt('no end-of-central-directory record (truncated or not a zip)');
    let count = view.getUint16(eocd + 10, true);
    let cdOffset = view.getUint32(eocd + 16, true);
    // Zip64: the real values sit in the zip64 end record the locator points to.
    if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
      const z64 = Number(view.getBigUint64(eocd - 12, true));
      if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== 0x06064b50) throw corrupt('bad zip64 end record');
      count = Number(view.getBigUint64(z64 + 32, true));
      cdOffset = Number(view.getBigUint64(z64 + 48, true));
    }
    if (count > budget.limits.maxEntries) {
      throw new ExtractError('zip-bomb', `The archive lists ${count} entries, more than the ${budget.limits.maxEntries} allowed.`);
    }
    const dec = new TextDecoder();
    const entries: ZipEntry[] = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw corrupt('central directory entry out of place');
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      let compressedSize = view.getUint32(p + 20, true);
      let declaredSize = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      let localOffset = view.getUint32(p + 42, true);
      if (p + 46 + nameLen + extraLen > bytes.length) throw corrupt('central directory runs past the end');
      const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      // Zip64 extra field: 64-bit values, in this order, for each 32-bit field set to 0xFFFFFFFF.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = view.getUint16(x, true);
        const size = view.getUint16(x + 2, true);
        if (id === 0x0001) {
          let q = x + 4;
          const take = () => {
            const v = q + 8 <= x + 4 + size ? Number(view.getBigUint64(q, true)) : 0;
            q += 8;
            return v;
          };
          if (declaredSize === 0xffffffff) declaredSize = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localOffset === 0xffffffff) localOffset = take();
        }
        x += 4 + size;
      }
      entries.push({ name, method, encrypted: (flags & 1) !== 0, compressedSize, declaredSize, localOffset });
      p = xEnd + commentLen;
      if (i % 1000 === 999) budget.checkTime();
    }
    return new ZipArchive(bytes, entries, budget);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /**
   * Streams one entry's inflated bytes to `onChunk`, stopping with 'zip-bomb' past the per-entry
   * or total cap and with 'timeout' past the deadline. Returns false when there is no such entry.
   */
  read(name: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const e = this.byName.get(name);
    if (!e) return false;
    const { bytes, budget } = this;
    const { maxEntryBytes } = budget.limits;
    if (e.encrypted) throw new ExtractError('encrypted', 'The archive is password-protected.');
    if (e.declaredSize > maxEntryBytes) {
      throw new ExtractError('zip-bomb', `Entry ${name} declares ${e.declaredSize} bytes, more than the ${maxEntryBytes} allowed.`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const h = e.localOffset;
    if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50) throw corrupt(`local header of ${name} missing`);
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw corrupt(`entry ${name} runs past the end of the file`);

    let entryBytes = 0;
    let consumed = 0;
    let callbackError: unknown;
    const emit = (chunk: Uint8Array) => {
      entryBytes += chunk.length;
      if (entryBytes > maxEntryBytes) {
        throw new ExtractError('zip-bomb', `Entry ${name} inflates past ${maxEntryBytes} bytes; the archive looks like a zip bomb.`);
      }
      if (entryBytes > RATIO_CHECK_AFTER && entryBytes > consumed * BOMB_RATIO) {
        throw new ExtractError('zip-bomb', `Entry ${name} inflates more than ${BOMB_RATIO} times its compressed size; the archive looks like a zip bomb.`);
      }
      budget.addExpanded(chunk.length);
      if (!chunk.length) return;
      try {
        onChunk(chunk);
      } catch (err) {
        callbackError = err;
        throw err;
      }
      // The consumer (the XML parser) works inside onChunk: the clock is read after each chunk it took.
      budget.checkTime();
    };

    if (e.method === 0) {
      for (let p = start; p < end; p += 65536) {
        budget.checkTime();
        emit(bytes.subarray(p, Math.min(end, p + 65536)));
      }
      return true;
    }
    if (e.method !== 8) throw new ExtractError('unsupported', `Entry ${name} uses zip compression method ${e.method}, which is not supported.`);

    const whole = e.compressedSize <= ONE_CALL_COMPRESSED && e.declaredSize <= ONE_CALL_DECLARED ? inflateWhole(bytes.subarray(start, end), e.declaredSize) : undefined;
    if (whole) {
      consumed = end - start;
      emit(whole);
      return true;
    }

    let done = false;
    const inflate = new Inflate((chunk, final) => {
      emit(chunk);
      if (final) done = true;
    });
    try {
      let pushes = 0;
      for (let p = start; p < end && !done; p += PUSH_BYTES) {
        if (++pushes % 16 === 0) budget.checkTime();
        const stop = Math.min(end, p + PUSH_BYTES);
        consumed = stop - start;
        inflate.push(bytes.subarray(p, stop), stop === end);
      }
      if (!done) inflate.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ExtractError || callbackError !== undefined) throw err;
      throw corrupt(`entry ${name} does not inflate (${err instanceof Error ? err.message : 'unknown error'})`);
    }
    if (!done) throw corrupt(`entry ${name} ends early`);
    return true;
  }

  /** Reads one entry whole as text (UTF-8, or UTF-16 by BOM); undefined when absent. */
  readText(name: string): string | undefined {
    const chunks: Uint8Array[] = [];
    if (!this.read(name, (c) => chunks.push(c.slice()))) return undefined;
    let total = 0;
    for (const c of chunks) total += c.length;
    const all = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      all.set(c, o);
      o += c.length;
    }
    return new TextDecoder(xmlCharset(all)).decode(all);
  }
}

/**
 * Inflates raw deflate data whole into at most `maxBytes` (more may be cut off or refused);
 * throws when the data does not inflate.
 */
export type WholeInflater = (compressed: Uint8Array, maxBytes: number) => Uint8Array;

const fflateWhole: WholeInflater = (compressed, maxBytes) => inflateSync(compressed, { out: new Uint8Array(maxBytes) });
let inflater = fflateWhole;

/**
 * A host with a native inflater (the CLI: Node's zlib) may lend it for small entries (none:
 * fflate's again). Whatever it refuses or sizes wrong is streamed by fflate, so verdicts and
 * errors stay fflate's.
 */
export function useWholeInflater(native?: WholeInflater): void {
  inflater = native ?? fflateWhole;
}

/**
 * The entry's bytes when they inflate to exactly `declaredSize`; undefined when they do not
 * inflate or come out at another size (a one-byte spare shows an overflow), for streaming to judge.
 */
function inflateWhole(compressed: Uint8Array, declaredSize: number): Uint8Array | undefined {
  try {
    const out = inflater(compressed, declaredSize + 1);
    return out.length === declaredSize ? out : undefined;
  } catch {
    return undefined;
  }
}

/** UTF-16 by BOM, else UTF-8 (what every office suite writes its XML parts in). */
export function xmlCharset(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function findEocd(bytes: Uint8Array, view: DataView): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= min; p--) {
    if (bytes[p] === 0x50 && view.getUint32(p, true) === 0x06054b50) return p;
  }
  return -1;
}
