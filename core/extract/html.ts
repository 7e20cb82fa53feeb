// HTML to text without a DOM: a small tolerant tokenizer. Scripts, styles and comments are
// dropped, entities decoded, block elements end lines, and a/area href targets become links.
import { Budget, DEFAULT_LIMITS, type TextSink } from './limits';

const LATIN1_NAMES =
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** Named entities: Latin-1 letters (most Vietnamese vowels), Vietnamese extras, and punctuation. */
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«',
  raquo: '»', bull: '•', middot: '·', deg: '°', plusmn: '±', euro: '€', commat: '@', period: '.',
  lowbar: '_', hyphen: '-', dash: '‐', sol: '/', colon: ':', lsqb: '[', rsqb: ']', lpar: '(', rpar: ')',
  Abreve: 'Ă', abreve: 'ă', Dstrok: 'Đ', dstrok: 'đ', Itilde: 'Ĩ', itilde: 'ĩ', Utilde: 'Ũ', utilde: 'ũ',
  shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', ensp: ' ', emsp: ' ', thinsp: ' ', sect: '§', para: '¶',
};
LATIN1_NAMES.split(' ').forEach((name, i) => (ENTITIES[name] = String.fromCharCode(0xc0 + i)));

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITIES[body] ?? m;
  });
}

const BLOCK = new Set(
  'address article aside blockquote body br caption dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section table tbody tfoot thead title tr ul'.split(' '),
);
const CELL = new Set(['td', 'th']);
/** Elements whose content is not text a reader sees. */
const RAW_SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'object']);

/** Tag and attribute patterns, sticky so they match in place without copying the page. */
const TAG_NAME = /[A-Za-z][^\s/>]{0,63}/y;
const ATTRIBUTE = /[\s/]*([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/y;
/** How many tags are read between two looks at the clock. */
const CLOCK_EVERY = 1024;

/** Where the run of whitespace and '/' that ATTRIBUTE skips before a name, starting at `from`, ends. */
function separatorsEnd(html: string, from: number): number {
  SEPARATORS.lastIndex = from;
  SEPARATORS.test(html);
  return SEPARATORS.lastIndex;
}
const SEPARATORS = /[\s/]*/y;

/** Where the closing tag `</name` starts at or after `from`, any letter case; -1 when none. */
function closingTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    if (html.length - at - 2 < name.length) return -1;
    let k = 0;
    while (k < name.length && (html.charCodeAt(at + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k === name.length) return at;
  }
  return -1;
}

/**
 * Writes the text of `html` to the sink and its link targets to the sink's links. One pass over
 * the page (every search moves forward), with the budget's clock read every CLOCK_EVERY tags:
 * a crafted page ends in 'timeout' rather than holding the thread.
 */
export function htmlToText(html: string, sink: TextSink, budget: Budget = new Budget(DEFAULT_LIMITS)): void {
  let i = 0;
  const n = html.length;
  let pre = 0;
  let tags = 0;
  const text = (raw: string) => {
    const t = decodeEntities(raw);
    sink.write(pre ? t : t.replace(/[ \t\r\n\f]+/g, ' ').replace(/\u00a0/g, ' '));
  };
  while (i < n && !sink.full) {
    if (++tags % CLOCK_EVERY === 0) budget.checkTime();
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const c = html[i + 1] ?? '';
    if (c === '!' || c === '?') {
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = c === '/';
    TAG_NAME.lastIndex = i + (closing ? 2 : 1);
    const nameMatch = TAG_NAME.exec(html);
    if (!nameMatch) {
      // A lone '<' is text (e.g. "a < b").
      text('<');
      i++;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    // Attributes up to the closing '>', respecting quotes.
    let j = TAG_NAME.lastIndex;
    const attrs: Record<string, string> = {};
    while (j < n && html[j] !== '>') {
      ATTRIBUTE.lastIndex = j;
      const m = ATTRIBUTE.exec(html);
      if (!m || m[0].length === 0) {
        // No attribute name follows the run of blanks and slashes here, nor from anywhere inside
        // it: the run is stepped over at once. Retried one character on, each try read the rest
        // of the run again, and "<a ////…=" of 200 KB held the thread for minutes.
        j = Math.max(j + 1, separatorsEnd(html, j));
        continue;
      }
      attrs[(m[1] ?? '').toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
      j += m[0].length;
      if (++tags % CLOCK_EVERY === 0) budget.checkTime();
    }
    i = j + 1;
    if (closing) {
      if (name === 'pre') pre = Math.max(0, pre - 1);
      if (BLOCK.has(name)) sink.newline();
      else if (CELL.has(name)) sink.write('\t');
      continue;
    }
    if (RAW_SKIP.has(name)) {
      const end = closingTag(html, name, i);
      i = end < 0 ? n : html.indexOf('>', end) + 1 || n;
      continue;
    }
    if ((name === 'a' || name === 'area') && attrs.href) sink.link(attrs.href);
    if (name === 'img' && attrs.alt) text(` ${attrs.alt} `);
    if (name === 'br') sink.write('\n');
    else if (name === 'pre') {
      pre++;
      sink.newline();
    } else if (BLOCK.has(name)) sink.newline();
  }
}
