// What could not be read is said, never dropped: attachments of a received mail that fail,
// messages nested deep, office names on bytes that are no package, files with no text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mailWith, nestedIn, zipBomb } from '../../test/fixtures/mail';
import { extractDocument, readNotices } from './index';

const third = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/third-party/${name}`, import.meta.url)));
const own = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/docs/${name}`, import.meta.url)));
const enc = new TextEncoder();

describe('attachments that could not be read are listed with their name and reason', () => {
  it('password-protected docx and pdf, legacy .doc, corrupt pdf, zip bomb, scanned pdf', async () => {
    const eml = mailWith('Kinh gui anh chi, xin gui kem tai lieu.', [
      ['hop-dong-mat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', third('testWORD_protected_passtika.docx')],
      ['cong-van-cu.doc', 'application/msword', third('test.doc')],
      ['bao-cao.pdf', 'application/pdf', third('testUnicodePassword.pdf')],
      ['hong.pdf', 'application/pdf', enc.encode('%PDF-1.7\n1 0 obj <<>> garbage')],
      ['du-lieu.docx', 'application/octet-stream', zipBomb(30)],
      ['ban-scan.pdf', 'application/pdf', third('testOCR.pdf')],
      ['cong-van-lien-he-gmail.docx', 'application/octet-stream', own('cong-van-lien-he-gmail.docx')],
    ]);
    // A bomb of 30 MB against a 20 MB cap stands for the real 200 MB one, to keep the test quick.
    const doc = await extractDocument('thu-den.eml', enc.encode(eml), { maxExpandedBytes: 20 * 2 ** 20 });
    expect(doc.parts.find((p) => p.name === 'cong-van-lien-he-gmail.docx')?.document?.text).toContain('nguyenvana@gmail.com');
    expect(readNotices(doc)).toEqual([
      { code: 'part-unreadable', part: 'hop-dong-mat.docx', failure: { code: 'encrypted' } },
      { code: 'part-unreadable', part: 'cong-van-cu.doc', failure: { code: 'unsupported', reason: 'legacy-doc' } },
      { code: 'part-unreadable', part: 'bao-cao.pdf', failure: { code: 'encrypted' } },
      { code: 'part-unreadable', part: 'hong.pdf', failure: { code: 'corrupt' } },
      { code: 'part-unreadable', part: 'du-lieu.docx', failure: { code: 'zip-bomb' } },
      { code: 'no-text', part: 'ban-scan.pdf' },
    ]);
  });

  it('a third-party MIME torture message: each unread gzip is named with the messages it sits in', async () => {
    const doc = await extractDocument('mimetorture.eml', third('mimetorture.eml'));
    const unread = readNotices(doc).filter((n) => n.code === 'part-unreadable');
    expect(unread.map((n) => n.part)).toEqual(['message-2.eml › message-1.eml › foo.gz', 'message-3.eml › blah.gz', 'message-4.eml › blah1.gz', 'message-5.eml › attachment-1']);
    expect(unread.every((n) => n.code === 'part-unreadable' && n.failure.reason === 'binary')).toBe(true);
  });
});

describe('messages inside messages', () => {
  const contact = mailWith('Lien he: xem tep dinh kem.', [['cong-van.docx', 'application/octet-stream', own('cong-van-lien-he-gmail.docx')]]);

  it('a public contact four messages deep is read', async () => {
    const doc = await extractDocument('fwd.eml', enc.encode(nestedIn(contact, 4)));
    let level = doc;
    for (let k = 0; k < 4; k++) level = level.parts[0]!.document!;
    expect(level.parts[0]?.document?.text).toContain('nguyenvana@gmail.com');
    expect(readNotices(doc)).toEqual([]);
  });

  it('past the depth that is followed, the unread part is listed with its path', async () => {
    const doc = await extractDocument('fwd.eml', enc.encode(nestedIn(contact, 9)));
    // Levels 1 to 8 are read; the ninth message is named by where it sits.
    const path = Array.from({ length: 9 }, () => 'message-1.eml').join(' › ');
    expect(readNotices(doc)).toEqual([{ code: 'part-unreadable', part: path, failure: { code: 'too-deep', depth: 8 } }]);
  });
});

describe('a name that promises a package', () => {
  it('is refused when the bytes are no zip (never read as text)', async () => {
    for (const [name, format] of [['Dummy.docx', 'DOCX'], ['bien-ban.odt', 'ODT'], ['so-lieu.xlsx', 'XLSX']] as const) {
      await expect(extractDocument(name, enc.encode('Dummy Word content'))).rejects.toMatchObject({ code: 'corrupt', reason: 'not-a-package', format });
    }
  });

  it('a real PDF saved under a .docx name is still read as what it is', async () => {
    const doc = await extractDocument('nham-ten.docx', own('cong-van-lien-he-gmail.pdf'));
    expect(doc.text).toContain('nguyenvana@gmail.com');
  });
});

describe('nothing to check', () => {
  it('an image-only PDF, an empty file and a blank text get a no-text notice', async () => {
    expect((await extractDocument('testOCR.pdf', third('testOCR.pdf'))).notices).toEqual([{ code: 'no-text' }]);
    expect((await extractDocument('rong.txt', new Uint8Array(0))).notices).toEqual([{ code: 'no-text' }]);
    expect((await extractDocument('trang.txt', enc.encode(' \n\t\n'))).notices).toEqual([{ code: 'no-text' }]);
  });

  it('documents with text get none', async () => {
    for (const name of ['cong-van-lien-he-gmail.pdf', 'cong-van-sach.docx', 'danh-ba-lien-he.xlsx']) {
      expect((await extractDocument(name, own(name))).notices, name).toBeUndefined();
    }
  });
});
