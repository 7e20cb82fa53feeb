// TextEncoder and TextDecoder for runtimes that have none. Classic Outlook's JavaScript-only
// runtime is documented as a JavaScript engine with fetch, WebSockets and storage: the Encoding
// API is not promised, and the readers (and the libraries they use) decode with it, some when
// the script loads. Only the encodings the Encoding Standard names UTF-8, UTF-16LE/BE,
// windows-1252 (which covers the latin1 and ASCII labels) and windows-1258 (Vietnamese, which the
// text reader falls back to); any other label is refused with the RangeError a real TextDecoder
// gives an unknown one. The text and office readers then say the file was not read; postal-mime
// reads such a mail part as windows-1252 (its own fallback), so its text may come out garbled.

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1258';
const NAMES: Record<Encoding, string> = {
  'utf-8': 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8',
  'utf-16le': 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le',
  'utf-16be': 'unicodefffe utf-16be',
  'windows-1252':
    'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252',
  'windows-1258': 'cp1258 windows-1258 x-cp1258',
};
/** Each label's encoding, built on first use (most runtimes have their own decoder). */
let labels: Record<string, Encoding | undefined> | undefined;

/** The encoding a label names. */
function encodingOf(label: string): Encoding | undefined {
  if (!labels) {
    // No prototype: a label such as "constructor" names nothing.
    labels = Object.create(null) as Record<string, Encoding | undefined>;
    for (const [encoding, names] of Object.entries(NAMES)) for (const name of names.split(' ')) labels[name] = encoding as Encoding;
  }
  return labels[label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase()];
}

/** windows-1252's bytes 0x80–0x9F (the Encoding Standard's index); every other byte is its own code point. */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
/** Where windows-1258 differs from windows-1252: Vietnamese letters, combining tones, the đồng sign. */
const CP1258_CHANGES: Record<number, number> = {
  0x8a: 0x8a, 0x8e: 0x8e, 0x9a: 0x9a, 0x9e: 0x9e, 0xc3: 0x102, 0xcc: 0x300, 0xd0: 0x110, 0xd2: 0x309, 0xd5: 0x1a0,
  0xdd: 0x1af, 0xde: 0x303, 0xe3: 0x103, 0xec: 0x301, 0xf0: 0x111, 0xf2: 0x323, 0xf5: 0x1a1, 0xfd: 0x1b0, 0xfe: 0x20ab,
};
/** The code points of bytes 0x80–0xFF in a single-byte encoding. */
function highHalf(encoding: 'windows-1252' | 'windows-1258'): number[] {
  const high = Array.from({ length: 128 }, (_, k) => (k < 32 ? CP1252_C1[k]! : 0x80 + k));
  if (encoding === 'windows-1258') for (const [b, cp] of Object.entries(CP1258_CHANGES)) high[Number(b) - 0x80] = cp;
  return high;
}

const REPLACEMENT = 0xfffd;

/**
 * What a decode call writes: UTF-16 code units into one typed buffer (as long as the input, which
 * no encoding here outgrows), turned into a string in slices (fromCharCode takes a bounded
 * argument list). Writing into an array one unit at a time was ~3x slower.
 */
class Units {
  readonly buffer: Uint16Array;
  length = 0;

  constructor(bound: number) {
    this.buffer = new Uint16Array(bound);
  }

  push(unit: number): void {
    this.buffer[this.length++] = unit;
  }

  pushCodePoint(cp: number): void {
    if (cp < 0x10000) this.push(cp);
    else {
      this.push(0xd800 + ((cp - 0x10000) >> 10));
      this.push(0xdc00 + ((cp - 0x10000) & 0x3ff));
    }
  }

  text(from: number): string {
    let out = '';
    for (let k = from; k < this.length; k += 8192) out += String.fromCharCode.apply(null, this.buffer.subarray(k, Math.min(this.length, k + 8192)) as unknown as number[]);
    return out;
  }
}

function bytesOf(input: ArrayBuffer | ArrayBufferView | undefined): Uint8Array {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new TypeError('The provided value is not of type (ArrayBuffer or ArrayBufferView)');
}

export class EncodingTextDecoder {
  readonly encoding: Encoding;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  /** Bytes of a sequence cut by the end of a streamed chunk. */
  private pending: number[] = [];
  /** Whether the stream's first bytes (where a byte order mark can stand) are still to come. */
  private atStart = true;
  /** Whether the last call was streamed: the next one goes on with its state, else starts afresh. */
  private streaming = false;
  /** Bytes 0x80–0xFF, for a single-byte encoding. */
  private readonly high: number[] | undefined;

  constructor(label = 'utf-8', options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    const encoding = encodingOf(String(label));
    if (!encoding) throw new RangeError(`The encoding label provided ('${label}') is invalid.`);
    this.encoding = encoding;
    this.fatal = Boolean(options.fatal);
    this.ignoreBOM = Boolean(options.ignoreBOM);
    this.high = encoding === 'windows-1252' || encoding === 'windows-1258' ? highHalf(encoding) : undefined;
  }

