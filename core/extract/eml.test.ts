 
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeCp1258 } from '../../test/fixtures/docs/cp1258';
import { extractDocument } from './index';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/docs/${name}`, import.meta.url)));
const enc = new TextEncoder();
const mime = (s: string) => enc.encode(s.replace(/\r?\n/g, '\r\n'));

describe('e-mail', () => {
  it('multipart/mixed: RFC 2047 headers, windows-1258 quoted-printable body, html link, docx and nested message', async () => {
    const doc = await extractDocument('thu-dinh-kem-cong-van.eml', fixture('thu-dinh-kem-cong-van.eml'));
    expect(doc.text).toContain('Subject: V/v gửi công văn số 12/UBND-VP về hội nghị');
    expect(doc.senders).toEqual({ from: 'vanphong@danang.gov.vn', sender: undefined, replyTo: [] });
    // A recipient is no contact point of the message: it stays out of the text the rules read.
    expect(doc.text).not.toContain('tranvanbinh1980@gmail.com');
    expect(doc.text).toContain('Đề nghị phản hồi về địa chỉ lethid.tt@gmail.com trước thứ Sáu.');
    expect(doc.text).toBe(doc.text.normalize('NFC'));
    expect(doc.links).toContain('mailto:lethid.tt@gmail.com');

    expect(doc.parts.map((p) => p.name)).toEqual(['cong-van-12.docx', 'thu-chuyen-tiep.eml']);
    const [docx, nested] = doc.parts;
    expect(docx?.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx?.size).toBe(fixture('cong-van-lien-he-gmail.docx').length);
    expect(docx?.document?.text).toContain('nguyenvana@gmail.com');
    expect(docx?.document?.links).toContain('mailto:lienhe.ubnd@yahoo.com.vn');
    expect(nested?.contentType).toBe('message/rfc822');
    expect(nested?.document?.text).toContain('Subject: Thư chuyển tiếp: lịch họp');
    expect(nested?.document?.text).toContain('hoangvanc.danang@outlook.com');
  });

  it('gives From, Sender and Reply-To apart and keeps To and Cc out of the text: third-party mails to public mailboxes', async () => {
    const third = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/third-party/${name}`, import.meta.url)));
    const simple = await extractDocument('mailparser-simple.eml', third('mailparser-simple.eml'));
    expect(simple.senders?.from).toBe('andris@kreata.ee');
    expect(simple.text).not.toContain('andris.reinman@gmail.com');
    const spam = await extractDocument('mailparser-spam.eml', third('mailparser-spam.eml'));
    expect(spam.senders).toEqual({ from: 'noreply@guide-des-vins-de-bourgogne.fr', sender: undefined, replyTo: ['noreply@guide-des-vins-de-bourgogne.fr'] });
    expect(spam.text).not.toContain('leon.struck@web.de');
    const sender = await extractDocument('x.eml', mime('From: a@danang.gov.vn\nSender: thuky@gmail.com\nReply-To: b@yahoo.com, c@danang.gov.vn\nTo: d@gmail.com\nCc: e@gmail.com\nSubject: x\n\nNội dung'));
    expect(sender.senders).toEqual({ from: 'a@danang.gov.vn', sender: 'thuky@gmail.com', replyTo: ['b@yahoo.com', 'c@danang.gov.vn'] });
    expect(sender.text).not.toMatch(/@gmail\.com|@yahoo\.com/);
  });

  it('html-only body: scripts and styles dropped, entities decoded, windows-1258 encoded-word subject', async () => {
    const doc = await extractDocument('thu-html.eml', fixture('thu-html.eml'));
    expect(doc.text).toContain('Subject: Góp ý dự thảo');
    expect(doc.text).toContain('Xin liên hệ chị Phương & nhóm.');
    expect(doc.text).not.toContain('an@gmail.com');
    expect(doc.text).not.toContain('color:red');
    expect(doc.links).toEqual(['mailto:phuongtt@yahoo.com.vn']);
  });

  it('windows-1258 bytes encoded here decode to NFC Vietnamese (TextDecoder supports it)', async () => {
    const body = encodeCp1258('Liên hệ: Nguyễn Thị Ánh, số điện thoại của Sở');
    // Windows-1258 stores ễ as ê + combining tilde: the decoder gives decomposed text, NFC fixes it.
    expect(body.length).toBeGreaterThan('Liên hệ: Nguyễn Thị Ánh, số điện thoại của Sở'.length);
    const head = mime('From: a@danang.gov.vn\nTo: b@danang.gov.vn\nSubject: test\nMIME-Version: 1.0\nContent-Type: text/plain; charset=windows-1258\nContent-Transfer-Encoding: 8bit\n\n');
    const doc = await extractDocument('x.eml', new Uint8Array([...head, ...body]));
    expect(doc.text).toContain('Liên hệ: Nguyễn Thị Ánh, số điện thoại của Sở');
  });

  it('nesting deeper than maxDepth is listed with an error, not followed', async () => {
    let msg = 'From: a@x.vn\nTo: b@x.vn\nSubject: level 0\n\nsau cùng: sau.cung@gmail.com\n';
    for (let level = 1; level <= 5; level++) {
      msg = `From: a@x.vn\nTo: b@x.vn\nSubject: level ${level}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b${level}"\n\n--b${level}\nContent-Type: text/plain\n\nlevel ${level}\n--b${level}\nContent-Type: message/rfc822\n\n${msg}\n--b${level}--\n`;
    }
    const doc = await extractDocument('deep.eml', mime(msg), { maxDepth: 2 });
    const l1 = doc.parts[0]?.document;
    const l2 = l1?.parts[0]?.document;
    expect(l2?.text).toContain('Subject: level 3');
    expect(l2?.parts[0]?.document).toBeUndefined();
    expect(l2?.parts[0]?.error).toMatch(/nested deeper than 2/);
  });

  it('an unreadable attachment gets an error and the rest still comes back', async () => {
    const broken = btoa('PK\u0003\u0004 this is not really a zip');
    const msg = `From: a@x.vn\nTo: b@x.vn\nSubject: hai tệp\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: text/plain; charset=utf-8\n\nThân gửi, liên hệ ho.ten@gmail.com\n--zz\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename="hong.docx"\nContent-Transfer-Encoding: base64\n\n${broken}\n--zz\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename="ghi-chu.txt"\n\nGhi chú: ghichu@yahoo.com\n--zz--\n`;
    const doc = await extractDocument('two.eml', mime(msg));
    expect(doc.text).toContain('ho.ten@gmail.com');
    expect(doc.parts[0]).toMatchObject({ name: 'hong.docx' });
    expect(doc.parts[0]?.error).toMatch(/zip/i);
    expect(doc.parts[1]?.document?.text).toContain('ghichu@yahoo.com');
  });
});
