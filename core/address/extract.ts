// Finds e-mail addresses in running text, including the ways people hide them from
// harvesters: "ten [at] gmail [dot] com", "(AT)", full-width ＠ and ．, and addresses
// broken across lines by a word processor or a PDF.
//
// Speed matters here (every keystroke batch in webmail, whole documents in the scanner),
// so the text is searched only with String#indexOf for a few rare characters — '@', '＠',
// and the closing brackets of "[at]"/"(at)" — and each hit is parsed outward with char codes.

import { scratchUnits, unitsToString } from '../encoding/units';
import { firstFrom, INVISIBLE_CHARS, invisibleWithin, isInvisibleUnit, type SurveyIndex } from './invisible';

export { isInvisibleUnit } from './invisible';

export interface FoundAddress {
  /** Normalised: NFKC, lower case, de-obfuscated. */
  address: string;
  /** Where the match starts and how long it is in the text. */
  index: number;
  length: number;
  /** Written in a hidden form ([at], (dot), ＠, spaces around @). */
  obfuscated: boolean;
}

export interface ExtractOptions {
  /**
   * Accepts a domain for matches that needed guessing (spaces around '@', a domain broken
   * across lines). Without it such matches are dropped: a guess is only worth making for a
   * domain we know.
   */
  isKnownDomain?: (domain: string) => boolean;
  /**
   * Where the invisible characters and full-width at-signs of this very text stand, from a pass
   * that read it already (encoding/detect.ts's survey): the windows around the at-signs are then
   * not searched again, which in a directory, where they cover the whole text, was a quarter of
   * extracting it, nor the text for its full-width at-signs.
   */
  survey?: SurveyIndex;
}

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
function isFullWidthAlnum(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}
function isLabelChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 45 /* - */ || isFullWidthAlnum(c) || c === 0xff0d;
}
function isLocalChar(c: number): boolean {
  // RFC 5322 atext as people actually use it in documents: no quotes, no '/', no '='.
  return isLabelChar(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 39 || c === 0xff0e || c === 0xff3f;
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}
function isDot(c: number): boolean {
  return c === 46 || c === 0xff0e || c === 0x3002;
}
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
/** The opening bracket that pairs with a closing one, or -1. */
function openFor(close: number): number {
  switch (close) {
    case 93: return 91; // ] [
    case 41: return 40; // ) (
    case 125: return 123; // } {
    case 0xff3d: return 0xff3b; // full-width ］ ［
    case 0xff09: return 0xff08; // full-width ） （
    default: return -1;
  }
}

/**
 * Whether a parse around an at-sign or bracket reads on past this unit, in either direction: every
 * parse reads outward through these and stops at the first other unit (after-edit.ts relies on it).
 */
export function isAddressUnit(c: number): boolean {
  return isLocalChar(c) || isBlank(c) || isLineBreak(c) || isDot(c) || openFor(c) >= 0 || c === 91 || c === 40 || c === 123 || c === 0xff3b || c === 0xff08 || c === 64 || c === 0xff20;
}

/** If text[at..] spells `word` (ASCII, any case), its end; else -1. */
function matchWord(text: string, at: number, word: string): number {
  for (let k = 0; k < word.length; k++) {
    if (lower(text.charCodeAt(at + k)) !== word.charCodeAt(k)) return -1;
  }
  return at + word.length;
}

function skipBlanks(text: string, i: number, dir: 1 | -1): number {
  while (isBlank(text.charCodeAt(i))) i += dir;
  return i;
}

/** A bracketed word such as "[dot]" or "( at )" starting at i; its end, else -1. */
function bracketedWord(text: string, i: number, word: string): number {
  const open = text.charCodeAt(i);
  if (open !== 91 && open !== 40 && open !== 123 && open !== 0xff3b && open !== 0xff08) return -1;
  let j = skipBlanks(text, i + 1, 1);
  j = matchWord(text, j, word);
  if (j < 0) return -1;
  j = skipBlanks(text, j, 1);
  const close = text.charCodeAt(j);
  return openFor(close) === open ? j + 1 : -1;
}

// What scanDomain read besides the domain it returns, and what parseAround found besides the
// address it returns: kept here rather than in an object per address (a directory has tens of
// thousands). Callers copy them out before calling anything else.
let domainEnd = 0;
let domainObfuscated = false;
let domainGuessed = false;
/** The domain is text.slice(start, domainEnd) itself: no label was joined from hidden or broken separators. */
let domainPlain = false;
/** The domain as it stood before the first guess across a line break, if that is a domain. */
let guessDomain: string | undefined;
let guessEnd = 0;
let foundIndex = 0;
let foundLength = 0;
let foundObfuscated = false;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/** At least two labels, none starting or ending with '-', and a top-level label of letters. */
function validTail(count: number, hyphenEdge: boolean, text: string, tldStart: number, tldEnd: number): boolean {
  if (count < 2 || hyphenEdge || tldEnd - tldStart < 2) return false;
  for (let k = tldStart; k < tldEnd; k++) if (!isLetter(text.charCodeAt(k))) return false;
  return true;
}

/** Reads a domain starting at i: labels joined by '.', '．', "[dot]", "(dot)" or " dot ". */
function scanDomain(text: string, i: number): string | undefined {
  // The common case, "gmail.com" written plainly, is sliced from the text in one piece;
  // labels are collected only once a hidden or wrapped separator makes that impossible.
  let labels: string[] | undefined;
  let count = 0;
  let lastStart = i;
  let obfuscated = false;
  let guessed = false;
  let beforeGuess: string | undefined;
  let beforeGuessEnd = 0;
  let end = i;
  let pos = i;
  let hyphenEdge = false;
  for (;;) {
    const start = pos;
    while (isLabelChar(text.charCodeAt(pos))) pos++;
    if (pos === start || pos - start > 63) break;
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(pos - 1);
    if (first === 45 || last === 45 || first === 0xff0d || last === 0xff0d) hyphenEdge = true;
    if (labels) labels.push(text.slice(start, pos));
    count++;
    lastStart = start;
    end = pos;
    if (end - i > MAX_DOMAIN) return undefined;
    // A separator, then the next label must follow, else the domain ended at `end`.
    let next = -1;
    let plainDot = false;
    const c = text.charCodeAt(pos);
    if (c === 46) {
      next = pos + 1;
      plainDot = true;
    } else if (isDot(c)) {
      next = pos + 1;
      obfuscated = true;
    } else {
      const b = skipBlanks(text, pos, 1);
      const bracket = bracketedWord(text, b, 'dot');
      if (bracket > 0) {
        next = skipBlanks(text, bracket, 1);
        obfuscated = true;
      } else if (b > pos) {
        const word = matchWord(text, b, 'dot');
        if (word > 0 && isBlank(text.charCodeAt(word))) {
          next = skipBlanks(text, word, 1);
          obfuscated = true;
        }
      }
    }
    if (next < 0) break;
    let n = next;
    if (!isLabelChar(text.charCodeAt(n))) {
      // "gmail.\ncom": a word processor wrapped the line inside the domain.
      let k = n;
      let sawBreak = false;
      while (isBlank(text.charCodeAt(k)) || isLineBreak(text.charCodeAt(k))) {
        if (isLineBreak(text.charCodeAt(k))) sawBreak = true;
        k++;
      }
      if (!sawBreak || !isLabelChar(text.charCodeAt(k))) break;
      n = k;
      labels ??= text.slice(i, end).split('.');
      if (!guessed && validTail(count, hyphenEdge, text, lastStart, end)) {
        beforeGuess = labels.join('.');
        beforeGuessEnd = end;
      }
      guessed = true;
    } else if (!plainDot) {
      labels ??= text.slice(i, end).split('.');
    }
    pos = n;
  }
  domainObfuscated = obfuscated;
  guessDomain = undefined;
  if (!validTail(count, hyphenEdge, text, lastStart, end)) {
    domainEnd = beforeGuessEnd;
    domainGuessed = false;
    domainPlain = false;
    return beforeGuess;
  }
  domainPlain = labels === undefined;
  domainEnd = end;
  domainGuessed = guessed;
  guessDomain = beforeGuess;
  guessEnd = beforeGuessEnd;
  return labels ? labels.join('.') : text.slice(i, end);
}

/** Reads the local part ending just before `end`; its start, else -1. */
function scanLocal(text: string, end: number): number {
  let s = end;
  while (s > 0 && end - s < MAX_LOCAL && isLocalChar(text.charCodeAt(s - 1))) s--;
  // Trailing or leading dots belong to the sentence, not the address.
  while (s < end && isDot(text.charCodeAt(s))) s++;
  if (s === end || isDot(text.charCodeAt(end - 1))) return -1;
  if (end - s >= MAX_LOCAL && s > 0 && isLocalChar(text.charCodeAt(s - 1))) return -1;
  return s;
}

function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 0x80) return false;
  return true;
}

