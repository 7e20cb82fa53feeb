// An encrypted PDF's streams are ciphertext to the bomb guard (pdf-streams.ts), and pdfjs, which
// decrypts them, then inflates each one whole with no cap: a 1 MB file grew the CLI's worker past
// 1.5 GB before its deadline stopped it, and the add-in's pane, which reads on its own thread,
// has no such deadline. So the guard opens the file itself the way pdfjs does, with the empty
// password (ISO 32000-1 §7.6.3, ISO 32000-2 §7.6.4), and reads each stream's plaintext under the
// same caps. A file it cannot open so is not handed to pdfjs at all: pdfjs would need a password
// for it (the same error as before), or would read it unbounded.
import { md5, rc4 } from './pdf-crypt';
import { ExtractError } from './limits';

/** An indirect reference, "12 0 R". */
class Ref {
  constructor(readonly id: string) {}
}

type PdfValue = number | boolean | null | string | Uint8Array | Ref | PdfValue[] | { [key: string]: PdfValue };
type Dict = { [key: string]: PdfValue };

/** The 32 bytes a password is padded with (§7.6.3.3, algorithm 2). */
const PAD = new Uint8Array([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe,
  0x64, 0x53, 0x69, 0x7a,
]);

const cannotOpen = (why: string) => new ExtractError('encrypted', `The PDF is encrypted in a way this reader cannot open (${why}); it was not read.`);
const needsPassword = () => new ExtractError('encrypted', 'The PDF is password-protected.');

const isWhite = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number | undefined) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;

/** A small reader of PDF objects: enough for the encryption dictionary and the trailer's /ID. */
class ObjectReader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  private skip(): void {
    const b = this.bytes;
    for (;;) {
      while (isWhite(b[this.at])) this.at++;
      if (b[this.at] !== 0x25) return;
      while (this.at < b.length && b[this.at] !== 0x0a && b[this.at] !== 0x0d) this.at++;
    }
  }

  private word(): string {
    const b = this.bytes;
    const start = this.at;
    while (this.at < b.length && !isWhite(b[this.at]) && !isDelimiter(b[this.at])) this.at++;
    return String.fromCharCode(...b.subarray(start, this.at));
  }

  value(depth = 0): PdfValue {
    if (depth > 16) throw cannotOpen('nested too deep');
    this.skip();
    const b = this.bytes;
    const c = b[this.at];
    if (c === undefined) throw cannotOpen('the encryption dictionary ends early');
    if (c === 0x3c && b[this.at + 1] === 0x3c) {
      this.at += 2;
      const dict: Dict = {};
      for (;;) {
        this.skip();
        if (b[this.at] === 0x3e && b[this.at + 1] === 0x3e) {
          this.at += 2;
          return dict;
        }
        if (b[this.at] !== 0x2f) throw cannotOpen('a dictionary key is not a name');
        this.at++;
        dict[nameText(this.word())] = this.value(depth + 1);
      }
    }
    if (c === 0x5b) {
      this.at++;
      const list: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (b[this.at] === 0x5d) {
          this.at++;
          return list;
        }
        list.push(this.value(depth + 1));
      }
    }
    if (c === 0x2f) {
      this.at++;
      return nameText(this.word());
    }
    if (c === 0x28) return this.literal();
    if (c === 0x3c) return this.hex();
    const word = this.word();
    if (word === '') throw cannotOpen('an unexpected character');
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    const n = Number(word);
    if (Number.isNaN(n)) throw cannotOpen(`an unexpected word "${word.slice(0, 20)}"`);
    // "12 0 R": a reference.
    const back = this.at;
    this.skip();
    const gen = this.word();
    this.skip();
    if (/^\d+$/.test(word) && /^\d+$/.test(gen) && b[this.at] === 0x52 && (isWhite(b[this.at + 1]) || isDelimiter(b[this.at + 1]) || this.at + 1 >= b.length)) {
      this.at++;
      return new Ref(`${word} ${gen}`);
    }
    this.at = back;
    return n;
  }

  /** A literal string: escapes and nested parentheses, an end of line read as LF (§7.3.4.2). */
  private literal(): Uint8Array {
    const b = this.bytes;
    const out: number[] = [];
    let depth = 1;
    this.at++;
    while (this.at < b.length) {
      const c = b[this.at++]!;
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return new Uint8Array(out);
      if (c === 0x0d) {
        if (b[this.at] === 0x0a) this.at++;
        out.push(0x0a);
      } else if (c !== 0x5c) out.push(c);
      else {
        const e = b[this.at++];
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (e === undefined) break;
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && b[this.at]! >= 0x30 && b[this.at]! <= 0x37; k++) v = v * 8 + b[this.at++]! - 0x30;
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.at] === 0x0a) this.at++;
        } else if (e !== 0x0a) out.push(e);
      }
    }
    throw cannotOpen('a string does not end');
  }

  private hex(): Uint8Array {
    const b = this.bytes;
    const digits: number[] = [];
    this.at++;
    while (this.at < b.length && b[this.at] !== 0x3e) {
      const c = b[this.at++]!;
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
      if (v >= 0) digits.push(v);
    }
    this.at++;
    if (digits.length % 2) digits.push(0);
    const out = new Uint8Array(digits.length / 2);
    for (let k = 0; k < out.length; k++) out[k] = (digits[2 * k]! << 4) | digits[2 * k + 1]!;
    return out;
  }
}

