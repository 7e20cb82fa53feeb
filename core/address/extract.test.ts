import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../policy/presets';
import { makeClassifier } from './classify';
import { encodeLegacy } from '../encoding';
import { sentence } from '../encoding/arbitraries.test-util';
import { addressReading, addressReadingAfterEdit } from './after-edit';
import { addressesFromLinks, extractAddresses, extractAddressList, isInvisibleUnit } from './extract';
import { editBetween } from '../text/edits';
import { referenceExtractAddresses } from './extract-reference.test-util';
import { INVISIBLE_CHARS, type SurveyIndex } from './invisible';
import { surveyText } from '../encoding/detect';
import { vietnameseText } from '../../bench/vietnamese-text';

const benchText = (chars: number, seed: number, rate: number) => vietnameseText(chars, seed, rate).text;

/** `t` with each character of `inserts` put in at its place (taken modulo the length so far). */
function withInserted(t: string, inserts: readonly (readonly [number, string])[]): string {
  for (const [at, c] of inserts) {
    const k = at % (t.length + 1);
    t = t.slice(0, k) + c + t.slice(k);
  }
  return t;
}

const known = makeClassifier(PRESETS.danang);
/** The finds, and the address list the rules read, are the reference extractor's. */
function agreesWithReference(t: string): void {
  const reference = referenceExtractAddresses(t, known);
  expect(extractAddresses(t, known)).toEqual(reference);
  expect(extractAddressList(t, known)).toEqual(reference.map((f) => f.address));
}
const find = (text: string) => extractAddresses(text, known).map((f) => f.address);

describe('extractAddresses', () => {
  it('finds plain addresses in Vietnamese running text, without the sentence punctuation', () => {
    expect(find('Mọi chi tiết xin liên hệ: nguyenvana@gmail.com.')).toEqual(['nguyenvana@gmail.com']);
    expect(find('Email: Van.Thu@DaNang.gov.vn; điện thoại (0236) 3840125')).toEqual(['van.thu@danang.gov.vn']);
    expect(find('(lienhe@yahoo.com.vn), <b@hotmail.com>, "c@outlook.com"')).toEqual(['lienhe@yahoo.com.vn', 'b@hotmail.com', 'c@outlook.com']);
  });

  it('reports where each match is and whether it was hidden', () => {
    const text = 'Gửi tới a@gmail.com và b [at] gmail [dot] com';
    const found = extractAddresses(text, known);
    expect(found.map((f) => [f.address, text.slice(f.index, f.index + f.length), f.obfuscated])).toEqual([
      ['a@gmail.com', 'a@gmail.com', false],
      ['b@gmail.com', 'b [at] gmail [dot] com', true],
    ]);
  });

  it.each([
    ['ten [at] gmail [dot] com', 'ten@gmail.com'],
    ['ten(at)gmail(dot)com', 'ten@gmail.com'],
    ['TEN (AT) YAHOO (DOT) COM (DOT) VN', 'ten@yahoo.com.vn'],
    ['ten [ at ] hotmail.com', 'ten@hotmail.com'],
    ['ten[@]gmail.com', 'ten@gmail.com'],
    ['ten (@) gmail . com', undefined],
    ['ten＠gmail．com', 'ten@gmail.com'],
    ['ｔｅｎ＠ｇｍａｉｌ．ｃｏｍ', 'ten@gmail.com'],
    ['ten @ gmail.com', 'ten@gmail.com'],
    ['ten @gmail.com', 'ten@gmail.com'],
    ['ten@ gmail.com', 'ten@gmail.com'],
    ['ten\t@gmail.com', 'ten@gmail.com'],
    ['ten@gmail dot com', 'ten@gmail.com'],
    ['NguyenVanA@GMAIL.COM', 'nguyenvana@gmail.com'],
  ])('de-obfuscates %j', (text, expected) => {
    expect(find(`Liên hệ: ${text} để biết thêm.`)).toEqual(expected ? [expected] : []);
  });

  it('joins a domain that a word processor broke across lines, when the domain is known', () => {
    expect(find('liên hệ nguyenvana@gmail.\ncom hoặc')).toEqual(['nguyenvana@gmail.com']);
    expect(find('liên hệ nguyenvana@\ngmail.com')).toEqual(['nguyenvana@gmail.com']);
    // An unknown domain is not guessed at: "example.\nNext" is two sentences.
    expect(find('write to a@example.\nNext line')).toEqual([]);
  });

  it('does not guess spaced forms for unknown domains', () => {
    expect(find('giá 5 @ 10.000 đồng')).toEqual([]);
    expect(find('tom @ example.org')).toEqual([]);
  });

  it('finds nothing in text without addresses, and nothing in handles or bare "at"', () => {
    expect(find('Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc')).toEqual([]);
    expect(find('theo dõi @ubnd_danang trên mạng xã hội; meet at 10 (at the office)')).toEqual([]);
    expect(find('a@b')).toEqual([]);
  });

  it('finds each occurrence once', () => {
    expect(find('a@gmail.com a@gmail.com')).toEqual(['a@gmail.com', 'a@gmail.com']);
  });
});