function isKnown(domain: string, opts: ExtractOptions): boolean {
  return opts.isKnownDomain?.(normalise('x', domain).slice(2)) ?? false;
}

function normalise(local: string, domain: string): string {
  const address = `${local}@${domain}`;
  // Full-width forms (＠, ．, ｇｍａｉｌ) fold to ASCII; plain ASCII needs no Unicode pass. Its parts
  // are read as they are: a regex over the joined string first copied it into one piece.
  return (isAscii(local) && isAscii(domain) ? address : address.normalize('NFKC')).toLowerCase();
}

/** normalise for an address written in one piece, '@' and all: the same string, from one slice. */
function normaliseWhole(address: string): string {
  return (isAscii(address) ? address : address.normalize('NFKC')).toLowerCase();
}

/**
 * Parses an address around an '@' (or its hidden form) spanning [atStart, atEnd): the address,
 * with where it stands in foundIndex, foundLength and foundObfuscated.
 * `hidden`: the at-sign itself was written in a hidden form.
 */
function parseAround(text: string, atStart: number, atEnd: number, hidden: boolean, opts: ExtractOptions): string | undefined {
  let localEnd = skipBlanks(text, atStart - 1, -1) + 1;
  let domainStart = skipBlanks(text, atEnd, 1);
  let spaced = localEnd !== atStart || domainStart !== atEnd;
  // "nguyenvana@⏎gmail.com": the line was wrapped right after the at-sign.
  let wrapped = false;
  if (isLineBreak(text.charCodeAt(domainStart))) {
    while (isBlank(text.charCodeAt(domainStart)) || isLineBreak(text.charCodeAt(domainStart))) domainStart++;
    wrapped = true;
    spaced = false;
  }
  // "ten[@]gmail.com" and "ten (@) gmail.com"
  const before = text.charCodeAt(localEnd - 1);
  const after = text.charCodeAt(domainStart);
  if (!hidden && openFor(after) >= 0 && openFor(after) === before) {
    localEnd = skipBlanks(text, localEnd - 2, -1) + 1;
    domainStart = skipBlanks(text, domainStart + 1, 1);
    hidden = true;
    spaced = false;
  }
  const localStart = scanLocal(text, localEnd);
  if (localStart < 0) return undefined;
  let domain = scanDomain(text, domainStart);
  if (domain === undefined) return undefined;
  let end = domainEnd;
  // Written as it reads ("ten@gmail.com"): the address is the text from its start to its end.
  const whole = domainPlain && !domainGuessed && localEnd === atStart && domainStart === atStart + 1 && text.charCodeAt(atStart) === 64;
  const obfuscated = hidden || spaced || domainObfuscated || text.charCodeAt(atStart) === 0xff20;
  if (domainGuessed) {
    const before = guessDomain;
    const beforeEnd = guessEnd;
    if (!isKnown(domain, opts)) {
      // The join across lines was wrong ("gmail.com.⏎Next line"): keep what came before it.
      if (before === undefined) return undefined;
      domain = before;
      end = beforeEnd;
    }
  }
  if ((spaced || wrapped) && !isKnown(domain, opts)) return undefined;
  foundIndex = localStart;
  foundLength = end - localStart;
  foundObfuscated = obfuscated;
  // A slice of the text is the joined string without the parts and the joins made first.
  return whole ? normaliseWhole(text.slice(localStart, end)) : normalise(text.slice(localStart, localEnd), domain);
}