  decode(input?: ArrayBuffer | ArrayBufferView, options: { stream?: boolean } = {}): string {
    const fresh = bytesOf(input);
    if (!this.streaming) {
      this.pending = [];
      this.atStart = true;
    }
    const stream = Boolean(options.stream);
    this.streaming = stream;
    const bytes = this.pending.length > 0 ? Uint8Array.from([...this.pending, ...fresh]) : fresh;
    this.pending = [];
    const units = new Units(bytes.length + 1);
    let used: number;
    try {
      const high = this.high;
      if (high) {
        for (const b of bytes) units.push(b < 0x80 ? b : high[b - 0x80]!);
        used = bytes.length;
      } else if (this.encoding === 'utf-8') used = this.utf8(bytes, stream, units);
      else used = this.utf16(bytes, stream, units);
    } catch (err) {
      // The next call starts afresh. The standard keeps what follows a fatal error queued for a
      // streamed call (Node's UTF-16 does, its UTF-8 does not); no reader reuses a decoder that threw.
      this.streaming = false;
      throw err;
    }
    for (let k = used; k < bytes.length; k++) this.pending.push(bytes[k]!);
    let from = 0;
    if (this.atStart && (units.length > 0 || !stream)) {
      if (!this.ignoreBOM && units.buffer[0] === 0xfeff && units.length > 0 && !this.high) from = 1;
      this.atStart = false;
    }
    return units.text(from);
  }

  /** An error: U+FFFD, or for a fatal decoder a TypeError. */
  private bad(units: Units): void {
    if (this.fatal) throw new TypeError(`The encoded data was not valid for encoding ${this.encoding}`);
    units.push(REPLACEMENT);
  }

  /** Decodes what it can; how many bytes it used (the rest is an unfinished sequence kept for the stream). */
  private utf8(bytes: Uint8Array, stream: boolean, units: Units): number {
    let k = 0;
    while (k < bytes.length) {
      const b = bytes[k]!;
      if (b < 0x80) {
        units.push(b);
        k++;
        continue;
      }
      const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
      if (need === 0) {
        this.bad(units);
        k++;
        continue;
      }
      // The first continuation byte's range depends on the lead (no overlongs, surrogates or > U+10FFFF).
      const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
      let n = 0;
      for (; n < need && k + 1 + n < bytes.length; n++) {
        const c = bytes[k + 1 + n]!;
        if (c < (n === 0 ? low : 0x80) || c > (n === 0 ? high : 0xbf)) break;
        cp = (cp << 6) | (c & 0x3f);
      }
      if (n === need) {
        units.pushCodePoint(cp);
        k += need + 1;
      } else if (k + 1 + n === bytes.length && stream) {
        return k;
      } else {
        // The lead and the valid continuations read so far are one maximal subpart: one replacement.
        this.bad(units);
        k += n + 1;
      }
    }
    return k;
  }

  private utf16(bytes: Uint8Array, stream: boolean, units: Units): number {
    const le = this.encoding === 'utf-16le';
    let k = 0;
    for (; k + 1 < bytes.length; k += 2) {
      const unit = le ? bytes[k]! | (bytes[k + 1]! << 8) : (bytes[k]! << 8) | bytes[k + 1]!;
      if (unit >= 0xd800 && unit <= 0xdbff) {
        if (k + 3 >= bytes.length) {
          if (stream) return k;
          // A lead surrogate and an odd byte left at the end are one error, as the standard has it.
          this.bad(units);
          return bytes.length;
        }
        const next = le ? bytes[k + 2]! | (bytes[k + 3]! << 8) : (bytes[k + 2]! << 8) | bytes[k + 3]!;
        if (next >= 0xdc00 && next <= 0xdfff) {
          units.push(unit);
          units.push(next);
          k += 2;
        } else this.bad(units);
      } else if (unit >= 0xdc00 && unit <= 0xdfff) this.bad(units);
      else units.push(unit);
    }
    if (k < bytes.length && !stream) {
      this.bad(units);
      return bytes.length;
    }
    return k;
  }
}

export class EncodingTextEncoder {
  readonly encoding = 'utf-8';

  encode(input = ''): Uint8Array {
    const text = String(input);
    const out = new Uint8Array(text.length * 3);
    let n = 0;
    for (let k = 0; k < text.length; k++) {
      let c = text.charCodeAt(k);
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(k + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          k++;
        } else c = REPLACEMENT;
      }
      if (c < 0x80) out[n++] = c;
      else if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6);
        out[n++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        out[n++] = 0xe0 | (c >> 12);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      } else {
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 63);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      }
    }
    return out.slice(0, n);
  }
}
