// The Web APIs launchevent.js brings for runtimes without them, held to the real ones (Node's, which
// follow the Encoding and URL Standards) on the same input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EncodingTextDecoder, EncodingTextEncoder } from './encoding-apis';
import { PartsBlob } from '../../core/extract/parts-blob';
import { installMissingApis } from './runtime-apis';
import { PlainUrl } from './url-api';

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1258'] as const;

// Bytes that reach every branch: ASCII, well-formed sequences of each length, their lead bytes cut
// off, overlong and surrogate forms, bytes no sequence starts with, byte order marks.
const pieces = fc.oneof(
  fc.uint8Array({ maxLength: 6 }),
  fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc3, 0xa0], [0xe1, 0xbb, 0x87], [0xf0, 0x9f, 0x98, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x00, 0xd8, 0x00, 0xdc], [0x00, 0xdc], [0x3d, 0xd8]).map((b) => new Uint8Array(b)),
  fc.constantFrom(0xc3, 0xe1, 0xf0, 0x80, 0xbf, 0xf8, 0xff).map((b) => new Uint8Array([b])),
);
const bytes = fc.array(pieces, { maxLength: 40 }).map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));

/**
 * Every call's result, with one decoder: the input whole, then cut into streamed chunks (a call
 * with no input among them), the whole sequence twice, so that what a decoder keeps from one call
 * (queued bytes, a byte order mark seen, the state after a whole call threw) meets the next. Once a
 * streamed call has thrown, the decoder is not used again: what stays queued then differs between
 * Node's own decoders (its UTF-16 keeps the rest, as the standard has it; its UTF-8 drops it), and
 * no reader goes on with a decoder that threw.
 */
function callsOf<D extends { decode(b?: Uint8Array, o?: { stream?: boolean }): string }>(decoder: D, input: Uint8Array, cuts: number[]): string[] {
  const results: string[] = [];
  let spent = false;
  const call = (chunk: Uint8Array | undefined, stream: boolean) => {
    const result = spent ? 'not called' : outcome(() => decoder.decode(chunk, { stream }));
    if (stream && result.startsWith('threw')) spent = true;
    results.push(result);
  };
  for (let round = 0; round < 2; round++) {
    call(input, false);
    let from = 0;
    for (const cut of [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b)) {
      call(input.subarray(from, cut), true);
      if (cut === from) call(undefined, true);
      from = cut;
    }
    call(input.subarray(from), true);
    call(undefined, false);
  }
  return results;
}

function outcome(run: () => string): string {
  try {
    return `ok:${run()}`;
  } catch (err) {
    return `threw:${(err as Error).constructor.name}`;
  }
}

