// The docx side of legacy-font handling, with core/encoding stubbed: which runs are sent for
// conversion (direct font, paragraph style, Unicode runs left alone) and how they are recorded.
// office.test.ts checks the same fixture end to end with the real converter.
 
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
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

it('reads a legacy font named only in a style, whose name is cut between two inflated chunks', async () => {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const head = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${w}><!--`;
  const beforeFont = '--><w:style w:type="paragraph" w:styleId="Cu"><w:rPr><w:rFonts w:ascii="';
  // Stored entries are read 64 KB at a time: the font's "." ends the first chunk, "vntime" starts the next.
  const filler = 'x'.repeat(65_535 - head.length - beforeFont.length);
  const styles = `${head}${filler}${beforeFont}.vntime"/></w:rPr></w:style></w:styles>`;
  expect(styles.indexOf('.vntime')).toBe(65_535);
  const document = `<w:document ${w}><w:body><w:p><w:pPr><w:pStyle w:val="Cu"/></w:pPr><w:r><w:t>Céng v¨n</w:t></w:r></w:p></w:body></w:document>`;
  const bytes = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(document),
    'word/styles.xml': [strToU8(styles), { level: 0 }],
  });
  const doc = await extractDocument('cu.docx', bytes);
  expect(doc.text.trim()).toBe('«Céng v¨n»');
});