describe('addressesFromLinks', () => {
  it('reads mailto targets, their to/cc/bcc and percent-encoding', () => {
    expect(
      addressesFromLinks(['mailto:a@gmail.com', 'MAILTO:b%40yahoo.com?cc=c@hotmail.com&subject=V%2Fv%20h%E1%BB%8Dp', 'https://x.vn/?u=a@b.com', 'mailto:d@gmail.com,e@danang.gov.vn']),
    ).toEqual(['a@gmail.com', 'b@yahoo.com', 'c@hotmail.com', 'd@gmail.com', 'e@danang.gov.vn']);
  });
  it('survives a broken percent-escape', () => {
    expect(addressesFromLinks(['mailto:a@gmail.com%E0%A4%A'])).toEqual(['a@gmail.com']);
  });
});

// Dominic Sayers' is_email test suite, as shipped in the email-addresses package: used as data.
// We extract dot-atom addresses with a host-name domain from running text; quoted local
// parts, comments and address literals are outside what documents use and are not asserted.
describe('is_email test vectors', () => {
  const require = createRequire(import.meta.url);
  const xml = readFileSync(require.resolve('email-addresses/test/tests.xml'), 'utf8');
  const vectors: Array<{ id: string; address: string; category: string }> = [];
  const parser = new SaxesParser();
  let current: { id: string; address: string; category: string } | undefined;
  let field = '';
  parser.on('opentag', (tag) => {
    if (tag.name === 'test') current = { id: String(tag.attributes.id), address: '', category: '' };
    field = tag.name;
  });
  parser.on('text', (text) => {
    if (current && field === 'address') current.address += text;
    if (current && field === 'category') current.category += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'test' && current) vectors.push(current);
    field = '';
  });
  parser.write(xml).close();
  // The suite writes control characters as their Unicode "control pictures".
  const decode = (s: string) => s.replace(/[\u2400-\u241f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x2400));
  const dotAtom = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
  const ourLocal = /^[A-Za-z0-9._%+'-]+@/;

  it('loads the suite', () => {
    expect(vectors.length).toBeGreaterThan(150);
  });

  it('extracts every valid dot-atom address of the suite from surrounding text', () => {
    const valid = vectors.filter((v) => v.category === 'ISEMAIL_VALID_CATEGORY' || v.category === 'ISEMAIL_DNSWARN').map((v) => decode(v.address));
    const ours = valid.filter((a) => dotAtom.test(a) && ourLocal.test(a) && a.split('@')[0]!.length <= 64);
    expect(ours.length).toBeGreaterThan(5);
    for (const a of ours) expect(find(`Liên hệ: ${a} nhé`), a).toEqual([a.toLowerCase()]);
  });

  it('never returns an invalid address of the suite whole', () => {
    const invalid = vectors.filter((v) => v.category === 'ISEMAIL_ERR').map((v) => decode(v.address));
    expect(invalid.length).toBeGreaterThan(50);
    for (const a of invalid) {
      expect(find(a), JSON.stringify(a)).not.toContain(a.toLowerCase());
    }
  });
});

