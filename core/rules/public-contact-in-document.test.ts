import { describe, expect, it } from 'vitest';
import { publicContactInDocumentRule as rule } from './public-contact-in-document';
import { attachment, context, draft } from './test-helpers';

describe('public-contact-in-document', () => {
  it('names the file and the public address of an attached document', () => {
    const msg = draft({ attachments: [attachment('cong-van.docx', 'Mọi chi tiết xin liên hệ: nguyenvana@gmail.com, hoặc vanthu@danang.gov.vn')] });
    const [f] = rule.check(msg, context());
    expect(f?.messageKey).toBe('public-contact-in-document.outgoing');
    expect(f?.evidence).toEqual({ addresses: ['nguyenvana@gmail.com'], files: ['cong-van.docx'] });
    expect(f?.params.file).toBe('cong-van.docx');
  });

  it('reads link targets and hidden forms, and lists each address once', () => {
    const msg = draft({
      attachments: [attachment('a.pdf', 'Liên hệ ban tổ chức: btc [at] yahoo [dot] com.vn hoặc btc@yahoo.com.vn', 10, { links: ['mailto:lienhe@hotmail.com'] })],
    });
    expect(rule.check(msg, context())[0]?.evidence.addresses).toEqual(['btc@yahoo.com.vn', 'lienhe@hotmail.com']);
  });

  it('flags an incoming document with the words for received mail', () => {
    const msg = draft({ direction: 'incoming', surface: 'official', attachments: [attachment('den.docx', 'Email: a@gmail.com')] });
    expect(rule.check(msg, context()).map((f) => f.messageKey)).toEqual(['public-contact-in-document.incoming']);
  });

  it('follows documents nested in an attached e-mail', () => {
    const inner = { name: 'ke-hoach.docx', size: 10, document: { text: 'Liên hệ: x@gmail.com', links: [], legacy: [], parts: [] } };
    const msg = draft({ attachments: [attachment('chuyen-tiep.eml', 'Thư chuyển tiếp', 100, { parts: [inner] })] });
    expect(rule.check(msg, context())[0]?.params.file).toBe('chuyen-tiep.eml › ke-hoach.docx');
  });

  it('checks the body in official mail, but not a personal body in public webmail', () => {
    const body = 'Đầu mối liên hệ: a@gmail.com';
    expect(rule.check(draft({ surface: 'official', bodyText: body }), context())[0]?.messageKey).toBe('public-contact-in-document.body');
    expect(rule.check(draft({ surface: 'public-webmail', bodyText: body }), context())).toEqual([]);
  });

  it('counts who a received message is from and where answers go, never its recipients', () => {
    const received = (fields: Parameters<typeof draft>[0]) => draft({ direction: 'incoming', surface: 'official', bodyText: 'Kính gửi Văn phòng, xin gửi kế hoạch.', ...fields });
    const addressesOf = (fields: Parameters<typeof draft>[0]) => rule.check(received(fields), context()).flatMap((f) => f.evidence.addresses ?? []);
    expect(addressesOf({ from: 'hoidongthi@gmail.com', to: ['vanthu@danang.gov.vn'] })).toEqual(['hoidongthi@gmail.com']);
    expect(addressesOf({ from: 'vp@quangnam.gov.vn', replyTo: ['lienhe.qn@yahoo.com'] })).toEqual(['lienhe.qn@yahoo.com']);
    expect(addressesOf({ from: 'vp@quangnam.gov.vn', sender: 'thuky.qn@gmail.com.' })).toEqual(['thuky.qn@gmail.com']);
    // The reader's own public mailbox and a Cc are where the message went, not who to contact.
    expect(addressesOf({ from: 'vp@quangnam.gov.vn', to: ['canbo.dn@gmail.com'], cc: ['truongphong@yahoo.com.vn'] })).toEqual([]);
    // In a draft the sender is the user, whose public mailbox public-webmail-work is about.
    expect(rule.check(draft({ surface: 'official', from: 'canbo@gmail.com' }), context())).toEqual([]);
  });

  it('raises nothing for official and business addresses', () => {
    const msg = draft({ surface: 'official', bodyText: 'stttt@danang.gov.vn, hotro@fpt.com.vn', attachments: [attachment('a.docx', 'cntt@danang.gov.vn; info@vnpt.vn')] });
    expect(rule.check(msg, context())).toEqual([]);
  });
});
