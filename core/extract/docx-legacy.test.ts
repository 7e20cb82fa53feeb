// The docx side of legacy-font handling, with core/encoding stubbed: which runs are sent for
// conversion (direct font, paragraph style, Unicode runs left alone) and how they are recorded.
// office.test.ts checks the same fixture end to end with the real converter.
 
import { readFileSync } from 'node:fs';
import { expect, it, vi } from 'vitest';
import { extractDocument } from './index';

vi.mock('../encoding/index', () => ({
  fontEncoding: (font: string) => (/^\.vn/i.test(font) ? { encoding: 'tcvn3', capitals: /h$/i.test(font) } : undefined),
  decodeLegacy: (text: string) => `«${text}»`,
  convertLegacyText: (text: string) => ({ text, runs: [] }),
  hasLegacyText: () => false,
}));

it('sends .VnTime runs (direct or via paragraph style) to the converter and records them', async () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../test/fixtures/docs/cong-van-vntime.docx', import.meta.url)));
  const doc = await extractDocument('cong-van-vntime.docx', bytes);
  expect(doc.text.split('\n').slice(0, 4)).toEqual([
    'ỦY BAN NHÂN DÂN HUYỆN HÒA VANG',
    '«Céng hßa x· héi chñ nghÜa ViÖt Nam»',
    '«§éc lËp - Tù do - H¹nh phóc»',
    'Văn bản Unicode bình thường.',
  ]);
  expect(doc.legacy).toEqual([
    { encoding: 'tcvn3', original: 'Céng hßa x· héi chñ nghÜa ViÖt Nam', converted: '«Céng hßa x· héi chñ nghÜa ViÖt Nam»' },
    { encoding: 'tcvn3', original: '§éc lËp - Tù do - H¹nh phóc', converted: '«§éc lËp - Tù do - H¹nh phóc»' },
  ]);
});
