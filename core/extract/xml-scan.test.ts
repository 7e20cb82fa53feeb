// The scanner must read what saxes reads and refuse what saxes refuses: spreadsheets went
// through saxes before, and a cell read differently, or a broken part taken as whole, would
// change what a user is told. Random documents (and broken copies of them) are cut into random
// chunks and read by both; then a workbook with every construct a producer may write.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { extractDocument } from './index';
import { NEEDS_SAXES, XmlScanner } from './xml-scan';

const local = (q: string) => q.slice(q.indexOf(':') + 1);

/** Adjacent text events joined: readers only ever concatenate them. */
function joined(events: string[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.startsWith('text ') && out.at(-1)?.startsWith('text ')) out[out.length - 1] += e.slice(5);
    else out.push(e);
  }
  return out.filter((e) => e !== 'text ');
}

function bySaxes(xml: string): string[] {
  const events: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => events.push(`open ${local(t.name)} ${JSON.stringify(t.attributes)}`));
  parser.on('closetag', (t) => events.push(`close ${local(t.name)}`));
  parser.on('text', (t) => events.push(`text ${t}`));
  parser.on('cdata', (t) => events.push(`text ${t}`));
  try {
    parser.write(xml);
    parser.close();
  } catch {
    events.push('error');
  }
  return joined(events);
}

/** Asks for each tag the attributes saxes saw on it, by their full names, in saxes's order. */
function byScanner(chunks: string[], attrNames: string[][]): string[] {
  const events: string[] = [];
  let tag = 0;
  const scanner = new XmlScanner(
    {
      open(name, attr) {
        const attrs: Record<string, string | undefined> = {};
        for (const key of attrNames[tag++] ?? []) attrs[key] = attr(key);
        events.push(`open ${name} ${JSON.stringify(attrs)}`);
      },
      close: (name) => events.push(`close ${name}`),
      text: (t) => events.push(`text ${t}`),
    },
    'test.xml',
  );
  try {
    for (const c of chunks) scanner.write(c);
    scanner.close();
  } catch (err) {
    events.push(err === NEEDS_SAXES ? 'needs saxes' : 'error');
  }
  return joined(events);
}

function compare(chunks: string[]): { saxes: string[]; scanner: string[] } {
  const saxes = bySaxes(chunks.join(''));
  const attrNames = saxes.filter((e) => e.startsWith('open ')).map((e) => Object.keys(JSON.parse(e.slice(e.indexOf('{'))) as object));
  return { saxes, scanner: byScanner(chunks, attrNames) };
}

// Documents built from the pieces SpreadsheetML parts are made of, and from the ones that break XML.
const name = fc.constantFrom('c', 'v', 't', 'r', 'si', 'is', 'rPh', 'x:c', 'x:t', 'é', 'a.b-c', 'row1');
const attrName = fc.constantFrom('t', 'r', 's', 'x:t', 'xml:space', 'xmlns:x', 'id');
const text = fc
  .array(fc.constantFrom('x', ' ', 'Hà Nội', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x1F600;', '\r\n', '\r', '\n', '\t', ']', ']]', '&gt;', '"', "'", 'a@b.vn'), { maxLength: 5 })
  .map((a) => a.join(''));
const attrValue = fc.array(fc.constantFrom('x', ' ', '&amp;', '&#9;', '\t', '\n', '\r\n', '>', 'A1', 's', '&#x3C;'), { maxLength: 4 }).map((a) => a.join(''));
const space = fc.constantFrom(' ', '\n', '\t', '\r\n', '  ');
const attrs = fc
  .uniqueArray(fc.tuple(attrName, attrValue, fc.boolean(), space), { selector: (a) => a[0], maxLength: 4 })
  .map((list) => list.map(([n, v, dq, ws]) => (dq ? `${ws}${n}="${v}"` : `${ws}${n}='${v}'`)).join(''));
const other = fc.constantFrom('<![CDATA[x<y&amp;]]>', '<![CDATA[]]>', '<![CDATA[a\r\nb]]>', '<!-- c -->', '<?pi data?>', '<!---->');
function element(depth: number): fc.Arbitrary<string> {
  const child = depth > 0 ? fc.oneof({ weight: 3, arbitrary: element(depth - 1) }, { weight: 3, arbitrary: text }, { weight: 1, arbitrary: other }) : fc.oneof(text, other);
  return fc
    .tuple(name, attrs, fc.array(child, { maxLength: 4 }), fc.boolean(), fc.constantFrom('', ' ', '\n'))
    .map(([n, a, kids, empty, ws]) => (empty && kids.length === 0 ? `<${n}${a}${ws}/>` : `<${n}${a}${ws}>${kids.join('')}</${n}${ws}>`));
}
const documents = fc
  .tuple(fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "<?xml version='1.0'?>"), fc.constantFrom('', '\n', '<!-- p -->\n'), element(3), fc.constantFrom('', '\n', ' <!-- e -->\n'))
  .map((parts) => parts.join(''));
