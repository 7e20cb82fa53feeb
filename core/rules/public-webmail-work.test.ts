import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold';
import { documentMarkers, publicWebmailWorkRule as rule } from './public-webmail-work';
import { attachment, context, draft } from './test-helpers';

const run = (fields: Parameters<typeof draft>[0]) => rule.check(draft(fields), context());

describe('public-webmail-work', () => {
  it('speaks when a Gmail draft goes to an official address', () => {
    const [f] = run({ to: ['vanthu@danang.gov.vn'], subject: 'Gửi tài liệu' });
    expect(f?.messageKey).toBe('public-webmail-work.detected');
    expect(f?.evidence.markers).toContain('official-recipient');
    expect(f?.evidence.addresses).toEqual(['vanthu@danang.gov.vn']);
    expect(f?.actions[0]).toBe('open-official-webmail');
  });

  it('counts any government address, not only the policy’s own domains', () => {
    expect(run({ cc: ['a@mof.gov.vn'] })).toHaveLength(1);
  });

  it.each([
    ['Số: 12/QĐ-UBND về việc phê duyệt', 'document-number'],
    ['SỐ: 4504/UBND-CBTH', 'document-number'],
    ['Số 50/2009/QĐ-UBND', 'document-number'],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', 'national-motto'],
    ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'national-motto'],
  ])('speaks for a strong document marker alone: %j', (body, marker) => {
    const [f] = run({ to: ['ban@gmail.com'], bodyText: body });
    expect(f?.evidence.markers).toContain(marker);
  });

  it('needs two weaker signs together', () => {
    expect(run({ to: ['ban@gmail.com'], bodyText: 'Kính gửi: anh Nam,\nhẹn gặp cuối tuần.' })).toEqual([]);
    expect(run({ to: ['ban@gmail.com'], subject: 'V/v góp ý dự thảo', bodyText: 'Kính gửi: Sở Nội vụ' })).toHaveLength(1);
  });

  it('notices attachments that look like administrative documents', () => {
    const f = run({ to: ['ban@gmail.com'], subject: 'Tài liệu', bodyText: 'Kính gửi anh', attachments: [attachment('12-QD-UBND.pdf')] });
    expect(f[0]?.evidence.markers).toEqual(expect.arrayContaining(['official-attachment', 'salutation']));
    const byContent = run({ to: ['ban@gmail.com'], attachments: [attachment('scan.pdf', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc')] });
    expect(byContent).toEqual([]); // one medium sign: not enough on its own
  });

  it('leaves personal mail untouched', () => {
    expect(run({ to: ['me@gmail.com'], subject: 'Ảnh đám cưới', bodyText: 'Gửi cả nhà ảnh hôm qua nhé!', attachments: [attachment('IMG_2024.jpg')] })).toEqual([]);
    expect(run({ to: ['shop@example.com'], subject: 'Đơn hàng số 12/2024', bodyText: 'Cảm ơn quý khách' })).toEqual([]);
  });

  it('stays silent outside public webmail', () => {
    expect(rule.check(draft({ surface: 'official', to: ['vanthu@danang.gov.vn'] }), context())).toEqual([]);
  });

  it('offers no webmail link when the policy has none', () => {
    const [f] = rule.check(draft({ to: ['a@danang.gov.vn'] }), context({ ...context().policy, officialWebmailUrl: '' }));
    expect(f?.actions).not.toContain('open-official-webmail');
  });
});

describe('the markers read the same texts as before their patterns stopped backtracking', () => {
  // The patterns as they were, whose adjacent "\s*" could split a run of blanks many ways.
  const before: [string, RegExp][] = [
    ['document-number', /\bso\s*:?\s*\d{1,6}\s*\/\s*(?:\d{4}\s*\/\s*)?[a-z]{1,10}(?:\s*-\s*[a-z0-9]{1,12})+/],
    ['national-motto', /cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc/],
    ['subject-line', /(?:^|[^a-z])v\/v\b/],
    ['distribution-list', /(?:^|\n)\s*noi nhan\s*:/],
    ['salutation', /(?:^|[^a-z])kinh gui\s*:?/],
    ['authority-name', /\b(?:uy ban nhan dan|ubnd|hdnd|so [a-z]+ (?:va|-) [a-z]+|van phong ubnd)\b/],
  ];
  const piece = fc.constantFrom('Số', 'so', ':', ' ', '\n', '\r\n', '\t', '\u00a0', '12', '2009', '/', 'QĐ', '-', 'UBND', 'Nơi nhận', 'noi nhan', 'x', 'Kính gửi');
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

  it('on random letters built from their pieces', () => {
    fc.assert(
      fc.property(text, (t) => {
        const folded = fold(t);
        expect(documentMarkers(t)).toEqual(before.filter(([, re]) => re.test(folded)).map(([m]) => m));
      }),
      { numRuns: 5000 },
    );
  });

  it('a number and a distribution list are still found after blanks and blank lines', () => {
    expect(documentMarkers('Số :  12/QĐ-STC\n\n  \n \t Nơi nhận:\n- Như trên')).toEqual(['document-number', 'distribution-list']);
    expect(documentMarkers(`so${' '.repeat(20_000)}\n${'\n'.repeat(20_000)}`)).toEqual([]);
  });
});
