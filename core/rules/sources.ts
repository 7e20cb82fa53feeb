// The documents the rules cite (originals in shared/seeds/). A rule names the article;
// `cite` joins it to its document in both languages.
import type { Citation } from '../types';

export const DOCS = {
  /** seed 000 */
  ct06Danang: { vi: 'Chỉ thị 06/CT-UBND ngày 27/5/2014 của Chủ tịch UBND thành phố Đà Nẵng', en: 'Directive 06/CT-UBND of 27 May 2014, Chairman of Da Nang City People’s Committee' },
  /** seed 004 */
  qc3712Danang: { vi: 'Quy chế ban hành kèm QĐ 3712/QĐ-UBND (Đà Nẵng)', en: 'Regulation issued with Decision 3712/QĐ-UBND (Da Nang)' },
  /** seed 002 */
  qd50Cantho: { vi: 'Quy chế ban hành kèm QĐ 50/2009/QĐ-UBND (Cần Thơ)', en: 'Regulation issued with Decision 50/2009/QĐ-UBND (Can Tho)' },
  /** seed 003 */
  cv4504Quangngai: { vi: 'Công văn 4504/UBND-CBTH ngày 30/7/2018 của UBND tỉnh Quảng Ngãi', en: 'Official letter 4504/UBND-CBTH of 30 July 2018, Quang Ngai Provincial People’s Committee' },
  /** seed 001 */
  ct07Binhdinh: { vi: 'Chỉ thị 07/CT-CTUBND ngày 13/8/2012 của Chủ tịch UBND tỉnh Bình Định', en: 'Directive 07/CT-CTUBND of 13 August 2012, Chairman of Binh Dinh Provincial People’s Committee' },
  /** cited by seeds 001 and 002 as their basis */
  ct34Ttg: { vi: 'Chỉ thị 34/2008/CT-TTg của Thủ tướng Chính phủ', en: 'Prime Minister’s Directive 34/2008/CT-TTg' },
} satisfies Record<string, Citation>;

export function cite(article: Citation | undefined, doc: Citation): Citation {
  if (!article) return doc;
  return { vi: `${article.vi}, ${doc.vi}`, en: `${article.en}, ${doc.en}` };
}
