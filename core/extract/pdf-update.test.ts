// The streams the bomb guard inflated reach pdfjs already inflated, as an incremental update
// appended to its copy; pdfjs must read the same text from it as from the file itself, and a
// file whose objects may have outdated revisions (updated before) gets no such update.
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Budget, resolveLimits } from './limits';
import { copyForPdfjs, loadPdfjs } from './pdf';
import { boundFlateStreams } from './pdf-streams';
import { inflatedUpdate, type InflatedStream } from './pdf-update';

const file = (path: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url)));

function found(pdf: Uint8Array): InflatedStream[] {
  const inflated: InflatedStream[] = [];
  boundFlateStreams(pdf, new Budget(resolveLimits({})), [], inflated);
  return inflated;
}

async function pagesText(data: Uint8Array): Promise<string[]> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useWorkerFetch: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const text = await (await doc.getPage(n)).getTextContent();
    pages.push(text.items.map((i) => ('str' in i ? i.str : '')).join('|'));
  }
  await doc.destroy();
  return pages;
}

async function pdfLibPages(n: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < n; p++) pdf.addPage([595, 842]).drawText(`Trang ${p + 1} - Lien he: vanphong${p}@danang.gov.vn`, { x: 40, y: 800, size: 11, font });
  return pdf.save();
}

describe('the inflated streams appended for pdfjs', () => {
  it.each([
    ['LibreOffice, a cross-reference table', () => file('docs/cong-van-lien-he-gmail.pdf')],
    ['pdf-lib, object streams and a cross-reference stream', () => pdfLibPages(30)],
    ['a signed letter', () => file('signatures/cong-van-ky-so.pdf')],
  ])('%s: every page content stream goes in the update, and pdfjs reads the same text from it', async (_, make) => {
    const pdf = await make();
    const inflated = found(pdf);
    const update = inflatedUpdate(pdf, inflated);
    expect(update).toBeDefined();
    const { copy } = copyForPdfjs(pdf, [], () => '', [], update);
    expect(copy.length).toBeGreaterThan(pdf.length);
    // The objects' first revisions are spoiled in the copy (a filter name pdfjs does not know):
    // the text can only come from the update.
    const text = Buffer.from(copy.subarray(0, pdf.length)).toString('latin1');
    for (const { objectId } of inflated) {
      const at = text.search(new RegExp(`(^|\\s)${objectId} obj\\b`));
      expect(at).toBeGreaterThanOrEqual(0);
      const filter = text.indexOf('FlateDecode', at);
      expect(filter - at).toBeLessThan(300);
      copy.set(Buffer.from('FlateDecodX', 'latin1'), filter);
    }
    const original = await pagesText(pdf);
    expect(original.join('')).not.toBe('');
    expect(await pagesText(copy)).toEqual(original);
  });

  it('a file updated after it was written (two cross-reference sections) gets no update: its objects may be outdated revisions', () => {
    const pdf = file('signatures/cong-van-ky-so-sua-sau.pdf');
    expect(found(pdf).length).toBeGreaterThan(0);
    expect(inflatedUpdate(pdf, found(pdf))).toBeUndefined();
  });

  it('an encrypted file gets none: its streams are ciphertext', () => {
    const pdf = file('docs/ho-so-khoa-chu.pdf');
    expect(inflatedUpdate(pdf, found(pdf))).toBeUndefined();
  });
});
