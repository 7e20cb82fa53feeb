// pdfjs inflates every page's content stream again, whole, after the bomb guard has inflated it
// once to count it (through DecompressionStream where there is one: in Node, script-run web
// streams, a sixth of reading a 400-page PDF's text). So the streams the guard inflated are
// handed to pdfjs already inflated, as an incremental update (ISO 32000 §7.5.6) appended to its
// copy: the same objects again, uncompressed, and a cross-reference section pointing at them.
// pdfjs reads the last section first, so it takes these, and every other object as before.

/** A stream the bomb guard inflated: its object ("12 0"), its dictionary with /Filter gone and the new /Length, its bytes. */
export interface InflatedStream {
  objectId: string;
  dict: string;
  bytes: Uint8Array;
}

/** The most inflated bytes appended: past it, the rest are left for pdfjs to inflate. */
export const MOST_APPENDED_BYTES = 32 * 1024 * 1024;

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let k = 0; k < bytes.length; k += 0x2000) s += String.fromCharCode(...bytes.subarray(k, k + 0x2000));
  return s;
}

function countOf(bytes: Uint8Array, word: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(word[0]!); at >= 0; at = bytes.indexOf(word[0]!, at + 1)) {
    let k = 1;
    while (k < word.length && bytes[at + k] === word[k]) k++;
    if (k === word.length) n++;
  }
  return n;
}

const STARTXREF = new TextEncoder().encode('startxref');

/**
 * The trailer entries an update repeats (/Root, /Info, /ID) and /Size, read from the file's one
 * cross-reference section (a table's trailer or an xref stream's dictionary), and where it starts.
 * Undefined for a file updated before (two sections: an object found in the file may be an
 * outdated revision of itself), a damaged one, or an encrypted one.
 */
function lastSection(bytes: Uint8Array): { at: number; size: number; entries: string } | undefined {
  if (countOf(bytes, STARTXREF) !== 1) return undefined;
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const at = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1] ?? NaN);
  if (!Number.isSafeInteger(at) || at <= 0 || at >= bytes.length) return undefined;
  const head = latin1(bytes.subarray(at, Math.min(bytes.length, at + 64)));
  let dict: string;
  if (/^xref\s/.test(head)) {
    const trailer = latin1(bytes.subarray(at, bytes.length)).lastIndexOf('trailer');
    if (trailer < 0) return undefined;
    dict = latin1(bytes.subarray(at + trailer, bytes.length));
  } else if (/^\d+\s+\d+\s+obj\b/.test(head)) {
    const text = latin1(bytes.subarray(at, Math.min(bytes.length, at + 4096)));
    const stream = text.indexOf('stream');
    if (stream < 0 || !/\/Type\s*\/XRef\b/.test(text.slice(0, stream))) return undefined;
    dict = text.slice(0, stream);
  } else return undefined;
  if (/\/Encrypt\b/.test(dict)) return undefined;
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1];
  const size = Number(/\/Size\s+(\d+)/.exec(dict)?.[1] ?? NaN);
  if (!root || !Number.isSafeInteger(size)) return undefined;
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1];
  const id = /\/ID\s*(\[\s*<[0-9A-Fa-f\s]*>\s*<[0-9A-Fa-f\s]*>\s*\])/.exec(dict)?.[1];
  return { at, size, entries: `/Root ${root}${info ? ` /Info ${info}` : ''}${id ? ` /ID ${id}` : ''}` };
}

/**
 * The update holding `streams`, to be appended to the copy of `original`; undefined (the copy is
 * read as it is) when the file is not one whose objects can be taken as current (lastSection).
 */
export function inflatedUpdate(original: Uint8Array, streams: readonly InflatedStream[]): Uint8Array[] | undefined {
  if (streams.length === 0) return undefined;
  const section = lastSection(original);
  if (!section) return undefined;
  const objects = streams
    .map((s) => ({ ...s, num: Number(s.objectId.split(' ')[0]), gen: Number(s.objectId.split(' ')[1]) }))
    .filter((s) => s.num > 0 && s.num < section.size)
    .sort((a, b) => a.num - b.num);
  // One revision of each object: a number found twice in the file is left to pdfjs.
  const seen = new Map<number, number>();
  for (const o of objects) seen.set(o.num, (seen.get(o.num) ?? 0) + 1);
  const taken = objects.filter((o) => seen.get(o.num) === 1);
  if (taken.length === 0) return undefined;
  const enc = new TextEncoder();
  const pieces: Uint8Array[] = [enc.encode('\n')];
  let at = original.length + 1;
  const lines: string[] = [];
  for (const o of taken) {
    const head = enc.encode(`${o.num} ${o.gen} obj\n${o.dict}\nstream\n`);
    const tail = enc.encode('\nendstream\nendobj\n');
    lines.push(`${o.num} 1\n${String(at).padStart(10, '0')} ${String(o.gen).padStart(5, '0')} n \n`);
    pieces.push(head, o.bytes, tail);
    at += head.length + o.bytes.length + tail.length;
  }
  pieces.push(enc.encode(`xref\n0 1\n0000000000 65535 f \n${lines.join('')}trailer\n<< /Size ${section.size} ${section.entries} /Prev ${section.at} >>\nstartxref\n${at}\n%%EOF\n`));
  return pieces;
}
