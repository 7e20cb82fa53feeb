import { describe, expect, it } from 'vitest';
import { check } from '../check';
import { compactDirectory, loadDirectory } from '../directory';
import { renderFinding } from '../messages';
import { PRESETS } from '../policy/presets';
import { officialDirectoryRule } from './official-directory';
import { attachment, context, draft } from './test-helpers';

const directory = loadDirectory(
  compactDirectory([
    { name: 'Nguyễn Văn Ánh', unit: 'Sở Nội vụ', official: 'anhnv@danang.gov.vn', personal: ['anh.nguyenvan@gmail.com'] },
    { name: 'Trần Thị Bình', unit: 'Sở Tài chính', official: 'binhtt@danang.gov.vn', personal: [] },
    { name: 'Phạm Minh Đức', unit: 'Sở Y tế', official: 'ducpm@danang.gov.vn', personal: [] },
    { name: 'Phạm Minh Đức', unit: 'Sở Xây dựng', official: 'ducpm1@danang.gov.vn', personal: [] },
  ]),
);
const ctx = { ...context(), directory };

describe('official-directory', () => {
  it('suggests the official address of a colleague written to at a listed public address, with what to replace', () => {
    const [f, ...rest] = officialDirectoryRule.check(draft({ to: ['sotc@danang.gov.vn', 'anh.nguyenvan@gmail.com'] }), ctx);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      messageKey: 'official-directory.recipient',
      params: { name: 'Nguyễn Văn Ánh', official: 'anhnv@danang.gov.vn', address: 'anh.nguyenvan@gmail.com' },
      evidence: { replacement: { field: 'to', from: 'anh.nguyenvan@gmail.com', to: 'anhnv@danang.gov.vn' } },
      actions: ['use-official-address', 'acknowledge'],
    });
  });

  it('knows a colleague by a display name shown in another order, but only when the name singles out one person', () => {
    const names = { 'binh.tran@gmail.com': 'Bình Trần Thị', 'duc.pham@gmail.com': 'Phạm Minh Đức', 'binh@congty.vn': 'Trần Thị Bình' };
    const found = officialDirectoryRule.check(draft({ cc: Object.keys(names), recipientNames: names }), ctx);
    // Đức is two listed people; a company address is not a colleague's public mailbox.
    expect(found.map((f) => [f.messageKey, f.params.address, f.params.official])).toEqual([['official-directory.recipient-by-name', 'binh.tran@gmail.com', 'binhtt@danang.gov.vn']]);
    expect(found[0]!.evidence.replacement).toEqual({ field: 'cc', from: 'binh.tran@gmail.com', to: 'binhtt@danang.gov.vn' });
  });

  it('names the colleague behind a public contact in an attached document and in the body', () => {
    const msg = draft({ bodyText: 'Liên hệ: anh.nguyenvan [at] gmail [dot] com', attachments: [attachment('cong-van.docx', 'Đầu mối: bà Bình, email anh.nguyenvan@gmail.com')] });
    const found = officialDirectoryRule.check(msg, ctx);
    expect(found.map((f) => [f.messageKey, f.params.file])).toEqual([
      ['official-directory.document', 'cong-van.docx'],
      ['official-directory.body', undefined],
    ]);
    expect(renderFinding({ ...found[0]!, severity: 'nudge', citation: { vi: '', en: '' } }, 'vi').text).toContain('anhnv@danang.gov.vn');
  });

  it('says nothing without a directory, for official recipients, or for strangers', () => {
    expect(officialDirectoryRule.check(draft({ to: ['anh.nguyenvan@gmail.com'] }), context())).toEqual([]);
    expect(officialDirectoryRule.check(draft({ to: ['anhnv@danang.gov.vn', 'ai.do@gmail.com'] }), ctx)).toEqual([]);
  });

  // issue 11: a long body's addresses are read once per check and given to both rules each once.
  it('in a long directory-like body naming people again and again, speaks once per person, in the order first named', () => {
    const lines = ['Hỗ trợ: ANH.NGUYENVAN@gmail.com', 'Liên hệ: anh.nguyenvan@gmail.com', 'Sở Tài chính: binhtt@danang.gov.vn', 'Đầu mối: ai.do@gmail.com', 'Góp ý: ai.do [at] gmail [dot] com'];
    const body = Array.from({ length: 400 }, (_, k) => lines[(k * 3) % lines.length]).join('\n');
    const msg = draft({ surface: 'official', to: ['vanthu@danang.gov.vn'], bodyText: body, bodyLinks: ['mailto:anh.nguyenvan@gmail.com', 'mailto:ai.do@gmail.com'] });
    for (let round = 0; round < 2; round++) {
      const findings = check(msg, PRESETS.danang, { directory });
      expect(findings.filter((f) => f.rule === 'official-directory').map((f) => f.params.address)).toEqual(['anh.nguyenvan@gmail.com']);
      expect(findings.filter((f) => f.rule === 'public-contact-in-document').map((f) => f.evidence.addresses)).toEqual([['anh.nguyenvan@gmail.com', 'ai.do@gmail.com']]);
    }
  });

  it('runs through check() with the preset’s nudge mode and the Đà Nẵng citation (Art. 3)', () => {
    const [f] = check(draft({ to: ['anh.nguyenvan@gmail.com'] }), PRESETS.danang, { directory }).filter((x) => x.rule === 'official-directory');
    expect(f!.severity).toBe('nudge');
    expect(f!.citation.vi).toContain('Điều 3');
    expect(check(draft({ to: ['anh.nguyenvan@gmail.com'] }), PRESETS.danang).some((x) => x.rule === 'official-directory')).toBe(false);
  });
});
