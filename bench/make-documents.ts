// Builds the benchmark documents: a 20 MB docx written by the `docx` library and a 20 MB PDF
// written by pdf-lib, each with many pages of Vietnamese text and a large binary part, the
// way real 20 MB attachments are (mostly pictures or embedded files, plus the text); and a
// 100,000-row contact directory in xlsx, where the cost is the number of cells.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, Footer, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { vietnameseText } from './vietnamese-text';

const MB = 1024 * 1024;

/**
 * Incompressible bytes, as a scan or a photo is. xorshift32 keeps every step inside 32-bit
 * integers (a multiplicative generator in floating point loses its low bits and soon repeats,
 * which zip and pdf-lib's Flate then squeeze to almost nothing).
 */
export function noise(bytes: number, seed = 7): Uint8Array {
  const out = new Uint8Array(bytes);
  let s = seed | 0 || 1;
  for (let k = 0; k < bytes; k += 4) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[k] = s;
    out[k + 1] = s >>> 8;
    out[k + 2] = s >>> 16;
    out[k + 3] = s >>> 24;
  }
  return out;
}

export async function makeDocx(totalBytes = 20 * MB, textChars = 4 * MB): Promise<Uint8Array> {
  const { text } = vietnameseText(textChars, 3);
  const paragraphs = text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
  const doc = new Document({
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('Liên hệ: vanphong@danang.gov.vn')] })] }) },
        children: paragraphs,
      },
    ],
  });
  const base = new Uint8Array(await Packer.toBuffer(doc));
  // A stored (incompressible) picture brings the file to its size, as scans do.
  const entries: Record<string, Uint8Array> = unzipSync(base);
  const room = totalBytes - base.length;
  if (room > 0) entries['word/media/scan.jpg'] = noise(room);
  entries['[Content_Types].xml'] = strToU8(
    new TextDecoder().decode(entries['[Content_Types].xml']).replace('<Default Extension="rels"', '<Default Extension="jpg" ContentType="image/jpeg"/><Default Extension="rels"'),
  );
  const out = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { level: k.endsWith('.jpg') ? 0 : 6 }]])));
  assertSize('docx', out, totalBytes);
  return out;
}

export async function makePdf(totalBytes = 20 * MB, pages = 400): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  // The standard fonts cannot encode Vietnamese: the text is written without diacritics.
  const ascii = vietnameseText(pages * 3000, 5).text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e\n]/g, ' ');
  const lines = ascii.match(/[^\n]{1,95}/g) ?? [];
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595, 842]);
    for (let l = 0; l < 50; l++) page.drawText(lines[(p * 50 + l) % lines.length]!, { x: 40, y: 800 - l * 15, size: 10, font });
  }
  const head = await pdf.save();
  await pdf.attach(noise(Math.max(0, totalBytes - head.length - 4096)), 'ban-scan.bin', { mimeType: 'application/octet-stream' });
  const out = await pdf.save();
  // The file must be what the bench says it is: a noise generator that repeats lets pdf-lib's
  // Flate squeeze "20 MB" to under 1 MB, as it once did.
  assertSize('PDF', out, totalBytes);
  return out;
}

function assertSize(what: string, bytes: Uint8Array, expected: number): void {
  if (Math.abs(bytes.length - expected) > expected * 0.02) throw new Error(`The bench ${what} is ${bytes.length} bytes, not the ${expected} it should be.`);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A contact directory of `rows` rows, the way LibreOffice Calc writes one: the real fixture
 * made by LibreOffice (test/fixtures/docs/danh-ba-lien-he.xlsx) keeps its workbook, styles and
 * relationships, and gets a sheet of `rows` rows (name, unit, address, phone) whose strings sit
 * in the shared-string table, each address a string of its own.
 */
export function makeXlsx(rows = 100_000): Uint8Array {
  const template = unzipSync(new Uint8Array(readFileSync(join(process.cwd(), 'test/fixtures/docs/danh-ba-lien-he.xlsx'))));
  const { text } = vietnameseText(rows * 40, 11);
  const words = text.split(/[\s,;.]+/).filter((w) => w.length > 1);
  const units = ['Văn phòng', 'Phòng Văn hóa', 'Sở Thông tin và Truyền thông', 'Ủy ban nhân dân phường Hải Châu I', 'Phòng Tài chính - Kế hoạch'];
  const strings: string[] = ['Họ và tên', 'Đơn vị', 'Thư điện tử', 'Điện thoại', ...units];
  const cells: string[] = [];
  const row = (r: number, values: string) => `<row r="${r}" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">${values}</row>`;
  const s = (ref: string, index: number) => `<c r="${ref}" s="0" t="s"><v>${index}</v></c>`;
  cells.push(row(1, [0, 1, 2, 3].map((k) => s(`${'ABCD'[k]}1`, k)).join('')));
  for (let r = 2; r <= rows + 1; r++) {
    const name = `${words[(r * 3) % words.length]} ${words[(r * 7 + 1) % words.length]} ${words[(r * 11 + 2) % words.length]}`;
    const address = r % 50 === 0 ? `canbo${r}@gmail.com` : `canbo${r}@danang.gov.vn`;
    strings.push(name, address);
    const n = strings.length;
    cells.push(row(r, s(`A${r}`, n - 2) + s(`B${r}`, 4 + (r % units.length)) + s(`C${r}`, n - 1) + `<c r="D${r}" s="0" t="n"><v>${2363840000 + r}</v></c>`));
  }
  const sheet = strFromU8(template['xl/worksheets/sheet1.xml']!);
  template['xl/worksheets/sheet1.xml'] = strToU8(
    sheet.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:D${rows + 1}"/>`).replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${cells.join('')}</sheetData>`),
  );
  template['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${rows * 4 + 4}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join('')}</sst>`,
  );
  return zipSync(Object.fromEntries(Object.entries(template).map(([k, v]) => [k, [v, { level: 6 }]])));
}