/** A name with its #xx escapes read. */
function nameText(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function lastIndexOf(bytes: Uint8Array, word: string, before = bytes.length): number {
  const first = word.charCodeAt(0);
  outer: for (let at = bytes.lastIndexOf(first, before - 1); at >= 0; at = at > 0 ? bytes.lastIndexOf(first, at - 1) : -1) {
    for (let k = 1; k < word.length; k++) if (bytes[at + k] !== word.charCodeAt(k)) continue outer;
    return at;
  }
  return -1;
}

/** The last `/key` of the file followed by a value that reads as `accept` would have it. */
function lastEntry(bytes: Uint8Array, key: string, accept: (v: PdfValue) => boolean): PdfValue | undefined {
  for (let at = lastIndexOf(bytes, key); at >= 0; at = lastIndexOf(bytes, key, at)) {
    if (!isWhite(bytes[at + key.length]) && !isDelimiter(bytes[at + key.length])) continue;
    try {
      const v = new ObjectReader(bytes, at + key.length).value();
      if (accept(v)) return v;
    } catch {
      // Not this one (a "/Encrypt" in running text); look further back.
    }
  }
  return undefined;
}

/** The object "id obj" that pdfjs would take: the last one so numbered. */
function objectNamed(bytes: Uint8Array, id: string): Dict | undefined {
  const word = `${id} obj`;
  for (let at = lastIndexOf(bytes, word); at >= 0; at = lastIndexOf(bytes, word, at)) {
    const c = bytes[at - 1];
    if (c !== undefined && c >= 0x30 && c <= 0x39) continue;
    const v = new ObjectReader(bytes, at + word.length).value();
    return isDict(v) ? v : undefined;
  }
  return undefined;
}

function isDict(v: PdfValue | undefined): v is Dict {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !(v instanceof Ref) && !Array.isArray(v);
}
const bytesOf = (v: PdfValue | undefined): Uint8Array | undefined => (v instanceof Uint8Array ? v : undefined);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, k) => v === b[k]);
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw cannotOpen('this runtime has no WebCrypto');
  return s;
}

async function sha(bits: 256 | 384 | 512, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(`SHA-${bits}`, data as BufferSource));
}

/**
 * AES-CBC without padding either way. WebCrypto always pads: encrypting drops its padding block;
 * decrypting is given one more block, made to decrypt to a full block of padding, so that data
 * whose own last bytes are no valid padding (a crafted stream) is still decrypted whole.
 */
async function aesCbc(mode: 'encrypt' | 'decrypt', keyBytes: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', keyBytes as BufferSource, 'AES-CBC', false, ['encrypt', 'decrypt']);
  if (mode === 'encrypt') return new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: iv as BufferSource }, key, data as BufferSource)).subarray(0, data.length);
  if (data.length === 0) return data;
  const last = data.subarray(data.length - 16);
  const padding = new Uint8Array(16).fill(16);
  const extra = new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: last as BufferSource }, key, padding as BufferSource)).subarray(0, 16);
  return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: iv as BufferSource }, key, concat(data, extra) as BufferSource));
}

