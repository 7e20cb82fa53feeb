import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../encoding';
import { unicodeTextRule as rule } from './unicode-text';
import { attachment, context, draft } from './test-helpers';

describe('unicode-text', () => {
  it('offers conversion for a body typed in TCVN3', () => {
    const legacy = encodeLegacy('Kính gửi các đồng chí lãnh đạo Sở Nội vụ thành phố', 'tcvn3');
    const [f] = rule.check(draft({ bodyText: `Dear all,\n${legacy}` }), context());
    expect(f?.messageKey).toBe('unicode-text.body');
    expect(f?.params.encoding).toBe('TCVN3 (ABC)');
    expect(f?.actions).toEqual(['convert-to-unicode']);
    expect(f?.evidence.quotes?.[0]).toContain('Kính gửi');
  });

  it('names an attachment whose text extraction found legacy runs', () => {
    const run = { encoding: 'vni' as const, original: 'Coäng hoøa', converted: 'Cộng hòa' };
    const [f] = rule.check(draft({ attachments: [attachment('cv.docx', 'Cộng hòa', 10, { legacy: [run] })] }), context());
    expect(f?.params).toEqual({ file: 'cv.docx', encoding: 'VNI-Windows' });
  });

  it('stays silent on Unicode Vietnamese and on French', () => {
    expect(rule.check(draft({ bodyText: 'Cộng hòa xã hội chủ nghĩa Việt Nam' }), context())).toEqual([]);
    expect(rule.check(draft({ bodyText: "L'été dernier, nous sommes allés à la plage près de Nîmes." }), context())).toEqual([]);
  });
});