describe('properties', () => {
  it('never throws and returns matches that lie inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab@.[]()at dot-_ \n＠．gmail.com'.split('')), maxLength: 200 }), (text) => {
        for (const f of extractAddresses(text, known)) {
          expect(f.index).toBeGreaterThanOrEqual(0);
          expect(f.index + f.length).toBeLessThanOrEqual(text.length);
          expect(f.address).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds any generated address placed in any text', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const local = fc.stringMatching(/^[a-z0-9_%+'-]{1,10}(\.[a-z0-9_%+'-]{1,10}){0,2}$/);
    const tld = fc.stringMatching(/^[a-z]{2,6}$/);
    const filler = fc.string({ unit: fc.constantFrom(...'Liên hệ cán bộ, công chức: ()"\n'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(filler, local, fc.array(label, { minLength: 1, maxLength: 3 }), tld, filler, (before, l, labels, t, after) => {
        const address = `${l}@${[...labels, t].join('.')}`;
        expect(find(`${before} ${address} ${after}`)).toContain(address);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same addresses for a text and for its lines scanned one by one', () => {
    const line = fc.constantFrom('Liên hệ a@gmail.com.', 'b [at] yahoo [dot] com', 'không có địa chỉ', 'c＠hotmail．com', 'email: d@danang.gov.vn');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        expect(find(lines.join('\n'))).toEqual(lines.flatMap((l) => find(l)));
      }),
    );
  });
});

describe('invisible characters and the root dot', () => {
  const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\ufeff'];
  const visibleOf = (s: string) => s.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');

  it('reads an address with a zero-width space, soft hyphen or word joiner inside it, and quotes it as written', () => {
    const text = 'Mọi chi tiết xin liên hệ: can\u00adbo@gmail\u200b.com hoặc vp@gm\u2060ail.com.';
    const found = extractAddresses(text, known);
    expect(found.map((f) => f.address)).toEqual(['canbo@gmail.com', 'vp@gmail.com']);
    expect(found.map((f) => text.slice(f.index, f.index + f.length))).toEqual(['can\u00adbo@gmail\u200b.com', 'vp@gm\u2060ail.com']);
  });

  it('finds any address whatever invisible characters are sprinkled into it, with a span that covers it exactly', () => {
    const domain = fc.constantFrom('gmail.com', 'yahoo.com.vn', 'hotmail.com', 'danang.gov.vn', 'vnn.vn');
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}[a-z0-9]$/).filter((l) => !l.includes('..'));
    const sprinkles = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 4 });
    const filler = fc.constantFrom('Liên hệ', 'Email:', 'Đầu mối:', '(', '');
    fc.assert(
      fc.property(filler, local, domain, sprinkles, (before, l, d, inserts) => {
        const address = `${l}@${d}`;
        let hidden = address;
        for (const [at, c] of inserts) {
          const k = 1 + (at % (hidden.length - 1));
          hidden = hidden.slice(0, k) + c + hidden.slice(k);
        }
        const text = `${before} ${hidden} nhé.`;
        const found = extractAddresses(text, known);
        expect(found.map((f) => f.address)).toEqual([address]);
        const span = text.slice(found[0]!.index, found[0]!.index + found[0]!.length);
        expect(span).toBe(hidden);
        expect(visibleOf(span)).toBe(address);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same addresses for a text with invisible characters as for the text a reader sees', () => {
    const line = fc.constantFrom('Liên hệ a@gmail.com.', 'b [at] yahoo [dot] com', 'không có địa chỉ', 'c＠hotmail．com', 'email: d@danang.gov.vn', 'e@gmail.\ncom');
    const sprinkle = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), sprinkle, (lines, inserts) => {
        const text = lines.join('\n');
        let hidden = text;
        for (const [at, c] of inserts) {
          const k = at % (hidden.length + 1);
          hidden = hidden.slice(0, k) + c + hidden.slice(k);
        }
        expect(find(hidden)).toEqual(find(text));
        for (const f of extractAddresses(hidden, known)) {
          expect(f.index + f.length).toBeLessThanOrEqual(hidden.length);
          expect(INVISIBLE).not.toContain(hidden[f.index]);
          expect(INVISIBLE).not.toContain(hidden[f.index + f.length - 1]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// issue 11: the faster extractor (clean stretches searched once, invisible characters dropped
// through one buffer) against the extractor as it was, on text as the checker meets it.
describe('agrees with the extractor as it was', () => {
  it('tells the same code units invisible as INVISIBLE_CHARS does', () => {
    const one = new RegExp(INVISIBLE_CHARS.source, 'u');
    for (let c = 0; c <= 0xffff; c++) expect(isInvisibleUnit(c), c.toString(16)).toBe(one.test(String.fromCharCode(c)));
  });

  const domain = fc.constantFrom('gmail.com', 'yahoo.com.vn', 'hotmail.com', 'danang.gov.vn', 'vnn.vn', 'congty-abc.com.vn', 'example.org');
  const local = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}[a-z0-9]$/);
  // Every form extract.test.ts says the extractor reads, and near misses.
  const address = fc.tuple(local, domain, fc.integer({ min: 0, max: 9 })).map(([l, d, form]) => {
    const [name, ...rest] = d.split('.');
    switch (form) {
      case 0: return `${l}@${d}`;
      case 1: return `${l} [at] ${name} [dot] ${rest.join(' [dot] ')}`;
      case 2: return `${l}(AT)${d}`;
      case 3: return `${l}＠${name}．${rest.join('．')}`;
      case 4: return `${l} @ ${d}`;
      case 5: return `${l}@${name}.\n${rest.join('.')}`;
      case 6: return `${l}[@]${d}`;
      case 7: return `${l} ( at ) ${name} (dot) ${rest.join(' dot ')}`;
      case 8: return `${l}@\n${d}`;
      default: return `${l}@${d}.`;
    }
  });
  const legacy = fc.tuple(sentence(1, 10, ['lower', 'title', 'upper']), fc.constantFrom('tcvn3' as const, 'vni' as const)).map(([s, e]) => encodeLegacy(s, e));
  const noise = fc.constantFrom('(0236) 3840125', 'Lưu: VT, STTTT (02b).', '[1]', '(at)', ' at ', '\n', '\r\n', '  ', 'Liên hệ:', 'Email:', '@', ')', '\u00a0');
  const piece = fc.oneof(sentence(1, 8, ['lower', 'title', 'upper']), legacy, address, address, noise);
  const INVISIBLE = ['\u200b', '\u00ad', '\u2060', '\ufeff', '\u202e', '\u034f'];
  const text = fc
    .tuple(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 8 }))
    .map(([pieces, inserts]) => withInserted(pieces.join(' '), inserts));

  it('finds the same addresses, at the same places, on Vietnamese, TCVN3, VNI and mixed text', () => {
    fc.assert(
      fc.property(text, (t) => {
        agreesWithReference(t);
        expect(extractAddresses(t)).toEqual(referenceExtractAddresses(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same in a directory: an address every few dozen characters, windows overlapping', () => {
    const dense = fc.array(fc.tuple(address, fc.constantFrom(', ', '; ', '\n', ' \u200b', '\u00ad ', ' - ')), { minLength: 2, maxLength: 40 }).map((xs) => xs.map(([a, sep]) => a + sep).join(''));
    fc.assert(
      fc.property(dense, (t) => {
        agreesWithReference(t);
      }),
      { numRuns: 2000 },
    );
  });

  // issue 11: once windows overlap, one search reads thousands of characters ahead of them, so an
  // invisible character far past the current address must still be met when its own turn comes.
  it('finds the same in a long directory with a few invisible characters anywhere in it', () => {
    const long = fc
      .tuple(
        fc.array(fc.tuple(address, fc.constantFrom(', ', '; ', '\n', ' - ')), { minLength: 300, maxLength: 900 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 3 }),
      )
      .map(([xs, inserts]) => withInserted(xs.map(([a, sep]) => a + sep).join(''), inserts));
    fc.assert(
      fc.property(long, (t) => {
        agreesWithReference(t);
      }),
      { numRuns: 150 },
    );
  });

  // issue 11: after an edit of a long draft only the at-signs and brackets the edit can reach are
  // parsed again. What that gives must be the whole reading, wherever the edit falls (inside an
  // address, a hidden "[at]", a wrapped domain, a run of blanks) and whatever it puts in or takes out.
  it('reads an edited text as it reads it whole', () => {
    const opts = (t: string) => ({ isKnownDomain: (d: string) => known.isKnownDomain!(d), survey: surveyText(t) });
    const put = fc.oneof(piece, fc.constantFrom('', '@', 'a', ' ', '   ', '\n', '.', ']', '(', 'ư', '＠', 'gmail.com', ' [at] ', ' dot ', '\u200b'));
    const plain = fc.array(piece, { minLength: 1, maxLength: 30 }).map((pieces) => pieces.join(' '));
    // Where: beside one of the text's at-signs or brackets, or anywhere.
    const place = fc.tuple(fc.nat(), fc.integer({ min: -16, max: 16 }), fc.boolean());
    fc.assert(
      fc.property(plain, place, fc.nat({ max: 12 }), put, (t, [n, offset, nearHit], cut, p) => {
        const reading = addressReading(t, opts(t));
        if (!reading) return;
        const hits = [...t.matchAll(/[@＠\])]/g)].map((m) => m.index);
        const k = Math.min(t.length, Math.max(0, nearHit && hits.length ? hits[n % hits.length]! + offset : n % (t.length + 1)));
        const edited = t.slice(0, k) + p + t.slice(k + cut);
        const { head, tail } = editBetween(t, edited);
        const after = addressReadingAfterEdit(edited, reading, head, tail, opts(edited));
        if (!after) {
          // Only a text with an invisible character is read whole, without its invisible characters.
          expect(surveyText(edited)!.invisibles.length).toBeGreaterThan(0);
          return;
        }
        const whole = extractAddresses(edited, known);
        expect({ addresses: after.addresses, starts: after.starts }).toEqual({ addresses: whole.map((f) => f.address), starts: whole.map((f) => f.index) });
        // The same list where the edit left every address as it was.
        if (after.addresses === reading.addresses) expect(whole.map((f) => f.address)).toEqual(reading.addresses);
      }),
      { numRuns: 4000 },
    );
  });

  // issue 11: the scans' finds are merged in place order, not sorted: texts where every scan
  // finds something. (Two scans reaching one place, which the merge settles as the sort did, was
  // met in none of 400,000 random short texts of at-signs, brackets and "at"s.)
  it('keeps the order and the one find per place when every kind of at-sign is met', () => {
    const forms = fc.array(fc.tuple(address, fc.constantFrom('ten (@) gmail.com', 'a (at) b.com', 'x＠yahoo．com', 'q [at] vnn [dot] vn', ', ', '\n')), { minLength: 3, maxLength: 60 }).map((xs) => xs.flat().join(' '));
    fc.assert(
      fc.property(forms, (t) => {
        agreesWithReference(t);
      }),
      { numRuns: 1500 },
    );
  });
});

// issue 11: the legacy-encoding survey of the text says where its invisible characters are, so
// the extractor does not search the windows around its at-signs; a survey may stop short.
describe('with a survey of the text', () => {
  const INVISIBLE = ['\u200b', '\u00ad', '\u2060', '\ufeff', '\u202e'];
  const address = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}[a-z0-9]$/), fc.constantFrom('gmail.com', 'yahoo.com.vn', 'danang.gov.vn')).map(([l, d]) => `${l}@${d}`);
  const forms = fc.tuple(address, fc.integer({ min: 0, max: 3 })).map(([a, form]) => {
    const [l, d] = a.split('@') as [string, string];
    return [a, `${l} [at] ${d.replace(/\./g, ' [dot] ')}`, `${l}(AT)${d}`, `${l}＠${d}`][form]!;
  });
  const text = fc
    .tuple(
      fc.array(fc.tuple(forms, fc.constantFrom(', ', '; ', '\n', ' liên hệ ', ' (0236) ')), { minLength: 1, maxLength: 120 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 6 }),
    )
    .map(([xs, inserts]) => withInserted(xs.map(([a, sep]) => a + sep).join(''), inserts));
  /** The survey as if it had stopped at `readTo`. */
  const cut = (whole: SurveyIndex, readTo: number): SurveyIndex => ({ readTo, invisibles: whole.invisibles.filter((k) => k < readTo), fullWidthAts: whole.fullWidthAts.filter((k) => k < readTo) });

  it('finds what the reference finds, whether the survey read the whole text or stopped anywhere in it', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, stop) => {
        const whole = surveyText(t)!;
        expect(whole.readTo).toBe(t.length);
        const reference = referenceExtractAddresses(t, known);
        for (const survey of [whole, cut(whole, stop % (t.length + 1))]) {
          const opts = { isKnownDomain: (d: string) => known.isKnownDomain(d), survey };
          expect(extractAddresses(t, opts)).toEqual(reference);
          expect(extractAddressList(t, opts)).toEqual(reference.map((f) => f.address));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the address list the rules read (issue 11)', () => {

  it('is the reference extractor’s addresses on the text of every fixture document and sample', async () => {
    const { extractDocument } = await import('../extract');
    const { readdirSync, statSync } = await import('node:fs');
    const texts: string[] = [];
    const walk = (dir: URL): void => {
      for (const name of readdirSync(dir)) {
        const url = new URL(name, dir);
        if (statSync(url).isDirectory()) walk(new URL(`${name}/`, dir));
        else if (/\.(docx|odt|pdf|xlsx|ods|pptx|odp|eml|html|txt|doc)$/i.test(name)) texts.push(url.pathname);
      }
    };
    walk(new URL('../../test/fixtures/', import.meta.url));
    walk(new URL('../../samples/', import.meta.url));
    let read = 0;
    for (const path of texts) {
      const bytes = new Uint8Array(readFileSync(path));
      agreesWithReference(new TextDecoder().decode(bytes));
      const doc = await extractDocument(path.slice(path.lastIndexOf('/') + 1), bytes).catch(() => undefined);
      if (!doc) continue;
      read++;
      const all = [doc, ...doc.parts.flatMap((p) => (p.document ? [p.document] : []))];
      for (const d of all) agreesWithReference(d.text);
    }
    expect(read).toBeGreaterThan(20);
  });

  it('is the reference extractor’s addresses on long bench-like texts with hidden forms and invisible characters', () => {
    const seeds = fc.tuple(fc.nat(), fc.constantFrom(0.01, 0.14, 0.5), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\u200b', '\u00ad', '\u2060', '\ufeff')), { maxLength: 4 }));
    fc.assert(
      fc.property(seeds, ([seed, rate, inserts]) => {
        const t = withInserted(benchText(60_000, seed, rate), inserts);
        agreesWithReference(t);
      }),
      { numRuns: 40 },
    );
  });
});
