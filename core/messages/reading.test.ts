// Every reason a file may go unread and every notice, in both languages: Vietnamese readers
// meet no English sentence, and long address lists stay short in every host's sentence.
import { describe, expect, it } from 'vitest';
import { alertText } from '../../outlook-addin/launch/render';
import { DOCUMENT_NOTICE_CODES, READ_FAILURE_CODES, READ_FAILURE_REASONS, type Finding, type ReadNotice } from '../types';
import { renderFinding, renderReadFailure, renderReadNotice, shortAddressList } from './index';

const ENGLISH = /\b(the|is|are|not|could|was|were|of|and|this|save|supported|files?|please|checked|only|cannot|its?|read|type|holds?|damaged|password)\b/i;
const params = { limitMB: 100, seconds: 20, detail: 'EACCES' };

const notices: ReadNotice[] = [
  ...DOCUMENT_NOTICE_CODES.flatMap((code): ReadNotice[] => [{ code, count: 20_000_000 }, { code, part: 'thu.eml › bao-cao.pdf', count: 1234 }]),
  ...READ_FAILURE_CODES.map((code): ReadNotice => ({ code: 'part-unreadable', part: 'hop-dong.docx', failure: { code } })),
  ...READ_FAILURE_REASONS.map((reason): ReadNotice => ({ code: 'part-unreadable', part: 'x.docx', failure: { code: 'unsupported', reason, format: 'DOCX' } })),
];

describe('reasons and notices', () => {
  it('every failure code and reason reads as Vietnamese in vi, and differs from en', () => {
    const failures = [...READ_FAILURE_CODES.map((code) => ({ code })), ...READ_FAILURE_REASONS.map((reason) => ({ code: 'unsupported' as const, reason, format: 'DOCX' }))];
    for (const f of failures) {
      const vi = renderReadFailure(f, 'vi', params);
      const en = renderReadFailure(f, 'en', params);
      expect(vi, JSON.stringify(f)).not.toMatch(ENGLISH);
      expect(vi).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(/\{\w+\}/);
      expect(vi).not.toBe(en);
      expect(vi).toBe(vi.normalize('NFC'));
    }
  });

  it('every notice reads as Vietnamese in vi, names its attachment, and counts with Vietnamese digits grouping', () => {
    for (const n of notices) {
      const vi = renderReadNotice(n, 'vi', params);
      expect(vi.replace(/“[^”]*”/g, ''), JSON.stringify(n)).not.toMatch(ENGLISH);
      expect(vi).not.toMatch(/\{\w+\}/);
      if (n.part) expect(vi).toContain(`“${n.part}”`);
    }
    expect(renderReadNotice({ code: 'text-cut', count: 20_000_000 }, 'vi', params)).toContain('20.000.000 ký tự');
    expect(renderReadNotice({ code: 'text-cut', count: 20_000_000 }, 'en', params)).toContain('20,000,000 characters');
  });
});

describe('long address lists', () => {
  const addresses = Array.from({ length: 553 }, (_, k) => `can.bo${k}@gmail.com`);
  const finding: Finding = {
    rule: 'public-contact-in-document',
    messageKey: 'public-contact-in-document.outgoing',
    params: { file: 'bao-cao.txt', addresses: addresses.join(', ') },
    evidence: { addresses, files: ['bao-cao.txt'] },
    actions: ['acknowledge'],
    severity: 'warn',
    citation: { vi: 'Mục 1c, Chỉ thị 06/CT-UBND', en: 'Item 1c, Directive 06/CT-UBND' },
  };

  it('name the first five and count the rest', () => {
    expect(shortAddressList(addresses, 'vi')).toBe('can.bo0@gmail.com, can.bo1@gmail.com, can.bo2@gmail.com, can.bo3@gmail.com, can.bo4@gmail.com … và 548 địa chỉ khác');
    expect(shortAddressList(addresses, 'en')).toMatch(/can\.bo4@gmail\.com … and 548 more addresses$/);
    expect(shortAddressList(addresses.slice(0, 5), 'vi')).toBe(addresses.slice(0, 5).join(', '));
  });

  it('in every rendered finding (report, banner, task pane), while the evidence keeps all', () => {
    const text = renderFinding(finding, 'vi').text;
    expect(text).toContain('… và 548 địa chỉ khác');
    expect(text.length).toBeLessThan(400);
    expect(finding.evidence.addresses).toHaveLength(553);
  });

  it("in a Smart Alerts text within its 500 characters, the finding's own sentence survives", () => {
    const alert = alertText([finding], 'vi');
    expect(alert.length).toBeLessThanOrEqual(500);
    expect(alert).toContain('… và 548 địa chỉ khác');
  });
});