/** ISO 32000-2 algorithm 2.B: the hash of revision 6 (the password is empty here). */
async function hash2B(password: Uint8Array, salt: Uint8Array, udata: Uint8Array): Promise<Uint8Array> {
  let k = await sha(256, concat(password, salt, udata));
  let e: Uint8Array = new Uint8Array(0);
  for (let round = 0; round < 64 || e[e.length - 1]! > round - 32; round++) {
    const one = concat(password, k, udata);
    const k1 = new Uint8Array(one.length * 64);
    for (let r = 0; r < 64; r++) k1.set(one, r * one.length);
    e = await aesCbc('encrypt', k.subarray(0, 16), k.subarray(16, 32), k1);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = await sha(([256, 384, 512] as const)[sum % 3]!, e);
    if (round > 2048) throw cannotOpen('revision 6 hash does not end');
  }
  return k.subarray(0, 32);
}

/** How a stream of this file is decrypted. */
export interface StreamLock {
  /** The plaintext of the stream object `objectId` ("12 0"), or undefined when its data is not ciphertext of this file. */
  decrypt(objectId: string, data: Uint8Array): Promise<Uint8Array | undefined>;
}

type Method = 'rc4' | 'aesv2' | 'aesv3' | 'none';

/**
 * The file key for the empty password, as user and then as owner password, as pdfjs tries
 * them; throws 'encrypted' when neither opens the file, or when its security handler is one
 * pdfjs would not know either.
 */
export async function openWithEmptyPassword(bytes: Uint8Array): Promise<StreamLock> {
  const found = lastEntry(bytes, '/Encrypt', (v) => isDict(v) || v instanceof Ref);
  if (!found) throw cannotOpen('its encryption dictionary was not found');
  const dict = found instanceof Ref ? objectNamed(bytes, found.id) : found;
  if (!isDict(dict)) throw cannotOpen('its encryption dictionary was not found');
  const ids = lastEntry(bytes, '/ID', (v) => Array.isArray(v));
  const id = (Array.isArray(ids) && bytesOf(ids[0])) || new Uint8Array(0);
  if (dict.Filter !== 'Standard') throw cannotOpen(`security handler ${String(dict.Filter)}`);
  const v = Number(dict.V ?? 0);
  const r = Number(dict.R);
  const o = bytesOf(dict.O);
  const u = bytesOf(dict.U);
  if (!o || !u || !Number.isInteger(r) || r < 2 || r > 6 || ![1, 2, 4, 5].includes(v)) throw cannotOpen(`revision ${String(dict.R)}, version ${String(dict.V)}`);
  const method = streamMethod(dict, v);
  if (r >= 5) {
    const key = await revision6Key(dict, r, o, u);
    return lock(method, key);
  }
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, Number(dict.P ?? 0) | 0, true);
  const n = r === 2 ? 5 : keyLength(dict, v) / 8;
  const encryptMetadata = dict.EncryptMetadata !== false;
  // Algorithm 2: the key for a user password; algorithms 4 and 5 check it against /U.
  const keyFor = (padded: Uint8Array) => {
    let key = md5(padded, o.subarray(0, 32), p, id, r >= 4 && !encryptMetadata ? new Uint8Array([255, 255, 255, 255]) : new Uint8Array(0));
    if (r >= 3) for (let k = 0; k < 50; k++) key = md5(key.subarray(0, n));
    return key.subarray(0, n);
  };
  const opens = (key: Uint8Array) => {
    if (r === 2) return equal(rc4(key, PAD), u.subarray(0, 32));
    let check = md5(PAD, id);
    for (let k = 0; k < 20; k++) check = rc4(key.map((b) => b ^ k), check);
    return equal(check, u.subarray(0, 16));
  };
  const asUser = keyFor(PAD);
  if (opens(asUser)) return lock(method, asUser);
  // Algorithm 7: the empty owner password gives the user password out of /O.
  let ownerKey = md5(PAD);
  if (r >= 3) for (let k = 0; k < 50; k++) ownerKey = md5(ownerKey);
  ownerKey = ownerKey.subarray(0, n);
  let user = o.subarray(0, 32);
  if (r === 2) user = rc4(ownerKey, user);
  else for (let k = 19; k >= 0; k--) user = rc4(ownerKey.map((b) => b ^ k), user);
  const asOwner = keyFor(concat(user, PAD).subarray(0, 32));
  if (opens(asOwner)) return lock(method, asOwner);
  throw needsPassword();
}

