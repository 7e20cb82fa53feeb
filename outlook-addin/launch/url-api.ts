// A URL class for runtimes that have none (classic Outlook's JavaScript-only runtime does not
// promise one). The launch code reads URLs a policy gives (the official webmail, checked by the
// policy rules) and the mailbox's EWS address: absolute http(s) URLs, read for their parts, and
// held to Node's on such URLs and hostile ones (runtime-apis.test.ts). What it does not do as the
// URL Standard does: a host beyond ASCII is mapped by NFKC and lower case, not the full UTS 46
// table, before its Punycode (punycode.js), and a Punycode label is checked by what it spells in
// those terms too; an IPv6 literal is refused; a relative reference with a scheme of its own
// ("https:foo") is not resolved against the base; file: and other non-http schemes are kept whole
// as their path. What it refuses throws the TypeError a real URL throws.

import { decode, toASCII } from 'punycode/punycode.es6.js';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };
// Characters the URL Standard forbids in a host.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_HOST = /[\u0000-\u0020#%/:<>?@[\\\]^|\u007f]/;

/** Percent-encodes what the given set names, and everything beyond ASCII as UTF-8. */
function encodeSet(text: string, set: RegExp): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch.length === 2 || c > 0x7e) return c >= 0xd800 && c <= 0xdfff && ch.length === 1 ? '%EF%BF%BD' : encodeURIComponent(ch);
    return set.test(ch) ? `%${c < 16 ? '0' : ''}${c.toString(16).toUpperCase()}` : ch;
  });
}
// eslint-disable-next-line no-control-regex
const PATH_SET = /[\u0000-\u0020"<>`{}\u007f]/;
// eslint-disable-next-line no-control-regex
const QUERY_SET = /[\u0000-\u0020"#<>'\u007f]/;
// eslint-disable-next-line no-control-regex
const FRAGMENT_SET = /[\u0000-\u0020"<>`\u007f]/;
// eslint-disable-next-line no-control-regex
const USERINFO_SET = /[\u0000-\u0020"#<>?`{}/:;=@[\\\]^|\u007f]/;
// eslint-disable-next-line no-control-regex
const OPAQUE_SET = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const BEYOND_ASCII = /[^\u0000-\u007f]/;

function withoutDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split('/').slice(1);
  segments.forEach((s, k) => {
    const last = k === segments.length - 1;
    const dots = s.toLowerCase().replace(/%2e/g, '.');
    if (dots === '..') {
      out.pop();
      if (last) out.push('');
    } else if (dots === '.') {
      if (last) out.push('');
    } else out.push(s);
  });
  return `/${out.join('/')}`;
}

/**
 * A host that ends in a number is an IPv4 address, as the URL Standard reads one: up to four
 * parts, each decimal, 0x-hex or 0-octal, the last filling the bytes the others leave; written
 * back as four decimal bytes. Undefined for a domain; throws for an address out of range.
 */
function ipv4Host(host: string): string | undefined {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  const last = parts[parts.length - 1]!;
  if (!/^(\d+|0x[0-9a-f]*)$/.test(last)) return undefined;
  const numbers = parts.map((part) => {
    if (/^0x[0-9a-f]*$/.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
    if (/^(0|[1-9]\d*)$/.test(part)) return Number(part);
    return NaN;
  });
  if (parts.length > 4 || numbers.some((n) => Number.isNaN(n)) || numbers.slice(0, -1).some((n) => n > 255) || numbers[numbers.length - 1]! >= 256 ** (5 - numbers.length)) throw invalid(host);
  let address = numbers[numbers.length - 1]!;
  numbers.slice(0, -1).forEach((n, k) => (address += n * 256 ** (3 - k)));
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

// What a Punycode label may not spell: ASCII beside letters, digits and '-', C1 controls, no-break space.
// eslint-disable-next-line no-control-regex
const NOT_IN_LABEL = /[\u0000-\u002c./:-@[-`{-\u00a0]/;

/**
 * A label is no Punycode, or Punycode that spells a label a real URL takes: something, in NFKC and
 * lower case, none of it NOT_IN_LABEL ("xn--a" spells U+0080, "xn--zz" nothing at all).
 */
function punycodeReads(label: string): boolean {
  if (!label.startsWith('xn--')) return true;
  try {
    const spelt = decode(label.slice(4));
    return spelt !== '' && !NOT_IN_LABEL.test(spelt) && spelt === spelt.normalize('NFKC') && spelt === spelt.toLowerCase();
  } catch {
    return false;
  }
}

function invalid(input: string): TypeError {
  return new TypeError(`Invalid URL: ${input}`);
}

export class PlainUrl {
  protocol = '';
  username = '';
  password = '';
  hostname = '';
  port = '';
  pathname = '';
  search = '';
  hash = '';

  constructor(input: string, base?: string | PlainUrl) {
    // Leading and trailing C0 controls and spaces go, and tabs and line breaks anywhere.
    // eslint-disable-next-line no-control-regex
    const text = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text);
    if (!scheme) {
      if (base === undefined) throw invalid(text);
      this.read(resolve(text, new PlainUrl(String(base))), text);
    } else this.read(text, text);
  }

  private read(text: string, original: string): void {
    const colon = text.indexOf(':');
    this.protocol = text.slice(0, colon + 1).toLowerCase();
    let rest = text.slice(colon + 1);
    const hashAt = rest.indexOf('#');
    if (hashAt >= 0) {
      const fragment = rest.slice(hashAt + 1);
      this.hash = fragment ? `#${encodeSet(fragment, FRAGMENT_SET)}` : '';
      rest = rest.slice(0, hashAt);
    }
    const queryAt = rest.indexOf('?');
    if (queryAt >= 0) {
      const query = rest.slice(queryAt + 1);
      this.search = query ? `?${encodeSet(query, QUERY_SET)}` : '';
      rest = rest.slice(0, queryAt);
    }
    if (!(this.protocol in DEFAULT_PORTS)) {
      // mailto:, data:, urn:…: no host, the rest as it stands.
      this.pathname = encodeSet(rest, OPAQUE_SET);
      return;
    }
    // A special scheme's authority starts after any number of slashes, either way round.
    rest = rest.replace(/\\/g, '/').replace(/^\/*/, '');
    const slash = rest.indexOf('/');
    const authority = slash < 0 ? rest : rest.slice(0, slash);
    this.pathname = withoutDotSegments(encodeSet(slash < 0 ? '/' : rest.slice(slash), PATH_SET));
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const info = authority.slice(0, at);
      const split = info.indexOf(':');
      this.username = encodeSet(split < 0 ? info : info.slice(0, split), USERINFO_SET);
      this.password = split < 0 ? '' : encodeSet(info.slice(split + 1), USERINFO_SET);
    }
    const hostPort = authority.slice(at + 1);
    const portAt = hostPort.startsWith('[') ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
    const host = portAt < 0 ? hostPort : hostPort.slice(0, portAt);
    const port = portAt < 0 ? '' : hostPort.slice(portAt + 1);
    // An IPv6 literal is refused: no policy or mailbox URL the launch code reads is one.
    if (host.startsWith('[')) throw invalid(original);
    let name: string;
    try {
      name = decodeURIComponent(host).toLowerCase();
    } catch {
      throw invalid(original);
    }
    // A webmail's Vietnamese name ("thư.danang.gov.vn") is a host as its Punycode.
    if (BEYOND_ASCII.test(name)) name = toASCII(name.normalize('NFKC').toLowerCase());
    if (name === '' || FORBIDDEN_HOST.test(name) || BEYOND_ASCII.test(name) || !name.split('.').every(punycodeReads)) throw invalid(original);
    name = ipv4Host(name) ?? name;
    if (!/^\d*$/.test(port) || (port !== '' && Number(port) > 65535)) throw invalid(original);
    this.hostname = name;
    this.port = port === '' || String(Number(port)) === DEFAULT_PORTS[this.protocol] ? '' : String(Number(port));
  }

  get host(): string {
    return this.port ? `${this.hostname}:${this.port}` : this.hostname;
  }

  get origin(): string {
    return this.protocol in DEFAULT_PORTS ? `${this.protocol}//${this.host}` : 'null';
  }

  get href(): string {
    if (!(this.protocol in DEFAULT_PORTS)) return `${this.protocol}${this.pathname}${this.search}${this.hash}`;
    return `${authorityOf(this)}${this.pathname}${this.search}${this.hash}`;
  }

  toString(): string {
    return this.href;
  }

  toJSON(): string {
    return this.href;
  }
}

/** Scheme, user info and host of a URL with one: what a relative reference keeps of its base. */
function authorityOf(url: PlainUrl): string {
  const info = url.username || url.password ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.protocol}//${info}${url.host}`;
}

/** A relative reference made absolute against `base`. */
function resolve(ref: string, base: PlainUrl): string {
  if (!(base.protocol in DEFAULT_PORTS)) throw invalid(ref);
  const prefix = authorityOf(base);
  const r = ref.replace(/\\/g, '/');
  if (r.startsWith('//')) return `${base.protocol}${r}`;
  if (r.startsWith('/')) return `${prefix}${r}`;
  if (r === '') return `${prefix}${base.pathname}${base.search}`;
  if (r.startsWith('?')) return `${prefix}${base.pathname}${r}`;
  if (r.startsWith('#')) return `${prefix}${base.pathname}${base.search}${r}`;
  return `${prefix}${base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1)}${r}`;
}
