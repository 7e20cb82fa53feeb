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
  // unsigned-document (issue 14): Art. 6.4 binds the agencies issued Ban Cơ yếu's signature.
  unitSignsDocuments: true,
  // account hygiene (issue 13): Art. 9.3 forbids forwarding to mailboxes the city did not issue;
  // Art. 8.1 sets the password rules (12 characters, four kinds, nothing guessable)
  rules: { ...defaultPreset.rules, 'auto-forward-public': 'block', 'password-policy': 'warn' },
  // Account hygiene (issue 13): the official address and password also sign in to the city's
  // single sign-on at egov.danang.gov.vn (Art. 2.3) and to the OBM webmail (Art. 2.2).
  officialSignInHosts: ['egov.danang.gov.vn', 'thudientu.danang.gov.vn'],
  // Official webmail (issue 12): Art. 2.2 names both systems, Exchange's Outlook on the web
  // and OBM.
  officialWebmailUrls: ['https://mail.danang.gov.vn', 'https://thudientu.danang.gov.vn'],
};
