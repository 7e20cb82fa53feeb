// A strict streaming XML scanner for the parts read by the hundred thousand (spreadsheet cells
// and shared strings). saxes builds a tag object and an attribute dictionary for every element:
// on a 100,000-row sheet that was ~750 MB of allocation and most of the reading time. Here a
// tag's attributes stay where they are in the input and are checked in place; a handler asks
// for the one it needs by local name. What it accepts and what it emits is what saxes
// (xmlns off) accepts and emits, checked against saxes over real files and random mutations
// (xml-scan.test.ts); what it does not handle (a DOCTYPE) is handed back to saxes.
import { ExtractError } from './limits';

/** XmlHandler (xml.ts), as the scanner calls it. */
export interface ScanHandler {
  /**
   * `name` is the local name (prefix dropped); `attr` reads this tag's attributes, by local name;
   * `qname` is the name as written, for a reader that resolves namespaces (attributes() gives the rest).
   */
  open?(name: string, attr: (local: string) => string | undefined, qname: string): void;
  close?(name: string): void;
  /** Character data and CDATA, entities resolved and line ends normalised as XML says. */
  text?(text: string): void;
}

/** Thrown before any event when the part has a DOCTYPE: saxes reads it instead. */
export const NEEDS_SAXES = { needsSaxes: true };

/** Attributes a tag may have before their names are checked for repeats through a set. */
const MANY_ATTRIBUTES = 32;

/** Markup past which text waiting for its end is handed on in pieces. */
const TEXT_PIECE = 65536;

const WS = /^[ \t\n\r]*$/;
// The control characters below are the ones XML's Char production leaves out: they must be found.
/** Stops at what plain text cannot hold as is: markup, references, CR, `]]>` candidates, non-Chars. */
// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[<&\r\]\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
/** The same inside a quoted attribute value, where tab and newline also become spaces. */
// eslint-disable-next-line no-control-regex
const ATTR_SPECIAL = /[<&\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NOT_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const START = ':A-Z_a-z\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
// XML's NameChar includes the combining marks U+0300–U+036F, which the rule takes for a misleading class.
// eslint-disable-next-line no-misleading-character-class
const NAME = new RegExp(`^[${START}][${START}\\-.0-9\\xB7\\u0300-\\u036F\\u203F\\u2040]*$`, 'u');
const XML_DECL =
  /^<\?xml[ \t\n\r]+version[ \t\n\r]*=[ \t\n\r]*(["'])1\.[0-9]+\1(?:[ \t\n\r]+encoding[ \t\n\r]*=[ \t\n\r]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n\r]+standalone[ \t\n\r]*=[ \t\n\r]*(["'])(?:yes|no)\3)?[ \t\n\r]*\?>$/;
const ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** Characters that end a name; anything else is taken into it and the whole name is checked. */
const endsName = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 62 || c === 47 || c === 61 || c === 34 || c === 39 || c === 60;

/**
 * Where the name starting at `from` ends (at the first character that cannot continue one),
 * as `-end - 1` when the name is not plain ASCII and needs the full check of isName.
 */
function nameEnd(s: string, from: number, n: number): number {
  let p = from;
  let plain = p < n && ASCII_NAME[s.charCodeAt(p)] === START_CHAR;
  for (; p < n; p++) {
    const c = s.charCodeAt(p);
    const k = c < 128 ? ASCII_NAME[c]! : OTHER;
    if (k === ENDS) break;
    if (k === OTHER) plain = false;
  }
  return plain && p > from ? p : -p - 1;
}

// What each ASCII character is to a name: anything else is OTHER (checked by the full rule).
const OTHER = 0;
const START_CHAR = 1;
const NAME_CHAR = 2;
const ENDS = 3;
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_NAME[c] = /[A-Za-z_:]/.test(ch) ? START_CHAR : /[0-9.-]/.test(ch) ? NAME_CHAR : endsName(c) ? ENDS : OTHER;
}

/** A name that nameEnd found: plain ones are valid as they are, the rest are checked in full. */
function nameTo(s: string, from: number, end: number): number {
  if (end >= 0) return end;
  const to = -end - 1;
  return isName(s, from, to) ? to : -1;
}

function isName(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const c0 = s.charCodeAt(from);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95 || c0 === 58)) return NAME.test(s.slice(from, to));
  for (let k = from + 1; k < to; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46)) return NAME.test(s.slice(from, to));
  }
  return true;
}