// Node's own windows-1252 decoder is Latin-1 (bytes 0x80–0x9F as C1 controls), against the Encoding
// Standard's index, which every browser follows: that index's 32 entries, written out here.
const INDEX_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
class StandardWindows1252 {
  decode(input: Uint8Array = new Uint8Array(0)): string {
    return [...input].map((b) => (b >= 0x80 && b < 0xa0 ? INDEX_1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');
  }
}
const realDecoder = (encoding: (typeof ENCODINGS)[number], options: { fatal: boolean; ignoreBOM: boolean }) =>
  encoding === 'windows-1252' ? new StandardWindows1252() : new TextDecoder(encoding, options);

describe('TextDecoder where the runtime has none', () => {
  it('windows-1252: every byte as the Encoding Standard’s index has it', () => {
    const all = Uint8Array.from({ length: 256 }, (_, k) => k);
    expect(new EncodingTextDecoder('windows-1252').decode(all)).toBe(new StandardWindows1252().decode(all));
    expect(new EncodingTextDecoder('latin1').decode(new Uint8Array([0x80, 0x9f, 0xe0]))).toBe('€Ÿà');
  });

  it('windows-1258 (what the text reader falls back to for Vietnamese that is not UTF-8): every byte as a real one has it', () => {
    const all = Uint8Array.from({ length: 256 }, (_, k) => k);
    expect(new EncodingTextDecoder('windows-1258').decode(all)).toBe(new TextDecoder('windows-1258').decode(all));
    // "Đồng" as a Windows-1258 file holds it: Đ, ô, the combining grave; and the đồng sign.
    expect(new EncodingTextDecoder('cp1258').decode(new Uint8Array([0xd0, 0xf4, 0xcc, 0x6e, 0x67, 0x20, 0xfe]))).toBe('Đô\u0300ng ₫');
  });

  for (const encoding of ENCODINGS) {
    it(`${encoding}: decodes any bytes, whole or cut anywhere into streamed chunks, call after call on one decoder, as a real one does (fatal, ignoreBOM)`, () => {
      fc.assert(
        fc.property(bytes, fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), fc.boolean(), (input, cuts, fatal, ignoreBOM) => {
          const options = { fatal, ignoreBOM };
          expect(callsOf(new EncodingTextDecoder(encoding, options), input, cuts)).toEqual(callsOf(realDecoder(encoding, options), input, cuts));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('one decoder used for two streams starts the second afresh (its byte order mark is dropped again)', () => {
    const ours = new EncodingTextDecoder('utf-8');
    const real = new TextDecoder('utf-8');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe1]);
    expect([ours.decode(bom, { stream: true }), ours.decode(), ours.decode(bom)]).toEqual([real.decode(bom, { stream: true }), real.decode(), real.decode(bom)]);
  });

  it('knows the labels the readers pass as a real one does, and refuses the rest with RangeError', () => {
    for (const label of ['UTF-8', ' utf8 ', 'latin1', 'ISO-8859-1', 'us-ascii', 'cp1252', 'utf-16', 'UTF-16BE', 'unicode']) {
      expect(new EncodingTextDecoder(label).encoding).toBe(new TextDecoder(label).encoding);
    }
    for (const label of ['x-no-such', 'constructor', '__proto__', 'toString', '\u00a0utf-8']) expect(() => new EncodingTextDecoder(label), label).toThrow(RangeError);
    // A real encoding this one does not carry: refused the same way, and the file is said unread.
    expect(() => new EncodingTextDecoder('koi8-r')).toThrow(RangeError);
  });
});

describe('TextEncoder where the runtime has none', () => {
  it('gives a real one’s UTF-8 for any string, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\ud800', '\udfff', 'ệ', '😀', 'Đ'), fc.string({ unit: 'binary', maxLength: 1 })) }), (text) => {
        expect([...new EncodingTextEncoder().encode(text)]).toEqual([...new TextEncoder().encode(text)]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('URL where the runtime has none', () => {
  const parts = (u: URL | PlainUrl) => ({ href: u.href, protocol: u.protocol, username: u.username, password: u.password, host: u.host, hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search, hash: u.hash, origin: u.origin });
  const outcomeOf = (make: () => URL | PlainUrl) => {
    try {
      return parts(make());
    } catch (err) {
      return (err as Error).constructor.name;
    }
  };

  // What the launch code reads: a policy's webmail and report URLs as IT types them, the mailbox's
  // EWS URL, and what a hostile policy tries.
  it.each([
    'https://mail.danang.gov.vn',
    'https://mail.danang.gov.vn/owa/?path=/mail/inbox#x',
    'HTTPS://Mail.DaNang.Gov.Vn:443/a/./b/../c',
    'https://mail.danang.gov.vn:8443/',
    'https://outlook.office365.com/EWS/Exchange.asmx',
    'https://mail.contoso.vn/ews/exchange.asmx',
    'http://10.0.0.5:8080/ews',
    'https://user:pass@mail.danang.gov.vn/',
    'https://@mail.danang.gov.vn/',
    'https://mail.danang.gov.vn\\owa\\',
    '  https://mail.danang.gov.vn/x y?q=a b#c d  ',
    'https://mail.danang.gov.vn/đường/dẫn?tên=giá trị',
    'https://10.1/',
    'https://0x7f.1/x',
    'https://0177.0.0.1/',
    'https://192.168.1.1./',
    'https://999.1.1.1/',
    'https://1.2.3.4.5/',
    'https://1.2.3.08/',
    'https://4294967296/',
    'https://mail.danang.gov.vn.1a/',
    'https://h/a/b/.%2e/c/%2E/d',
    'https://thư.danang.gov.vn/',
    'https://mail.đànẵng.gov.vn/owa',
    'https://THƯ-VIỆN.DaNang.gov.vn/',
    'https://ｍａｉｌ．danang.gov.vn/',
    'https://mail。danang.gov.vn/',
    'https://xn--th-e0a.danang.gov.vn/',
    'https://th%C6%B0.danang.gov.vn/',
    'https://xn--a.vn/',
    'https://xn--zz.vn/',
    'https://xn--.vn/',
    'https://xn--abc-.vn/',
    'https://xn--ls8h.vn/',
    'https://xn--a-ecp.vn/',
    'https://xn--th-e0a.xn--th-e0a.vn/',
    `https://${'a'.repeat(64)}.vn/`,
    'https://mail.danang.gov.vn:99999/',
    'https://mail.danang.gov.vn:80a/',
    'https://mail danang.gov.vn/',
    'https://mail.danang.gov.vn%2F@evil.example/',
    'https:///nohost',
    'https:mail.danang.gov.vn/x',
    'https://',
    'mail.danang.gov.vn',
    'javascript:alert(1)',
    'mailto:chanthurac@danang.gov.vn',
    '',
  ])('%j reads as a real URL reads it', (input) => {
    expect(outcomeOf(() => new PlainUrl(input))).toEqual(outcomeOf(() => new URL(input)));
  });

  it.each([
    ['policy.json', 'https://congvu.danang.gov.vn/addin/launchevent.js'],
    ['/congvu-guard/policy.json', 'https://mail.danang.gov.vn/x/y'],
    ['../policy.json?v=2', 'https://mail.danang.gov.vn/a/b/launchevent.js'],
    ['//cdn.danang.gov.vn/p.json', 'https://mail.danang.gov.vn/'],
    ['?q=1', 'https://mail.danang.gov.vn/a/b'],
    ['#top', 'https://mail.danang.gov.vn/a?b'],
  ])('%j against %j resolves as a real URL does', (ref, base) => {
    expect(outcomeOf(() => new PlainUrl(ref, base))).toEqual(outcomeOf(() => new URL(ref, base)));
  });

  it('refuses an IPv6 literal (a real URL reads it)', () => {
    expect(() => new PlainUrl('https://[::1]:443/')).toThrow(TypeError);
  });
});

describe('installMissingApis', () => {
  it('installs into a bare scope what it lacks, and nothing a scope already has', () => {
    const bare: Record<string, unknown> = {};
    expect(installMissingApis(bare).sort()).toEqual(['Blob', 'TextDecoder', 'TextEncoder', 'URL']);
    expect(bare.TextDecoder).toBe(EncodingTextDecoder);
    expect(bare.Blob).toBe(PartsBlob);
    const browser: Record<string, unknown> = { TextDecoder, URL };
    expect(installMissingApis(browser).sort()).toEqual(['Blob', 'TextEncoder']);
    expect(browser.TextDecoder).toBe(TextDecoder);
    const withBlob: Record<string, unknown> = { Blob };
    expect(installMissingApis(withBlob)).not.toContain('Blob');
    expect(withBlob.Blob).toBe(Blob);
  });
});
