 
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from './index';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/docs/${name}`, import.meta.url)));
const extract = (name: string) => extractDocument(name, fixture(name));

describe('official letter citing public-webmail contacts (LibreOffice output)', () => {
  for (const file of ['cong-van-lien-he-gmail.docx', 'cong-van-lien-he-gmail.odt', 'cong-van-lien-he-gmail.pdf']) {
    it(`${file}: footer, table and footnote text, hyperlink target, intact Vietnamese`, async () => {
      const doc = await extract(file);
      expect(doc.text).toContain('Mọi chi tiết xin liên hệ: nguyenvana@gmail.com'); // footer
      expect(doc.text).toContain('tranthibich.vp@yahoo.com'); // table cell
      expect(doc.text).toContain('Quyết định số 3712/QĐ-UBND'); // footnote
      expect(doc.text).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG');
      expect(doc.text).toContain('Số: 12/UBND-VP');
      expect(doc.text).toContain('Kính gửi: Các sở, ban, ngành thành phố');
      // The link's visible text is not the address; the address is only in the target.
      expect(doc.text).not.toContain('lienhe.ubnd@yahoo.com.vn');
      expect(doc.links).toContain('mailto:lienhe.ubnd@yahoo.com.vn');
      expect(doc.text).toBe(doc.text.normalize('NFC'));
      expect(doc.truncated).toBeUndefined();
      expect(doc.parts).toEqual([]);
    });
  }

  it('docx: a tab between runs stays whitespace', async () => {
    const doc = await extract('cong-van-lien-he-gmail.docx');
    expect(doc.text).toMatch(/Số: 12\/UBND-VP\s+Đà Nẵng, ngày 05/);
  });
});

describe('spreadsheets', () => {
  for (const file of ['danh-ba-lien-he.xlsx', 'danh-ba-lien-he.ods']) {
    it(`${file}: sheet name, address in a cell, hyperlink target`, async () => {
      const doc = await extract(file);
      expect(doc.text).toContain('Danh bạ');
      expect(doc.text).toContain('nguyenvanan.vh@gmail.com');
      expect(doc.text).toContain('Nguyễn Văn An');
      expect(doc.text).toContain('2025');
      expect(doc.links).toContain('mailto:hotro.vanphong@yahoo.com');
    });
  }
});

describe('presentations', () => {
  for (const file of ['bao-cao-hoi-nghi.pptx', 'bao-cao-hoi-nghi.odp']) {
    it(`${file}: slide text, notes, hyperlink target`, async () => {
      const doc = await extract(file);
      expect(doc.text).toContain('Báo cáo chuyển đổi số năm 2025');
      expect(doc.text).toContain('phongvh.hoian@gmail.com'); // speaker notes
      expect(doc.links).toContain('mailto:chuyendoiso.qn@gmail.com');
      expect(doc.text).not.toContain('<number>');
    });
  }
});

describe('other letters', () => {
  it('secret stamp MẬT at the top is the first line', async () => {
    const doc = await extract('cong-van-mat.docx');
    expect(doc.text.split('\n')[0]).toBe('MẬT');
    expect(doc.text).toContain('bảo vệ bí mật nhà nước');
  });

  it('clean letter: only the official address', async () => {
    const doc = await extract('cong-van-sach.docx');
    expect(doc.text).toContain('van.thu@danang.gov.vn');
    expect(doc.links).toEqual(['mailto:van.thu@danang.gov.vn']);
    expect(doc.text).not.toMatch(/gmail|yahoo/);
  });

  it('password-protected PDF → encrypted', async () => {
    await expect(extract('cong-van-ma-hoa.pdf')).rejects.toMatchObject({ name: 'ExtractError', code: 'encrypted' });
  });
});

// Depends on core/encoding (fontEncoding/decodeLegacy), being implemented in parallel.
describe('legacy TCVN3 text in .VnTime runs', () => {
  it('converts direct-font and style-inherited runs and records them', async () => {
    const doc = await extract('cong-van-vntime.docx');
    expect(doc.text).toContain('Cộng hòa xã hội chủ nghĩa Việt Nam'); // run with w:rFonts .VnTime
    expect(doc.text).toContain('Độc lập - Tự do - Hạnh phúc'); // paragraph style "Van ban cu" → .VnTime
    expect(doc.text).toContain('Văn bản Unicode bình thường.'); // Unicode run untouched
    expect(doc.text).not.toContain('Céng');
    expect(doc.legacy).toEqual([
      { encoding: 'tcvn3', original: 'Céng hßa x· héi chñ nghÜa ViÖt Nam', converted: 'Cộng hòa xã hội chủ nghĩa Việt Nam' },
      { encoding: 'tcvn3', original: '§éc lËp - Tù do - H¹nh phóc', converted: 'Độc lập - Tự do - Hạnh phúc' },
    ]);
  });
});