const breakers = fc.constantFrom('<', '>', '&', ';', '"', "'", '/', '=', ']]>', '<!--', '--', '\u0001', '&bogus;', '&#0;', '</a>', '<a>', 'x', '<?xml version="1.0"?>', '<![CDATA[', ':', '\uFFFE', '&#xD800;', '&#X41;');
const broken = fc.tuple(documents, fc.array(fc.tuple(fc.nat(), fc.nat(3), breakers), { minLength: 1, maxLength: 3 })).map(([doc, edits]) => {
  for (const [at, cut, insert] of edits) {
    const p = at % (doc.length + 1);
    doc = doc.slice(0, p) + insert + doc.slice(p + cut);
  }
  return doc;
});
const inChunks = (docs: fc.Arbitrary<string>) =>
  fc.tuple(docs, fc.uniqueArray(fc.nat(), { maxLength: 6 })).map(([doc, cuts]) => {
    const at = cuts.map((c) => c % (doc.length + 1)).sort((a, b) => a - b);
    return [...at, doc.length].map((end, k) => doc.slice(k === 0 ? 0 : at[k - 1], end));
  });

describe('XmlScanner against saxes', () => {
  it('reads every well-formed document as saxes does, however it is cut into chunks', () => {
    fc.assert(
      fc.property(inChunks(documents), (chunks) => {
        const { saxes, scanner } = compare(chunks);
        expect(saxes.at(-1)).not.toBe('error');
        expect(scanner).toEqual(saxes);
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses every broken copy saxes refuses, and reads the others as saxes does', () => {
    let refused = 0;
    fc.assert(
      fc.property(inChunks(broken), (chunks) => {
        const { saxes, scanner } = compare(chunks);
        expect(scanner.at(-1) === 'error').toBe(saxes.at(-1) === 'error');
        if (saxes.at(-1) === 'error') refused++;
        else expect(scanner).toEqual(saxes);
      }),
      { numRuns: 1500 },
    );
    // The mutations must break documents often enough for the refusals to have been tried.
    expect(refused).toBeGreaterThan(300);
  });

  it.each([
    ['entities and character references', '<t>&lt;a&gt; &amp; &quot;&apos; &#65;&#x1EA0;&#x1F600;</t>'],
    ['a prefix on elements and attributes', '<x:c x:t="s" r="A1"><x:v>3</x:v></x:c>'],
    ['both quote styles, spaces around =, self-closing tags', `<c r = 'A1' t="inlineStr" s='1'><is><t/></is></c>`],
    ['CDATA, comments and processing instructions inside text', '<t>a<![CDATA[<b>&amp;]]>c<!-- x -->d<?pi x?>e</t>'],
    ['line ends in text, attributes and CDATA', '<t a="1\r\n2\t3">x\r\ny\rz<![CDATA[p\r\nq]]></t>'],
    ['rich text runs with phonetic runs', '<si><r><rPr><b/></rPr><t>Hà </t></r><r><t xml:space="preserve"> Nội </t></r><rPh sb="0" eb="1"><t>ハ</t></rPh></si>'],
    ['an XML declaration and whitespace around the root', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- c -->\n<sst/>\n'],
  ])('reads %s as saxes does', (_, xml) => {
    for (const size of [1, 2, 5, xml.length]) {
      const chunks = Array.from({ length: Math.ceil(xml.length / size) }, (_, k) => xml.slice(k * size, (k + 1) * size));
      const { saxes, scanner } = compare(chunks);
      expect(saxes.at(-1)).not.toBe('error');
      expect(scanner).toEqual(saxes);
    }
  });

  it.each([
    ['a duplicate attribute', '<c t="s" t="n"/>'],
    ['an undefined entity', '<t>&nbsp;</t>'],
    ['a reference to a character XML forbids', '<t>&#1;</t>'],
    ['a control character', '<t>\u0001</t>'],
    ['"]]>" in text', '<t>a]]>b</t>'],
    ['< in an attribute value', '<c r="<"/>'],
    ['an unquoted attribute value', '<c t=s/>'],
    ['a close tag that does not match', '<c><v>1</c></v>'],
    ['an element left open', '<sst><si><t>x</t></si>'],
    ['text after the root', '<sst/>x'],
    ['two roots', '<a/><b/>'],
    ['"--" inside a comment', '<a><!-- x -- y --></a>'],
    ['an XML declaration after the start', ' <?xml version="1.0"?><a/>'],
    ['no root at all', '<!-- only a comment -->'],
  ])('refuses %s, as saxes does', (_, xml) => {
    const { saxes, scanner } = compare([xml]);
    expect(saxes.at(-1)).toBe('error');
    expect(scanner.at(-1)).toBe('error');
  });

  it('reads text far longer than a chunk, cut anywhere, as saxes does', () => {
    const unit = 'Phòng ]] Văn hóa &amp; &#x1EA0;\r\n]';
    const xml = `<sst><si><t>${unit.repeat(9000)}</t></si><si><t a="${'x'.repeat(70_000)}">${'y'.repeat(140_000)}</t></si></sst>`;
    for (const size of [997, 65_536, 65_537, 100_003]) {
      const chunks = Array.from({ length: Math.ceil(xml.length / size) }, (_, k) => xml.slice(k * size, (k + 1) * size));
      const { saxes, scanner } = compare(chunks);
      expect(saxes.at(-1)).not.toBe('error');
      expect(scanner).toEqual(saxes);
    }
  });

  it('hands a document with a DOCTYPE back before reporting anything', () => {
    expect(byScanner(['<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY e "x">]>\n<sst/>'], [])).toEqual(['needs saxes']);
  });
});

describe('a tag with many attributes', () => {
  // Names alike in length and in the characters the scanner hashes: q??m??q.
  const alike = (count: number) => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    return Array.from({ length: count }, (_, k) => `q${letters[k % 52]}${letters[Math.floor(k / 52) % 52]}m${letters[Math.floor(k / 2704) % 52]}xq`);
  };

  it('is read, and a repeated name refused, as saxes does, however many there are', () => {
    const pool = fc.constantFrom(...alike(60), 'x:t', 't', 'r');
    fc.assert(
      fc.property(fc.array(pool, { minLength: 20, maxLength: 90 }), fc.boolean(), (names, unique) => {
        const list = unique ? [...new Set(names)] : names;
        const { saxes, scanner } = compare([`<c ${list.map((n, k) => `${n}="${k}"`).join(' ')}/>`]);
        expect(scanner).toEqual(saxes);
      }),
      { numRuns: 400 },
    );
  });

  it('costs in proportion to its attributes: names crafted alike are not each compared with all before', () => {
    // Counted as characters read, not timed: 120 000 such names held the CLI's main thread 90 s.
    const reads = (count: number) => {
      const xml = `<c ${alike(count).map((n) => `${n}=""`).join(' ')}/>`;
      const charCodeAt = String.prototype.charCodeAt;
      let calls = 0;
      // Replaced by hand: a spy would keep every call's arguments, millions of them.
      String.prototype.charCodeAt = function (this: string, k: number) {
        calls++;
        return charCodeAt.call(this, k);
      };
      try {
        const scanner = new XmlScanner({}, 'test.xml');
        scanner.write(xml);
        scanner.close();
      } finally {
        String.prototype.charCodeAt = charCodeAt;
      }
      return calls;
    };
    const few = reads(2000);
    // Twice the attributes, about twice the reading (four times, were each compared with all before).
    expect(reads(4000) / few).toBeLessThan(2.5);
  });
});

describe('a workbook written with every construct a producer may use', () => {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const workbook = (sheet: string, shared: string) =>
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8(`<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Danh bạ" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/sharedStrings.xml': strToU8(shared),
    });
  const shared =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<x:si><x:t>Nguyễn &amp; Trần &lt;cán bộ&gt;</x:t></x:si>` +
    `<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Phòng </x:t></x:r><x:r><x:t>Văn hóa</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si>` +
    `<x:si><x:t><![CDATA[a<b>@danang.gov.vn]]></x:t></x:si>` +
    `<x:si><x:t>&#x1EA0;&#7841; canbo1@danang.gov.vn</x:t></x:si></x:sst>`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${ns}><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r='B1' t='s'><v>1</v></c></row>` +
    `<row r="2"><c t="s" r="A2"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>Sở </t></r><r><t>Nội vụ</t></r></is></c><c r="C2" t="b"><v>1</v></c><c r="D2"><v>42</v></c><c r="E2" t="str"><v>x &gt; y</v></c></row>` +
    `<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"/><c r="C3" t="e"><v>#N/A</v></c></row>` +
    `</sheetData><headerFooter><oddHeader>&amp;L&amp;"Arial,Bold"Công văn&amp;RTrang &amp;P</oddHeader></headerFooter></worksheet>`;

  it('gives every cell, run and header as it did through saxes', async () => {
    const doc = await extractDocument('danh-ba.xlsx', workbook(sheet, shared));
    expect(doc.notices).toBeUndefined();
    expect(doc.text.split('\n').filter((l) => l !== '')).toEqual([
      'Danh bạ',
      'Nguyễn & Trần <cán bộ>\tPhòng Văn hóa\t',
      'a<b>@danang.gov.vn\tSở Nội vụ\tTRUE\t42\tx > y\t',
      'Ạạ canbo1@danang.gov.vn\t#N/A\t',
      'Công văn Trang',
    ]);
  });

  it('reads a part with a DOCTYPE through saxes, as before', async () => {
    const withDoctype = sheet.replace('\n<worksheet', '\n<!DOCTYPE worksheet>\n<worksheet');
    const doc = await extractDocument('danh-ba.xlsx', workbook(withDoctype, shared.replace('\r\n<x:sst', '<!DOCTYPE x:sst><x:sst')));
    expect(doc.text).toContain('Sở Nội vụ\tTRUE\t42');
    expect(doc.text).toContain('Phòng Văn hóa');
  });

  it('keeps what came before a break in a sheet and says the workbook is damaged', async () => {
    const doc = await extractDocument('danh-ba.xlsx', workbook(sheet.replace('<c r="A3" t="s">', '<c r="A3" t="s" r="A4">'), shared));
    expect(doc.text).toContain('Sở Nội vụ');
    expect(doc.text).not.toContain('#N/A');
    expect(doc.notices).toContainEqual({ code: 'damaged' });
  });
});
