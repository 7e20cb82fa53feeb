// Files embedded in a PDF (its attachments panel, file-attachment annotations) are read as
// parts and checked by the rules like an e-mail's attachments; the bomb guard inflates each
// one once, and pdfjs is handed a stand-in instead of inflating it again.
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { publicContactInDocumentRule } from '../rules/public-contact-in-document';
import { secretDocumentRule } from '../rules/secret-document';
import { context, draft } from '../rules/test-helpers';
import { extractDocument, readNotices } from './index';
import { Budget, resolveLimits, TextSink } from './limits';
import { copyForPdfjs, extractPdf, loadPdfjs } from './pdf';
import { boundFlateStreams, type SealedFile } from './pdf-streams';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/docs/${name}`, import.meta.url)));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Enough words that the page itself counts as read text (a page needs a few words). */
const PAGE = 'Lien he: van.phong@danang.gov.vn - Van phong Uy ban nhan dan thanh pho Da Nang';

/** A one-page PDF written by pdf-lib with `files` attached the way Acrobat's "Attach file" does. */
async function pdfWithAttachments(pageText: string, files: { name: string; bytes: Uint8Array; mimeType: string }[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(pageText, { x: 40, y: 800, size: 11, font });
  for (const f of files) await pdf.attach(f.bytes, f.name, { mimeType: f.mimeType });
  return pdf.save();
}

/** `pdf` with a file-attachment annotation on its first page for its first listed file, under the name `name`. */
async function withAttachmentAnnotation(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes);
  const listed = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const file = listed.lookup(1, PDFDict).lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F'));
  const spec = pdf.context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFHexString.fromText(name), EF: { F: file } });
  const annotation = pdf.context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [40, 700, 60, 720], FS: spec });
  pdf.getPage(0).node.addAnnot(pdf.context.register(annotation));
  return pdf.save();
}

/** Bytes no compressor shrinks (xorshift32), as a scan is. */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = 7;
  for (let k = 0; k < n; k++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[k] = s;
  }
  return out;
}

describe('files embedded in a PDF', () => {
  it('a secret-stamped docx attached inside a PDF is found, and a public address on its page too', async () => {
    const pdf = await pdfWithAttachments('Lien he: nguyenvana@gmail.com', [{ name: 'cong-van-mat.docx', bytes: fixture('cong-van-mat.docx'), mimeType: DOCX }]);
    const doc = await extractDocument('ho-so.pdf', pdf);
    expect(doc.text).toContain('nguyenvana@gmail.com');
    expect(doc.parts).toHaveLength(1);
    expect(doc.parts[0]).toMatchObject({ name: 'cong-van-mat.docx', contentType: DOCX });
    expect(doc.parts[0]!.document?.text).toContain('bảo vệ bí mật nhà nước');

    const msg = draft({ attachments: [{ name: 'ho-so.pdf', size: pdf.length, document: doc }] });
    const secret = secretDocumentRule.check(msg, context());
    expect(secret.map((f) => f.params)).toEqual([{ file: 'ho-so.pdf › cong-van-mat.docx', level: 'MẬT' }]);
    const contacts = publicContactInDocumentRule.check(msg, context());
    expect(JSON.stringify(contacts.map((f) => f.params))).toContain('nguyenvana@gmail.com');
  });

  it('a public address inside an attached docx is found, with the file named', async () => {
    const pdf = await pdfWithAttachments('Bao cao tong hop', [{ name: 'lien-he.docx', bytes: fixture('cong-van-lien-he-gmail.docx'), mimeType: DOCX }]);
    const doc = await extractDocument('bao-cao.pdf', pdf);
    const contacts = publicContactInDocumentRule.check(draft({ attachments: [{ name: 'bao-cao.pdf', size: pdf.length, document: doc }] }), context());
    expect(JSON.stringify(contacts.map((f) => f.params))).toContain('bao-cao.pdf › lien-he.docx');
  });

  it('an embedded file that cannot be read is listed as unread, never passed over', async () => {
    const pdf = await pdfWithAttachments(PAGE, [{ name: 'ban-scan.bin', bytes: noise(2_000_000), mimeType: 'application/octet-stream' }]);
    expect(pdf.length).toBeGreaterThan(2_000_000);
    const doc = await extractDocument('ho-so.pdf', pdf);
    expect(readNotices(doc)).toEqual([{ code: 'part-unreadable', part: 'ban-scan.bin', failure: { code: 'unsupported', reason: 'binary' } }]);
  });

  it('a file the attachment list names is read before the pages, and its bytes are let go of once read', async () => {
    const pdf = await pdfWithAttachments(PAGE, [{ name: 'ban-scan.bin', bytes: noise(1_000_000), mimeType: 'application/octet-stream' }]);
    const sink = new TextSink(1_000_000);
    const seen: { bytes: Uint8Array; pagesRead: boolean }[] = [];
    await extractPdf(pdf, sink, new Budget(resolveLimits({})), [], async (_name, bytes) => {
      seen.push({ bytes, pagesRead: !sink.empty });
      return { text: '', links: [], legacy: [], parts: [] };
    });
    expect(sink.text()).toContain('van.phong@danang.gov.vn');
    expect(seen.map((s) => s.pagesRead)).toEqual([false]);
    // Detached: the megabyte is no longer held by anything the PDF's reading keeps.
    expect(seen[0]!.bytes.byteLength).toBe(0);
  });

  it('a file a page names first keeps that name, though the attachment list was read before the pages', async () => {
    const listed = await pdfWithAttachments(PAGE, [{ name: 'cong-van-mat.docx', bytes: fixture('cong-van-mat.docx'), mimeType: DOCX }]);
    const doc = await extractDocument('ho-so.pdf', await withAttachmentAnnotation(listed, 'ban-chinh.docx'));
    expect(doc.parts.map((p) => [p.name, p.error])).toEqual([['ban-chinh.docx', undefined]]);
    expect(doc.parts[0]!.document?.text).toContain('bảo vệ bí mật nhà nước');
  });

  it('an attached picture has no text of its own and raises no notice', async () => {
    const pdf = await pdfWithAttachments(PAGE, [{ name: 'anh.jpg', bytes: noise(50_000), mimeType: 'image/jpeg' }]);
    const doc = await extractDocument('ho-so.pdf', pdf);
    expect(doc.parts).toMatchObject([{ name: 'anh.jpg', contentType: 'image/jpeg' }]);
    expect(readNotices(doc)).toEqual([]);
  });

  it('the bomb guard keeps each embedded file it inflates, byte for byte, and nothing else', async () => {
    const docx = fixture('cong-van-mat.docx');
    const scan = noise(300_000);
    const pdf = await pdfWithAttachments('Trang mot', [
      { name: 'a.docx', bytes: docx, mimeType: DOCX },
      { name: 'b.bin', bytes: scan, mimeType: 'application/octet-stream' },
    ]);
    const kept = boundFlateStreams(pdf, new Budget(resolveLimits({})));
    expect(kept.map((s) => s.contentType).sort()).toEqual(['application/octet-stream', DOCX]);
    expect(kept.map((s) => s.bytes.length).sort((a, b) => a - b)).toEqual([docx.length, scan.length].sort((a, b) => a - b));
    const byType = new Map(kept.map((s) => [s.contentType, s.inflate()]));
    expect(Buffer.from(byType.get(DOCX)!).equals(Buffer.from(docx))).toBe(true);
    expect(Buffer.from(byType.get('application/octet-stream')!).equals(Buffer.from(scan))).toBe(true);
  });

  it('a declared size that is too small is not believed: the file is kept whole, as it inflates', async () => {
    const scan = noise(300_000);
    const docx = fixture('cong-van-mat.docx');
    const pdf = await pdfWithAttachments('Trang mot', [
      { name: 'b.bin', bytes: scan, mimeType: 'application/octet-stream' },
      { name: 'a.docx', bytes: docx, mimeType: DOCX },
    ]);
    // Same number of digits, so every offset in the file stays true.
    const text = Buffer.from(pdf).toString('latin1');
    const lied = text.replace('/Size 300000', '/Size 100000').replace(`/Size ${docx.length}`, `/Size ${String(docx.length - 999).padStart(String(docx.length).length, '1')}`);
    expect(lied).not.toBe(text);
    const kept = boundFlateStreams(new Uint8Array(Buffer.from(lied, 'latin1')), new Budget(resolveLimits({})));
    const byType = new Map(kept.map((s) => [s.contentType, s.inflate()]));
    expect(Buffer.from(byType.get('application/octet-stream')!).equals(Buffer.from(scan))).toBe(true);
    expect(Buffer.from(byType.get(DOCX)!).equals(Buffer.from(docx))).toBe(true);
  });

  it('a two-filter embedded stream is not taken for the file (pdfjs reads it)', async () => {
    const pdf = await pdfWithAttachments('Trang mot', [{ name: 'a.docx', bytes: fixture('cong-van-mat.docx'), mimeType: DOCX }]);
    const text = Buffer.from(pdf).toString('latin1').replace(/(\/Type \/EmbeddedFile[^]*?)\/Filter \/FlateDecode/, '$1/Filter [/FlateDecode /AHx]');
    expect(text).toContain('/Filter [/FlateDecode /AHx]');
    expect(boundFlateStreams(new Uint8Array(Buffer.from(text, 'latin1')), new Budget(resolveLimits({})))).toEqual([]);
  });
});

describe('the copy pdfjs reads', () => {
  it('holds a few-byte stand-in for each embedded file the guard kept, so pdfjs never inflates the file again', async () => {
    const scan = noise(1_000_000);
    const pdf = await pdfWithAttachments(PAGE, [{ name: 'ban-scan.bin', bytes: scan, mimeType: 'application/octet-stream' }]);
    const kept = boundFlateStreams(pdf, new Budget(resolveLimits({})));
    const { copy, replaced } = copyForPdfjs(pdf, kept, (k) => `token ${k}`);
    expect([...replaced]).toEqual([0]);
    expect(copy.length).toBe(pdf.length);
    const pdfjs = await loadPdfjs();
    const doc = await pdfjs.getDocument({ data: copy, isEvalSupported: false, useWorkerFetch: false, verbosity: 0 }).promise;
    const attachments = (await doc.getAttachments()) as Record<string, { filename: string; content: Uint8Array }>;
    expect(Object.values(attachments).map((a) => [a.filename, new TextDecoder().decode(a.content)])).toEqual([['ban-scan.bin', 'token 0']]);
    // The stand-in's buffer is sized by its own small /Length, not by the file's (pdfjs's port clones it whole).
    expect(Object.values(attachments)[0]!.content.buffer.byteLength).toBeLessThan(4096);
    const text = await (await doc.getPage(1)).getTextContent();
    expect(text.items.map((i) => ('str' in i ? i.str : '')).join('')).toContain('van.phong@danang.gov.vn');
    await doc.destroy();
  });
});

// Locked against editing, open to anyone (owner password only), by qpdf: AES-256 and RC4 128-bit.
// Each holds the secret-stamped docx and a 2 MB text list (a few KB compressed); make-encrypted-pdf.ts.
describe.each(['ho-so-khoa-chu.pdf', 'ho-so-khoa-chu-rc4.pdf'])('files embedded in an encrypted PDF (%s)', (name) => {
  it('are read: the secret docx and the address at the end of the 2 MB list are found', async () => {
    const doc = await extractDocument(name, fixture(name));
    expect(doc.text).toContain('van.phong@danang.gov.vn');
    expect(doc.parts.map((p) => [p.name, p.size, p.error])).toEqual([
      ['cong-van-mat.docx', fixture('cong-van-mat.docx').length, undefined],
      ['danh-sach.txt', 2_097_235, undefined],
    ]);
    expect(doc.parts[0]!.document?.text).toContain('bảo vệ bí mật nhà nước');
    expect(doc.parts[1]!.document?.text).toContain('nguyenvana@gmail.com');
  });

  it('are held to the size caps, with the same error as in an unencrypted PDF', async () => {
    const bomb = { name: 'ExtractError', code: 'zip-bomb', message: 'A compressed stream in the PDF inflates past 1048576 bytes; the file looks like a compression bomb.' };
    await expect(extractDocument(name, fixture(name), { maxEntryBytes: 1024 * 1024 })).rejects.toMatchObject(bomb);
    await expect(extractDocument(name, fixture(name), { maxExpandedBytes: 1.5 * 1024 * 1024 })).rejects.toMatchObject({ code: 'zip-bomb' });
  });

  it('reach pdfjs with their /Filter blanked, so pdfjs decrypts them but never inflates them', () => {
    const pdf = fixture(name);
    const sealed: SealedFile[] = [];
    expect(boundFlateStreams(pdf, new Budget(resolveLimits({})), sealed)).toEqual([]);
    expect(sealed.map((s) => [s.declared, s.contentType])).toEqual([
      [fixture('cong-van-mat.docx').length, DOCX],
      [2_097_235, 'text/plain'],
    ]);
    const { copy } = copyForPdfjs(pdf, [], () => '', sealed);
    for (const s of sealed) {
      expect(Buffer.from(pdf.subarray(s.filter.start, s.filter.end)).toString('latin1')).toMatch(/^\/Filter\s*\/FlateDecode$/);
      expect(copy.subarray(s.filter.start, s.filter.end).every((b) => b === 0x20)).toBe(true);
    }
  });
});

// Taken when this file is evaluated: pdfjs is loaded only when the first PDF is read.
const engines = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

describe('after pdfjs has loaded', () => {
  it('Array.prototype.push and JSON are the engine\'s own again (pdfjs\'s legacy build replaces them with script)', async () => {
    // core-js makes its replacements print as "[native code]", so they are told apart by identity.
    expect('prototype' in engines.push).toBe(false);
    await extractDocument('a.pdf', fixture('cong-van-lien-he-gmail.pdf'));
    expect(Array.prototype.push).toBe(engines.push);
    expect(JSON.parse).toBe(engines.parse);
    expect(JSON.stringify).toBe(engines.stringify);
    expect('prototype' in Array.prototype.push).toBe(false);
  });
});
