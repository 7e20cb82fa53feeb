import type { Policy } from '../schema';
import { defaultPreset } from './default';

// Quy chế kèm QĐ 3712/QĐ-UBND (2017): domain @danang.gov.vn and webmail at
// https://mail.danang.gov.vn (Art. 2), 20 MB attachments (Art. 7.1), spam to
// chanthurac@danang.gov.vn (Art. 10). Quảng Nam merged into Đà Nẵng in 2025.
export const danangPreset: Policy = {
  ...defaultPreset,
  authority: 'danang',
  officialDomains: ['danang.gov.vn', 'quangnam.gov.vn'],
  officialWebmailUrl: 'https://mail.danang.gov.vn',
  spamReportAddress: 'chanthurac@danang.gov.vn',
  attachmentMaxFileMB: 20,
  attachmentMaxTotalMB: 20,
  // Official webmail (issue 12): Art. 2.2 names both systems, Exchange's Outlook on the web
  // and OBM.
  officialWebmailUrls: ['https://mail.danang.gov.vn', 'https://thudientu.danang.gov.vn'],
};
