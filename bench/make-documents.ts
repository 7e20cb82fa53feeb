// Builds the 20 MB benchmark documents: a docx written by the `docx` library and a PDF
// written by pdf-lib, each with many pages of Vietnamese text and a large binary part, the
// way real 20 MB attachments are (mostly pictures or embedded files, plus the text).
import { AlignmentType, Document, Footer, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
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
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { level: k.endsWith('.jpg') ? 0 : 6 }]])));
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
  return pdf.save();
}