/** The hidden at-sign "[at]" / "(AT)" whose closing bracket is at `close`: its start, else -1. */
function hiddenAtBefore(text: string, close: number): number {
  const open = openFor(text.charCodeAt(close));
  if (open < 0) return -1;
  let j = skipBlanks(text, close - 1, -1);
  if (lower(text.charCodeAt(j)) !== 116 || lower(text.charCodeAt(j - 1)) !== 97) return -1;
  j = skipBlanks(text, j - 2, -1);
  return text.charCodeAt(j) === open ? j : -1;
}

/**
 * Every address in `text`, in order of appearance, each once per place it appears. Invisible
 * format characters inside an address ("canbo@gmail\u200b.com") are read through; index and
 * length still point into `text` as given, so a quote shows the address as it was written.
 */
export function extractAddresses(text: string, opts: ExtractOptions = {}): FoundAddress[] {
  const plain = extractVisible(text, opts, true);
  if (plain) return plain;
  const { visible, dropped } = withoutInvisible(text);
  const original = (k: number) => k + droppedUpTo(dropped, k);
  return extractVisible(visible, opts, false)!.map((f) => {
    const index = original(f.index);
    return { ...f, index, length: original(f.index + f.length - 1) + 1 - index };
  });
}

/**
 * The addresses extractAddresses finds, in its order, without where they stand: what the rules
 * need. Dropping invisible characters keeps the order of what is left, so the addresses read from
 * the shortened text need no mapping back.
 */
