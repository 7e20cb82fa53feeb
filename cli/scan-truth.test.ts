// The scanner tells the whole truth, end to end through the built command: a long text read
// to its end, every unread attachment of a received mail named with its reason, office names
// on bytes that are no package refused, textless files not called clean, Vietnamese only.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailWith, nestedIn, zipBomb } from '../test/fixtures/mail';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/congvu-guard.js');
const own = (name: string) => join(root, 'test/fixtures/docs', name);
const third = (name: string) => join(root, 'test/fixtures/third-party', name);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 2 ** 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonFile {
  path: string;
  findings: Array<{ rule: string; message: string; addresses?: string[] }>;
  error?: string;
  notices?: Array<{ code: string; part?: string; count?: number; failure?: { code: string; reason?: string }; message: string }>;
}
const files = (out: string) => (JSON.parse(out) as { files: JsonFile[] }).files;

/** English a Vietnamese reader should never meet inside a sentence. */
const ENGLISH = /\b(the|is|are|not|could|was|were|of|and|this|save|supported|files?|please|checked|only|cannot|its?|read)\b/i;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'congvu-truth-'));
});

describe('a long text is read to its end', () => {
  it('a 10 MB text: every public address is found, the sentence names five and counts the rest, JSON lists all', { timeout: 120_000 }, () => {
    const filler = 'Căn cứ Luật Tổ chức chính quyền địa phương, Ủy ban nhân dân thành phố đề nghị các sở, ban, ngành triển khai thực hiện nghiêm túc văn bản này. ';
    const lines: string[] = [];
    let planted = 0;
    let chars = 0;
    while (chars < 7_900_000) {
      const line = `${filler.repeat(40)}Liên hệ đầu mối ${planted}: can.bo${planted}@gmail.com hoặc vanthu${planted}@danang.gov.vn.\n`;
      lines.push(line);
      chars += line.length;
      planted++;
    }
    const path = join(dir, 'bao-cao-dai.txt');
    writeFileSync(path, lines.join(''));
    expect(readFileSync(path).length).toBeGreaterThan(10 * 10 ** 6);

    const json = run(['scan', '--json', '--preset', 'danang', path]);
    const [file] = files(json.out);
    const contact = file!.findings.find((f) => f.rule === 'public-contact-in-document')!;
    expect(contact.addresses).toHaveLength(planted);
    expect(contact.addresses).toContain(`can.bo${planted - 1}@gmail.com`);
    expect(file!.notices).toBeUndefined();
    expect(contact.message).toContain(`can.bo4@gmail.com … và ${new Intl.NumberFormat('vi-VN').format(planted - 5)} địa chỉ khác`);
    expect(contact.message).not.toContain('can.bo5@gmail.com');

    const en = run(['scan', '--lang', 'en', '--preset', 'danang', path]);
    expect(en.out).toContain(`… and ${new Intl.NumberFormat('en-GB').format(planted - 5)} more addresses`);
    expect(en.out.length).toBeLessThan(2000);
  });
});

