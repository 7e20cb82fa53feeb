import type { Policy } from '../schema';
import { defaultPreset } from './default';

// Quy chế kèm QĐ 50/2009/QĐ-UBND: mailboxes ten_sd@cantho.gov.vn (Art. 4). Sóc Trăng and
// Hậu Giang merged into Cần Thơ in 2025. The regulation names no spam mailbox: IT sets one.
export const canthoPreset: Policy = {
  ...defaultPreset,
  authority: 'cantho',
  officialDomains: ['cantho.gov.vn', 'soctrang.gov.vn', 'haugiang.gov.vn'],
  officialWebmailUrl: 'https://mail.cantho.gov.vn',
};
