// Folding ("Nguyễn Văn ĐỨC" → "nguyen van duc") runs over the head of every document and body
// the scanner reads, and the Unicode passes it is defined by (NFD, two regexes, lower case) were
// a fifth of the folder scan's CPU. A table of each code unit's folded form, filled a block of
// 256 units the first time one of them is seen, does the same in one pass. The table only holds what is context-free: a
// code unit that could fold differently beside its neighbours (a combining mark other than
// U+0300–U+036F, which NFD may reorder; a unit whose fold is longer than itself; surrogates) has
// its stretch of text, from the base letter before it to the next plain letter, folded by the
// Unicode passes; a capital sigma, whose lower case depends on the whole word, sends the whole
// text there. The result is therefore always the reference's (fold.test.ts checks it).

/** The definition: lower case, no combining marks U+0300–U+036F after NFD, đ/Đ → d. */
function foldByPasses(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

// Table entries: 0 not yet seen; code+1 for a unit that folds to one code unit and starts a
// combining sequence (text can be cut before it); DROP for U+0300–U+036F; AROUND for a unit whose
// stretch goes to the passes; WHOLE for the capital sigma.
const DROP = -1;
const AROUND = -2;
const WHOLE = -3;
let table: Int32Array | undefined;

// Below this length the passes are as fast, and a text that is all short (a name, a subject)
// never pays for the table.
const SHORT = 64;

// The table is filled 256 units at a time, each pass run once over the whole block: the units
// are joined by U+0001, a control character that NFD keeps in place and no unit folds into, so
// the pieces between separators are each unit's own results.
const SEP = '\u0001';

function fillBlock(entries: Int32Array, block: number): void {
  const first = block << 8;
  if (first >= 0xd800 && first <= 0xdfff) {
    entries.fill(AROUND, first, first + 256);
    return;
  }
  const units: string[] = [];
  for (let unit = first; unit < first + 256; unit++) if (unit !== SEP.charCodeAt(0)) units.push(String.fromCharCode(unit));
  const folded = foldByPasses(units.join(SEP)).split(SEP);
  const nfd = units.join(SEP).normalize('NFD').split(SEP);
  // A unit whose decomposition opens with a non-starter (a combining mark NFD would reorder
  // among the marks before it) is not a place to cut: U+0345, of the highest class, moves
  // behind any such unit and stays before any starter.
  const probed = units.map((u) => `\u0345${u}`).join(SEP).normalize('NFD').split(SEP);
  for (let k = 0; k < units.length; k++) {
    const unit = units[k]!.charCodeAt(0);
    const one = folded[k]!;
    let entry: number;
    if (unit >= 0x300 && unit <= 0x36f) entry = DROP;
    else if (unit === 0x3a3) entry = WHOLE;
    else if (one.length !== 1 || probed[k] !== `\u0345${nfd[k]!}`) entry = AROUND;
    else entry = one.charCodeAt(0) + 1;
    entries[unit] = entry;
  }
  if (block === 0) entries[SEP.charCodeAt(0)] = SEP.charCodeAt(0) + 1;
}

// The folded units are written here; a text longer than RETAINED gets a buffer of its own, so
// one huge text does not keep its size in memory.
const RETAINED = 1 << 16;
let kept = new Uint16Array(1024);

function withRoom(buffer: Uint16Array, size: number): Uint16Array {
  if (buffer.length >= size) return buffer;
  const grown = new Uint16Array(Math.max(size, buffer.length * 2));
  grown.set(buffer);
  if (grown.length <= RETAINED) kept = grown;
  return grown;
}

// One native call turns the units into a string where the platform stores them little-endian,
// as the decoder reads them; a lone surrogate would come out as U+FFFD, so units holding any
// surrogate (only a stretch folded by the passes can) are turned one chunk at a time instead.
let decoder: TextDecoder | null | undefined;

function utf16Decoder(): TextDecoder | null {
  if (decoder === undefined) {
    const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    decoder = littleEndian && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
  }
  return decoder;
}

function stringOf(units: Uint16Array, surrogates: boolean): string {
  const native = surrogates ? null : utf16Decoder();
  if (native) return native.decode(units);
  const parts: string[] = [];
  for (let at = 0; at < units.length; at += 4096) parts.push(String.fromCharCode(...units.subarray(at, at + 4096)));
  return parts.join('');
}

/** Lower case without diacritics (Vietnamese đ included), for matching words however they were typed. */
export function fold(text: string): string {
  const length = text.length;
  if (length < SHORT) return foldByPasses(text);
  const entries = (table ??= new Int32Array(0x10000));
  let out = length <= RETAINED ? withRoom(kept, length) : new Uint16Array(length);
  let written = 0;
  let surrogates = false;
  // Where the text can be cut: before the last unit that starts a combining sequence, and how
  // much had been written by then.
  let cutIn = 0;
  let cutOut = 0;
  let i = 0;
  while (i < length) {
    const unit = text.charCodeAt(i);
    if (entries[unit] === 0) fillBlock(entries, unit >> 8);
    const entry = entries[unit]!;
    if (entry > 0) {
      cutIn = i;
      cutOut = written;
      out[written++] = entry - 1;
      i++;
    } else if (entry === DROP) {
      i++;
    } else if (entry === WHOLE) {
      return foldByPasses(text);
    } else {
      let end = i + 1;
      for (; end < length; end++) {
        const next = text.charCodeAt(end);
        if (entries[next] === 0) fillBlock(entries, next >> 8);
        const e = entries[next]!;
        if (e > 0) break;
        if (e === WHOLE) return foldByPasses(text);
      }
      const stretch = foldByPasses(text.slice(cutIn, end));
      out = withRoom(out, cutOut + stretch.length + (length - end));
      for (let k = 0; k < stretch.length; k++) {
        const folded = stretch.charCodeAt(k);
        if (folded >= 0xd800 && folded <= 0xdfff) surrogates = true;
        out[cutOut + k] = folded;
      }
      written = cutOut + stretch.length;
      // The stretch ends before a unit that starts a sequence; nothing before it is cut again.
      cutIn = end;
      cutOut = written;
      i = end;
    }
  }
  return stringOf(out.subarray(0, written), surrogates);
}