const isXmlChar = (n: number) => n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

export class XmlScanner {
  private rest = '';
  /** The new input must hold this character before an unfinished token is tried again. */
  private awaiting = 0;
  private readonly stack: string[] = [];
  /** The local names of `stack`. */
  private readonly locals: string[] = [];
  /** Element names met so far, and their local names. */
  private readonly known: string[] = [];
  private readonly knownLocal: string[] = [];
  private rootSeen = false;
  /** Anything read: an XML declaration is allowed only before. */
  private started = false;
  /** Any markup read: saxes drops the whitespace that comes before the first. */
  private markup = false;
  /** Whitespace before the root, held back so that a DOCTYPE can still go to saxes untouched. */
  private prolog = '';
  // The open tag being reported: its input and where each attribute's name and value are.
  private tagSrc = '';
  private readonly names: number[] = [];
  private readonly values: number[] = [];
  /** Length and three characters of each attribute name: only names alike are compared in full. */
  private readonly hashes: number[] = [];
  private count = 0;
  private readonly attrFn = (local: string) => this.attr(local);

  // The handler's functions, read once: every office part has a handler object of its own shape,
  // and reading them from the handler at each tag made those reads megamorphic in the hot loop
  // (the 100k-row sheet read ~5% slower once the scanner read the workbook and relationships too).
  private readonly onOpen: ScanHandler['open'];
  private readonly onClose: ScanHandler['close'];
  private readonly onText: ScanHandler['text'];

  constructor(
    private readonly h: ScanHandler,
    private readonly label: string,
  ) {
    this.onOpen = h.open;
    this.onClose = h.close;
    this.onText = h.text;
  }

  private fail(why: string): never {
    throw new ExtractError('corrupt', `${this.label} is not well-formed XML (${why}).`);
  }

  write(chunk: string): void {
    // An unfinished token is tried again only once its end can be there: a long one is read once, not per chunk.
    if (this.awaiting && chunk.indexOf(String.fromCharCode(this.awaiting)) < 0 && (this.awaiting !== 60 || this.rest.length + chunk.length < TEXT_PIECE)) {
      this.rest += chunk;
      return;
    }
    let s = chunk;
    let from = 0;
    if (this.rest) {
      // The unfinished token is completed from a short head, joined; the chunk is then read in
      // place (one flat string: reads through a concatenation are several times slower).
      const rest = this.rest;
      const text = this.awaiting === 60;
      const end = chunk.indexOf(text ? '<' : '>');
      this.rest = '';
      if (end < 0) s = [rest, chunk].join('');
      else if (text) {
        this.text([rest, chunk.slice(0, end)].join(''), 0, rest.length + end);
        from = end;
      } else {
        const head = [rest, chunk.slice(0, end + 1)].join('');
        const i = this.scan(head, 0);
        if (i === head.length) from = end + 1;
        else s = [head.slice(i), chunk.slice(end + 1)].join('');
      }
    }
    this.awaiting = 0;
    const i = this.scan(s, from);
    if (i < s.length) this.rest = s.slice(i);
  }

  close(): void {
    const s = this.rest;
    this.rest = '';
    if (s.indexOf('<') >= 0) this.fail(this.stack.length ? `unclosed tag: ${this.stack[this.stack.length - 1]}` : 'unfinished markup at the end');
    if (this.stack.length) this.fail(`unclosed tag: ${this.stack[this.stack.length - 1]}`);
    if (!this.rootSeen) this.fail('document must contain a root element');
    if (s) this.text(s, 0, s.length);
  }

  /** Reads every complete token of `s`; returns where the unfinished rest begins. */
  private scan(s: string, from: number): number {
    let i = from;
    const n = s.length;
    while (i < n) {
      // Markup often follows markup: the search is a call, the look is not.
      const lt = s.charCodeAt(i) === 60 ? i : s.indexOf('<', i);
      if (lt < 0) {
        if (n - i < TEXT_PIECE) return this.wait(i, 60);
        const cut = safeCut(s, i, n);
        this.text(s, i, cut);
        return this.wait(cut, 60);
      }
      if (lt > i) this.text(s, i, lt);
      i = lt;
      if (lt + 1 >= n) return this.wait(i, 62);
      const c = s.charCodeAt(lt + 1);
      const end = c === 47 ? this.closeTag(s, lt) : c === 33 ? this.bang(s, lt) : c === 63 ? this.pi(s, lt) : this.openTag(s, lt);
      if (end < 0) return this.wait(i, 62);
      this.started = this.markup = true;
      i = end;
    }
    return i;
  }