export function extractAddressList(text: string, opts: ExtractOptions = {}): string[] {
  const found = extractVisible(text, opts, true) ?? extractVisible(withoutInvisible(text).visible, opts, false)!;
  return found.map((f) => f.address);
}

/**
 * The text without its invisible characters, and where each dropped one stood, counted in the
 * shortened text. Copied a unit at a time into one buffer: a regex replace gave a string that cost
 * ~12 ms per M characters to flatten on the first search of TCVN3 text, whose "ư" is the soft
 * hyphen's code, and a callback per dropped character cost as much again.
 */
function withoutInvisible(text: string): { visible: string; dropped: number[] } {
  const units = scratchUnits(text.length);
  const dropped: number[] = [];
  let length = 0;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isInvisibleUnit(c)) {
      dropped.push(length);
      continue;
    }
    if ((c & 0xf800) === 0xd800) surrogates = true;
    units[length++] = c;
  }
  return { visible: unitsToString(units, length, surrogates), dropped };
}

/** How many dropped characters stood before the kept character at `k` of the shortened text. */
function droppedUpTo(dropped: readonly number[], k: number): number {
  let lo = 0;
  let hi = dropped.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dropped[mid]! <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Looks for invisible characters in the windows around one scan's hits. The hits come in order,
 * so a stretch already found clean is not searched again: in a directory, with an address every
 * few hundred characters, the ~400-character windows overlap and were searched up to twice over.
 * Where windows overlap, the addresses are dense and the whole stretch will be searched anyway:
 * one regular-expression call reads ahead far past the window, several times faster than a loop
 * reading each code unit, which was a fifth of extracting a directory.
 */
function invisibleWatch(text: string): (from: number, to: number) => boolean {
  let cleanFrom = 0;
  let cleanTo = 0;
  // Whether an invisible character lies within [from, to).
  return (from, to) => {
    from = Math.max(0, from);
    to = Math.min(text.length, to);
    if (from >= cleanFrom && from <= cleanTo) {
      if (to <= cleanTo) return false;
      const ahead = Math.min(text.length, Math.max(to, cleanTo + READ_AHEAD));
      const at = firstInvisible(text, cleanTo, ahead);
      if (at >= 0 && at < to) return true;
      // Clean up to the invisible character found beyond the window, or through what was read.
      cleanTo = at >= 0 ? at : ahead;
      return false;
    }
    if (firstInvisible(text, from, to) >= 0) return true;
    // One watch serves every scan, and each scan starts over from the text's start: a window
    // before the clean stretch joins it, or leaves it for the later hits when it is the longer.
    if (from < cleanFrom && to >= cleanFrom) cleanFrom = from;
    else if (from > cleanTo || to - from > cleanTo - cleanFrom) {
      cleanFrom = from;
      cleanTo = to;
    }
    return false;
  };
}

/** How far one search reads ahead once windows overlap. */
const READ_AHEAD = 16_384;
const ANY_INVISIBLE = new RegExp(INVISIBLE_CHARS.source, 'u');

/**
 * The first invisible character within [from, to), or -1. A regex call on a slice (which V8 makes
 * without copying) reads a window of a few hundred units faster than a loop reading each one,
 * most of all when the text is itself a slice of a larger string, as a host's body can be.
 */
function firstInvisible(text: string, from: number, to: number): number {
  const k = text.slice(from, to).search(ANY_INVISIBLE);
  return k < 0 ? -1 : from + k;
}

/** An invisible character within the few units before a closing bracket (a hidden "[a\u200bt]"). */
function invisibleJustBefore(text: string, at: number, units: number): boolean {
  for (let k = Math.max(0, at - units); k < at; k++) if (isInvisibleUnit(text.charCodeAt(k))) return true;
  return false;
}

// How far from an at-sign an address can reach: a local part with blanks and brackets before
// it, a domain with its separators after it.
const REACH_BEFORE = MAX_LOCAL + 16;
const REACH_AFTER = MAX_DOMAIN + 64;

/**
 * `watch`: give up (undefined) as soon as an invisible character sits where an address could
 * be, so that only such texts pay for a copy without them; looking near the few at-signs and
 * brackets keeps a long clean text from being scanned once more. Only the at-signs and brackets
 * within [hitsFrom, hitsTo) are parsed (after-edit.ts), each reading the whole text around it.
 */
export function extractVisible(text: string, opts: ExtractOptions, watch: boolean, hitsFrom = 0, hitsTo = text.length): FoundAddress[] | undefined {
  // One watch for the four scans: a stretch one scan found clean (in a directory, the '@' scan's
  // windows cover nearly the whole text) is not searched again for the next scan's hits.
  const near = invisibleWatch(text);
  // The survey is of the text as given; the text without its invisible characters is another.
  const survey = watch ? opts.survey : undefined;
  // Read from the survey as far as it reaches; past that (or without one), searched here.
  const invisibleNear = (from: number, to: number) => (survey && to <= survey.readTo ? invisibleWithin(survey, from, to) : near(from, to));
  const scans: FoundAddress[][] = [];
  for (const at of ['@', '\uff20']) {
    const found: FoundAddress[] = [];
    const read = (i: number): boolean => {
      if (watch && invisibleNear(i - REACH_BEFORE, i + REACH_AFTER)) return false;
      const address = parseAround(text, i, i + 1, false, opts);
      if (address !== undefined) found.push({ address, index: foundIndex, length: foundLength, obfuscated: foundObfuscated });
      return true;
    };
    // The full-width at-signs the survey listed are not searched for again.
    let from = hitsFrom;
    if (at === '\uff20' && survey) {
      const listed = survey.fullWidthAts;
      for (let k = firstFrom(listed, hitsFrom); k < listed.length && listed[k]! < hitsTo; k++) if (!read(listed[k]!)) return undefined;
      from = Math.max(from, survey.readTo);
    }
    for (let i = text.indexOf(at, from); i !== -1 && i < hitsTo; i = text.indexOf(at, i + 1)) if (!read(i)) return undefined;
    scans.push(found);
  }
  for (const close of [']', ')']) {
    const found: FoundAddress[] = [];
    for (let i = text.indexOf(close, hitsFrom); i !== -1 && i < hitsTo; i = text.indexOf(close, i + 1)) {
      // "[a\u200bt]": the hidden at-sign itself may hold one.
      if (watch && (survey && i <= survey.readTo ? invisibleWithin(survey, i - 12, i) : invisibleJustBefore(text, i, 12))) return undefined;
      const open = hiddenAtBefore(text, i);
      if (open < 0) continue;
      if (watch && invisibleNear(open - REACH_BEFORE, i + REACH_AFTER)) return undefined;
      const address = parseAround(text, open, i + 1, true, opts);
      if (address !== undefined) found.push({ address, index: foundIndex, length: foundLength, obfuscated: foundObfuscated });
    }
    scans.push(found);
  }
  return inTextOrder(scans);
}

/**
 * The scans' finds as one list in order of place, the earlier scan's first where two start at the
 * same place, and only that one: the same place can be reached twice ("ten (@) x.com" has an '@'
 * and a bracket). Each scan's finds come in order, so they are merged, not sorted: a directory's
 * hidden forms made a sort of tens of thousands of finds.
 */
function inTextOrder(scans: FoundAddress[][]): FoundAddress[] {
  // '@' finds alone arrive in order.
  if (scans.every((s, k) => k === 0 || s.length === 0)) return scans[0]!;
  let merged: FoundAddress[];
  if (scans.every(ascending)) {
    merged = [];
    const next = scans.map(() => 0);
    for (;;) {
      let best = -1;
      for (let n = 0; n < scans.length; n++) {
        if (next[n]! < scans[n]!.length && (best < 0 || scans[n]![next[n]!]!.index < scans[best]![next[best]!]!.index)) best = n;
      }
      if (best < 0) break;
      merged.push(scans[best]![next[best]!++]!);
    }
  } else {
    // Not met in any text tried; kept so that the order never rests on that. The sort is stable.
    merged = scans.flat().sort((a, b) => a.index - b.index);
  }
  return merged.filter((f, k) => k === 0 || f.index !== merged[k - 1]!.index);
}

function ascending(found: readonly FoundAddress[]): boolean {
  for (let k = 1; k < found.length; k++) if (found[k]!.index < found[k - 1]!.index) return false;
  return true;
}

/** Addresses named by link targets: `mailto:` with its to/cc/bcc, percent-encoded or not. */
export function addressesFromLinks(links: readonly string[], opts: ExtractOptions = {}): string[] {
  const out: string[] = [];
  for (const link of links) {
    const m = /^\s*mailto:/i.exec(link);
    if (!m) continue;
    let target = link.slice(m[0].length);
    try {
      target = decodeURIComponent(target);
    } catch {
      // A stray '%' is not worth losing the link over.
    }
    const [path = '', query = ''] = target.split('?', 2);
    const parts = [path];
    for (const pair of query.split('&')) {
      const [key = '', value = ''] = pair.split('=', 2);
      if (/^(to|cc|bcc)$/i.test(key)) parts.push(value);
    }
    for (const part of parts) out.push(...extractAddressList(part.replace(/[,;]/g, ' '), opts));
  }
  return out;
}