/** The file key's length in bits, as pdfjs reads it. */
function keyLength(dict: Dict, v: number): number {
  let bits = Number(dict.Length ?? 0);
  if (!bits) {
    if (v <= 3) bits = 40;
    else {
      const filters = dict.CF;
      const handler = isDict(filters) && typeof dict.StmF === 'string' ? filters[dict.StmF] : undefined;
      bits = (isDict(handler) && Number(handler.Length)) || 128;
      if (bits < 40) bits <<= 3;
    }
  }
  if (!Number.isInteger(bits) || bits < 40 || bits > 128 || bits % 8) throw cannotOpen(`a key of ${bits} bits`);
  return bits;
}

/** How streams are encrypted: RC4 up to version 2; version 4 and 5 name a crypt filter. */
function streamMethod(dict: Dict, v: number): Method {
  if (v < 4) return 'rc4';
  const name = typeof dict.StmF === 'string' ? dict.StmF : 'Identity';
  if (name === 'Identity') return 'none';
  const filters = dict.CF;
  const filter = isDict(filters) ? filters[name] : undefined;
  const cfm = isDict(filter) ? filter.CFM : undefined;
  if (cfm === 'V2') return 'rc4';
  if (cfm === 'AESV2') return 'aesv2';
  if (cfm === 'AESV3') return 'aesv3';
  if (cfm === 'None' || cfm === undefined) return 'none';
  throw cannotOpen(`crypt filter ${String(cfm)}`);
}

/** Revisions 5 and 6: the file key out of /UE (empty user password) or /OE (empty owner password). */
async function revision6Key(dict: Dict, r: number, o: Uint8Array, u: Uint8Array): Promise<Uint8Array> {
  const ue = bytesOf(dict.UE);
  const oe = bytesOf(dict.OE);
  if (o.length < 48 || u.length < 48 || !ue || !oe || ue.length < 32 || oe.length < 32) throw cannotOpen('revision 6 entries are missing');
  const none = new Uint8Array(0);
  const hash = (salt: Uint8Array, udata: Uint8Array) => (r === 6 ? hash2B(none, salt, udata) : sha(256, concat(salt, udata)));
  const iv = new Uint8Array(16);
  if (equal(await hash(u.subarray(32, 40), none), u.subarray(0, 32))) return aesCbc('decrypt', await hash(u.subarray(40, 48), none), iv, ue.subarray(0, 32));
  const udata = u.subarray(0, 48);
  if (equal(await hash(o.subarray(32, 40), udata), o.subarray(0, 32))) return aesCbc('decrypt', await hash(o.subarray(40, 48), udata), iv, oe.subarray(0, 32));
  throw needsPassword();
}

function lock(method: Method, fileKey: Uint8Array): StreamLock {
  const objectKey = (objectId: string, salt: boolean) => {
    const [num = 0, gen = 0] = objectId.split(' ').map(Number);
    const suffix = new Uint8Array([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255]);
    return md5(fileKey, suffix, salt ? new Uint8Array([0x73, 0x41, 0x6c, 0x54]) : new Uint8Array(0)).subarray(0, Math.min(fileKey.length + 5, 16));
  };
  return {
    async decrypt(objectId, data) {
      if (method === 'none') return undefined;
      if (method === 'rc4') return rc4(objectKey(objectId, false), data);
      // AES: a 16-byte IV, then whole blocks (what follows the last whole block is the end of line before `endstream`).
      const blocks = Math.floor((data.length - 16) / 16) * 16;
      if (blocks <= 0) return undefined;
      const key = method === 'aesv3' ? fileKey : objectKey(objectId, true);
      return aesCbc('decrypt', key, data.subarray(0, 16), data.subarray(16, 16 + blocks));
    },
  };
}
