// The shared-string table is kept as long blocks and offsets; every cell must still get its own
// string back, across block edges, and a value naming no string must still give nothing.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocument } from './index';
import { SharedStrings } from './xlsx';

describe('SharedStrings', () => {
  it('gives every string back by its index over many blocks', () => {
    const table = new SharedStrings();
    const strings = Array.from({ length: 40_000 }, (_, k) => (k % 5000 === 0 ? `Dài ${k} ${'chữ '.repeat(20_000)}` : k % 7 === 0 ? '' : `Nguyễn Văn ${k}`));
    for (const s of strings) table.add(s);
    table.finish();
    expect(table.count).toBe(strings.length);
    for (let k = 0; k < strings.length; k++) expect(table.at(String(k))).toBe(strings[k]);
  });

  it('reads an index as Number() does, and gives nothing for one that names no string', () => {
    const table = new SharedStrings();
    for (const s of ['Văn phòng', 'Phòng Tài chính', 'Sở Nội vụ']) table.add(s);
    table.finish();
    expect([' 2 ', '1.0', '', '-0'].map((v) => table.at(v))).toEqual(['Sở Nội vụ', 'Phòng Tài chính', 'Văn phòng', 'Văn phòng']);
    expect(['3', '-1', '1.5', 'x', '1e9', 'NaN'].map((v) => table.at(v))).toEqual(['', '', '', '', '', '']);
  });
});

describe('a sheet whose shared strings span many blocks', () => {
  it('reads every cell into its row, in order', async () => {
    const strings: string[] = [];
    const rows: string[] = [];
    const expected: string[] = ['Danh bạ'];
    for (let r = 1; r <= 6000; r++) {
      strings.push(`Cán bộ số ${r} Phòng Văn hóa`, `canbo${r}@danang.gov.vn`);
      const name = strings.length - 2;
      rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${name + 1}</v></c><c r="B${r}"><v>${r}</v></c><c r="C${r}" t="s"><v>${name}</v></c></row>`);
      expected.push(`canbo${r}@danang.gov.vn\t${r}\tCán bộ số ${r} Phòng Văn hóa\t`);
    }
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8(`<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Danh bạ" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${ns}><sheetData>${rows.join('')}</sheetData></worksheet>`),
      'xl/sharedStrings.xml': strToU8(`<sst ${ns}>${strings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`),
    });
    const doc = await extractDocument('danh-ba.xlsx', xlsx);
    expect(doc.text.split('\n').filter((l) => l !== '')).toEqual(expected);
  });
});
