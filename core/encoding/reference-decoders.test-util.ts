// The decoders as first written, a string built a character at a time: slow, plainly right,
// kept as the reference the table-driven decoders must agree with on any input.
import { TCVN3_DECODE, WORD } from './tcvn3';
import { VNI_DECODE } from './vni';

const UPPER_CODES = new Set(['\u00a1', '\u00a2', '\u00a3', '\u00a4', '\u00a5', '\u00a6', '\u00a7']);
const LOWER_CODES = new Set(['\u00a8', '\u00a9', '\u00aa', '\u00ab', '\u00ac', '\u00ad', '\u00ae']);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

type WordCase = 'lower' | 'caps' | 'unknown';

function mapChars(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  return out;
}

function wordCase(word: string): WordCase {
  let upperInside = false;
  let i = 0;
  for (const ch of word) {
    if ((ch >= 'a' && ch <= 'z') || LOWER_CODES.has(ch)) return 'lower';
    if (i > 0 && ((ch >= 'A' && ch <= 'Z') || UPPER_CODES.has(ch))) upperInside = true;
    i++;
  }
  return upperInside ? 'caps' : 'unknown';
}

export function referenceDecodeTcvn3(text: string, capitals = false): string {
  if (capitals) return mapChars(text).toUpperCase().normalize('NFC');
  const words: { start: number; end: number; text: string; kase: WordCase; toned: boolean }[] = [];
  for (const m of text.matchAll(WORD)) {
    const decoded = mapChars(m[0]);
    words.push({ start: m.index, end: m.index + m[0].length, text: decoded, kase: wordCase(m[0]), toned: decoded !== decoded.toUpperCase() });
  }
  let out = '';
  let last = 0;
  words.forEach((w, i) => {
    out += text.slice(last, w.start);
    last = w.end;
    let upper = w.kase === 'caps';
    if (w.kase === 'unknown' && w.toned) {
      const near: WordCase[] = [];
      const prev = words[i - 1];
      const next = words[i + 1];
      if (prev && !LINE_BREAK.test(text.slice(prev.end, w.start))) near.push(prev.kase);
      if (next && !LINE_BREAK.test(text.slice(w.end, next.start))) near.push(next.kase);
      upper = near.length > 0 && near.every((k) => k === 'caps');
    }
    out += upper ? w.text.toUpperCase() : w.text;
  });
  out += text.slice(last);
  return out.normalize('NFC');
}

const PAIRS = new Map([...VNI_DECODE].filter(([k]) => k.length === 2 && k === k.toLowerCase()));
const SINGLE_DECODE = new Map([...[...VNI_DECODE].filter(([k]) => k.length === 1), ...['í', 'ì', 'Í', 'Ì'].map((c): [string, string] => [c, c])]);
const UPPER = /\p{Lu}/u;

export function referenceDecodeVniCounting(text: string): { text: string; leftover: number } {
  let out = '';
  let leftover = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (next !== undefined && next >= '\u00c0') {
      const pair = PAIRS.get((ch + next).toLowerCase());
      if (pair !== undefined) {
        out += UPPER.test(ch) ? pair.toUpperCase() : pair;
        i++;
        continue;
      }
    }
    const single = SINGLE_DECODE.get(ch);
    if (single !== undefined) {
      out += single;
      continue;
    }
    if (ch >= '\u00c0' && ch <= '\u00ff' && ch !== '\u00d7' && ch !== '\u00f7') leftover++;
    out += ch;
  }
  return { text: out.normalize('NFC'), leftover };
}