describe('a received mail whose attachments could not all be read', () => {
  it('lists each unread attachment with its name and reason, in vi and en and JSON, and exits 1', { timeout: 180_000 }, () => {
    const path = join(dir, 'thu-den.eml');
    writeFileSync(
      path,
      mailWith('Kinh gui anh chi, xin gui kem tai lieu.', [
        ['hop-dong-mat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', readFileSync(third('testWORD_protected_passtika.docx'))],
        ['cong-van-cu.doc', 'application/msword', readFileSync(third('test.doc'))],
        ['bao-cao.pdf', 'application/pdf', readFileSync(third('testUnicodePassword.pdf'))],
        ['hong.pdf', 'application/pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> garbage')],
        ['du-lieu.docx', 'application/octet-stream', zipBomb(300)],
        ['ban-scan.pdf', 'application/pdf', readFileSync(third('testOCR.pdf'))],
      ]),
    );
    const vi = run(['scan', '--preset', 'danang', path]);
    expect(vi.code).toBe(1);
    expect(vi.out).toContain('Tệp đính kèm “hop-dong-mat.docx” chưa được đọc: tệp được bảo vệ bằng mật khẩu.');
    expect(vi.out).toContain('Tệp đính kèm “cong-van-cu.doc” chưa được đọc: chưa kiểm tra được tệp Word 97-2003 (.doc)');
    expect(vi.out).toContain('Tệp đính kèm “bao-cao.pdf” chưa được đọc: tệp được bảo vệ bằng mật khẩu.');
    expect(vi.out).toContain('Tệp đính kèm “hong.pdf” chưa được đọc: tệp bị hỏng');
    expect(vi.out).toContain('Tệp đính kèm “du-lieu.docx” chưa được đọc: tệp bung ra lượng dữ liệu lớn bất thường');
    expect(vi.out).toContain('“ban-scan.pdf”: Không có chữ để kiểm tra (bản quét dạng ảnh?)');
    expect(vi.out).not.toContain('Không có phát hiện nào.');
    expect(vi.out).toContain('1 tệp chưa được kiểm tra đầy đủ');
    for (const line of vi.out.split('\n')) expect(line.replace(/“[^”]*”/g, ''), line).not.toMatch(ENGLISH);

    const [file] = files(run(['scan', '--json', '--lang', 'en', '--preset', 'danang', path]).out);
    expect(file!.notices?.map((n) => [n.code, n.part, n.failure?.code])).toEqual([
      ['part-unreadable', 'hop-dong-mat.docx', 'encrypted'],
      ['part-unreadable', 'cong-van-cu.doc', 'unsupported'],
      ['part-unreadable', 'bao-cao.pdf', 'encrypted'],
      ['part-unreadable', 'hong.pdf', 'corrupt'],
      ['part-unreadable', 'du-lieu.docx', 'zip-bomb'],
      ['no-text', 'ban-scan.pdf', undefined],
    ]);
    expect(file!.notices?.[0]?.message).toBe('The attachment “hop-dong-mat.docx” was not read: it is protected by a password.');
  });

  it('a public contact four messages deep is found; nine deep, the unread message is named', () => {
    const inner = mailWith('Xem tep dinh kem.', [['cong-van.docx', 'application/octet-stream', readFileSync(own('cong-van-lien-he-gmail.docx'))]]);
    const four = join(dir, 'chuyen-tiep-4.eml');
    writeFileSync(four, nestedIn(inner, 4));
    const [found] = files(run(['scan', '--json', four]).out);
    expect(found!.findings.find((f) => f.rule === 'public-contact-in-document')?.addresses).toEqual(expect.arrayContaining(['nguyenvana@gmail.com']));
    const nine = join(dir, 'chuyen-tiep-9.eml');
    writeFileSync(nine, nestedIn(inner, 9));
    const deep = run(['scan', nine]);
    expect(deep.code).toBe(1);
    expect(deep.out).toContain('message-1.eml › message-1.eml” chưa được đọc: tệp nằm quá sâu');
  });
});

describe('files that promise more than they hold', () => {
  it('an 18-byte .docx and a text .odt are "not a valid DOCX/ODT file", never clean', () => {
    const folder = join(dir, 'gia');
    mkdirSync(folder);
    writeFileSync(join(folder, 'Dummy.docx'), 'Dummy Word content');
    writeFileSync(join(folder, 'bien-ban.odt'), 'Biên bản họp, liên hệ: thu.ky@gmail.com');
    const r = run(['scan', '--json', folder]);
    expect(r.code).toBe(1);
    const byName = Object.fromEntries(files(r.out).map((f) => [f.path.split('/').pop(), f]));
    expect(byName['Dummy.docx']?.error).toBe('Không đọc được tệp này: tệp không phải tệp DOCX hợp lệ (bị hỏng hoặc không đúng như tên tệp)');
    expect(byName['bien-ban.odt']?.error).toContain('tệp không phải tệp ODT hợp lệ');
  });

  it('a scanned PDF and an empty file say there was no text to check, and are not called clean', () => {
    const folder = join(dir, 'trong');
    mkdirSync(folder);
    copyFileSync(third('testOCR.pdf'), join(folder, 'ban-scan.pdf'));
    writeFileSync(join(folder, 'rong.txt'), '');
    const r = run(['scan', folder]);
    expect(r.code).toBe(1);
    expect(r.out.match(/Không có chữ để kiểm tra \(bản quét dạng ảnh\?\)/g)).toHaveLength(2);
    expect(r.out).not.toContain('Không có phát hiện nào.');
    const en = run(['scan', '--lang', 'en', join(folder, 'ban-scan.pdf')]);
    expect(en.out).toContain('No text to check (scanned image?)');
  });
});

describe('the Vietnamese report speaks Vietnamese', () => {
  it('a legacy .doc and a password-protected file are explained without English', () => {
    const r = run(['scan', third('test.doc'), third('testWORD_protected_passtika.docx')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('chưa kiểm tra được tệp Word 97-2003 (.doc); anh/chị vui lòng lưu lại dưới dạng .docx');
    for (const line of r.out.split('\n')) expect(line.replace(root, ''), line).not.toMatch(ENGLISH);
  });
});