  private wait(i: number, char: number): number {
    this.awaiting = char;
    return i;
  }

  private text(s: string, from: number, to: number): void {
    this.started = true;
    let at = from;
    for (; at < to; at++) {
      const c = s.charCodeAt(at);
      if (c < 32 ? c !== 9 && c !== 10 : c === 38 || c === 93 || c >= 0xfffe) break;
    }
    const out = at === to ? s.slice(from, to) : this.resolve(s, from, at, to, false);
    if (this.stack.length === 0) {
      if (!WS.test(out)) this.fail('text data outside of root node');
      if (!this.rootSeen) {
        if (this.markup) this.prolog += out;
        return;
      }
    }
    this.onText?.call(this.h, out);
  }

  private entity(name: string): string {
    if (name.charCodeAt(0) !== 35) {
      const known = ENTITIES.get(name);
      if (known !== undefined) return known;
      this.fail(name === '' ? 'empty entity name' : isName(name, 0, name.length) ? 'undefined entity' : 'disallowed character in entity name');
    }
    const num = name.charCodeAt(1) === 120 ? (/^#x[0-9a-fA-F]+$/.test(name) ? parseInt(name.slice(2), 16) : NaN) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
    if (!isXmlChar(num)) this.fail('malformed character entity');
    return String.fromCodePoint(num);
  }

  private closeTag(s: string, lt: number): number {
    const n = s.length;
    const end = nameEnd(s, lt + 2, n);
    let gt = end >= 0 ? end : -end - 1;
    while (gt < n && isSpace(s.charCodeAt(gt))) gt++;
    if (gt >= n) return -1;
    if (s.charCodeAt(gt) !== 62) {
      const close = s.indexOf('>', gt);
      if (close < 0) return -1;
      this.fail('disallowed character in closing tag');
    }
    const e = nameTo(s, lt + 2, end);
    if (e < 0) this.fail('disallowed character in closing tag name');
    const top = this.stack.pop();
    const local = this.locals.pop();
    if (top === undefined || local === undefined) this.fail(`unmatched closing tag: ${s.slice(lt + 2, e)}`);
    // saxes reports the close of the element it pops before it finds the names differ.
    this.onClose?.call(this.h, local);
    if (top.length !== e - lt - 2 || !s.startsWith(top, lt + 2)) this.fail('unexpected close tag');
    return gt + 1;
  }

  /** The name between `from` and `to` as a string seen before when it was (no copy per element). */
  private intern(s: string, from: number, to: number): number {
    const known = this.known;
    const len = to - from;
    for (let k = 0; k < known.length; k++) {
      const q = known[k]!;
      if (q.length === len && q.charCodeAt(0) === s.charCodeAt(from) && (len === 1 || s.startsWith(q, from))) return k;
    }
    const q = s.slice(from, to);
    if (known.length < 64) {
      known.push(q);
      this.knownLocal.push(localName(q));
      return known.length - 1;
    }
    known[63] = q;
    this.knownLocal[63] = localName(q);
    return 63;
  }

  private openTag(s: string, lt: number): number {
    const n = s.length;
    const end = nameEnd(s, lt + 1, n);
    if (end >= n || -end - 1 >= n) return -1;
    let p = nameTo(s, lt + 1, end);
    if (p < 0) this.fail('disallowed character in tag name');
    if (this.rootSeen && this.stack.length === 0) this.fail('documents may contain only one root');
    const nameAt = lt + 1;
    const nameStop = p;
    const names = this.names;
    const values = this.values;
    const hashes = this.hashes;
    let count = 0;
    /** The names so far, once there are MANY_ATTRIBUTES of them. */
    let seen: Set<string> | undefined;
    let selfClosing = false;
    for (;;) {
      const before = p;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      let c = s.charCodeAt(p);
      if (c === 62) break;
      if (c === 47) {
        if (p + 1 >= n) return -1;
        if (s.charCodeAt(p + 1) !== 62) this.fail('forward-slash in opening tag not followed by >');
        selfClosing = true;
        p++;
        break;
      }
      if (p === before) this.fail('no whitespace between attributes');
      const ns = p;
      const end = nameEnd(s, p, n);
      if (end >= n || -end - 1 >= n) return -1;
      p = nameTo(s, ns, end);
      if (p < 0) this.fail('disallowed character in attribute name');
      const ne = p;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      if (s.charCodeAt(p) !== 61) this.fail('attribute without value');
      p++;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      const quote = s.charCodeAt(p);
      if (quote !== 34 && quote !== 39) this.fail('unquoted attribute value');
      const vs = p + 1;
      let plain = true;
      for (p = vs; p < n; p++) {
        c = s.charCodeAt(p);
        if (c === quote) break;
        if (c < 32 || c === 38 || c === 60 || c >= 0xfffe) plain = false;
      }
      if (p >= n) return -1;
      if (count < MANY_ATTRIBUTES) {
        const hash = ((ne - ns) << 21) ^ (s.charCodeAt(ns) << 14) ^ (s.charCodeAt((ns + ne) >> 1) << 7) ^ s.charCodeAt(ne - 1);
        for (let k = 0; k < count; k++) if (hashes[k] === hash && sameName(s, names[2 * k]!, names[2 * k + 1]!, ns, ne)) this.fail(`duplicate attribute: ${s.slice(ns, ne)}`);
        hashes[count] = hash;
      } else {
        // Past a few dozen, each name is looked up, not compared with every one before it: names
        // crafted alike in length and in the characters hashed made one tag's check quadratic
        // (120 000 of them held the CLI's main thread, where no deadline can stop a call, 90 s).
        if (!seen) {
          seen = new Set();
          for (let k = 0; k < count; k++) seen.add(s.slice(names[2 * k], names[2 * k + 1]));
        }
        const name = s.slice(ns, ne);
        if (seen.has(name)) this.fail(`duplicate attribute: ${name}`);
        seen.add(name);
      }
      names[2 * count] = ns;
      names[2 * count + 1] = ne;
      // A value needing work is marked by a negative start; it is decoded now so errors surface here.
      if (!plain) this.attrValue(s, vs, p);
      values[2 * count] = plain ? vs : -vs - 1;
      values[2 * count + 1] = p;
      count++;
      p++;
    }
    if (!this.rootSeen) {
      this.rootSeen = true;
      if (this.prolog) this.onText?.call(this.h, this.prolog);
      this.prolog = '';
    }
    const k = this.intern(s, nameAt, nameStop);
    const local = this.knownLocal[k]!;
    if (this.onOpen) {
      this.tagSrc = s;
      this.count = count;
      this.onOpen.call(this.h, local, this.attrFn, this.known[k]!);
      this.tagSrc = '';
    }
    if (selfClosing) this.onClose?.call(this.h, local);
    else {
      this.stack.push(this.known[k]!);
      this.locals.push(local);
    }
    return p + 1;
  }

  /** The open tag's attributes as written, name and value, while its open() runs. */
  attributes(): [string, string][] {
    const out: [string, string][] = [];
    const s = this.tagSrc;
    for (let k = 0; k < this.count; k++) {
      const vs = this.values[2 * k]!;
      const ve = this.values[2 * k + 1]!;
      out.push([s.slice(this.names[2 * k], this.names[2 * k + 1]), vs >= 0 ? s.slice(vs, ve) : this.attrValue(s, -vs - 1, ve)]);
    }
    return out;
  }

  /** As `attr()` in xml.ts over a dictionary: the exact name first, else the first `prefix:local`. */
  private attr(local: string): string | undefined {
    const s = this.tagSrc;
    const names = this.names;
    let found = -1;
    for (let k = 0; k < this.count; k++) {
      const ns = names[2 * k]!;
      const ne = names[2 * k + 1]!;
      if (ne - ns === local.length && s.startsWith(local, ns)) {
        found = k;
        break;
      }
      if (found < 0 && ne - ns > local.length && s.charCodeAt(ne - local.length - 1) === 58 && s.startsWith(local, ne - local.length)) found = k;
    }
    if (found < 0) return undefined;
    const vs = this.values[2 * found]!;
    const ve = this.values[2 * found + 1]!;
    return vs >= 0 ? s.slice(vs, ve) : this.attrValue(s, -vs - 1, ve);
  }

  private attrValue(s: string, from: number, to: number): string {
    return this.resolve(s, from, from, to, true);
  }

  /**
   * Text or an attribute value from `from` to `to`, references resolved and line ends made `\n`
   * (in a value, tab, CR and LF all become a space); `at` is where the first special character may be.
   */
  private resolve(s: string, from: number, at: number, to: number, inValue: boolean): string {
    const special = inValue ? ATTR_SPECIAL : TEXT_SPECIAL;
    let out = '';
    let k = from;
    special.lastIndex = at;
    let m = special.exec(s);
    while (m && m.index < to) {
      const p = m.index;
      const c = s.charCodeAt(p);
      out += s.slice(k, p);
      k = p + 1;
      if (c === 38) {
        const semi = s.indexOf(';', p);
        if (semi < 0 || semi >= to) this.fail('unterminated entity');
        out += this.entity(s.slice(p + 1, semi));
        k = semi + 1;
      } else if (c === 13) {
        out += inValue ? ' ' : '\n';
        if (k < to && s.charCodeAt(k) === 10) k++;
      } else if (c === 9 || c === 10) out += ' ';
      else if (c === 93) {
        out += ']';
        if (s.startsWith(']]>', p)) this.fail('the string "]]>" is disallowed in char data');
      } else this.fail('disallowed character');
      special.lastIndex = k;
      m = special.exec(s);
    }
    return out + s.slice(k, to);
  }

  /** Comments, CDATA and DOCTYPE. */
  private bang(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) return -1;
      const body = s.slice(lt + 4, end);
      if (body.includes('--') || body.endsWith('-') || NOT_CHAR.test(body)) this.fail('malformed comment');
      return end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.stack.length === 0) this.fail('text data outside of root node');
      const body = s.slice(lt + 9, end);
      if (NOT_CHAR.test(body)) this.fail('disallowed character');
      this.onText?.call(this.h, body.indexOf('\r') < 0 ? body : body.replace(/\r\n?/g, '\n'));
      return end + 3;
    }
    if (s.length - lt < 9) return '<!--'.startsWith(s.slice(lt)) || '<![CDATA['.startsWith(s.slice(lt)) || '<!DOCTYPE'.startsWith(s.slice(lt)) ? -1 : this.fail('incorrect syntax');
    if (s.startsWith('<!DOCTYPE', lt)) {
      if (!this.rootSeen) throw NEEDS_SAXES;
      this.fail('inappropriately located doctype declaration');
    }
    return this.fail('incorrect syntax');
  }

  /** Processing instructions, and the XML declaration at the very start. */
  private pi(s: string, lt: number): number {
    const end = s.indexOf('?>', lt + 2);
    if (end < 0) return -1;
    let e = lt + 2;
    while (e < end && !endsName(s.charCodeAt(e)) && s.charCodeAt(e) !== 63) e++;
    if (e === lt + 2) this.fail('processing instruction without a target');
    if (!isName(s, lt + 2, e)) this.fail('disallowed character in processing instruction name');
    const target = s.slice(lt + 2, e);
    if (target === 'xml') {
      if (this.started || lt !== 0) this.fail('an XML declaration must be at the start of the document');
      if (!XML_DECL.test(s.slice(lt, end + 2))) this.fail('malformed XML declaration');
      return end + 2;
    }
    if (target.toLowerCase() === 'xml') this.fail('the XML declaration must appear at the start of the document');
    if (e < end && !isSpace(s.charCodeAt(e))) this.fail('disallowed character in processing instruction name');
    if (NOT_CHAR.test(s.slice(e, end))) this.fail('disallowed character');
    return end + 2;
  }
}

function localName(q: string): string {
  const colon = q.indexOf(':');
  return colon < 0 ? q : q.slice(colon + 1);
}

function sameName(s: string, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (s.charCodeAt(a0 + k) !== s.charCodeAt(b0 + k)) return false;
  return true;
}

/** Where a long run of text can be cut without splitting a reference, a CR LF or a `]]>`. */
function safeCut(s: string, from: number, to: number): number {
  let cut = to - 64;
  const amp = s.lastIndexOf('&', cut - 1);
  if (amp >= from) {
    const semi = s.indexOf(';', amp);
    if (semi < 0 || semi >= cut) cut = amp;
  }
  while (cut > from && (s.charCodeAt(cut - 1) === 13 || s.charCodeAt(cut - 1) === 93)) cut--;
  return cut;
}
