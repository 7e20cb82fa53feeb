import type { Policy } from '../schema';
import { defaultPreset } from './default';

// CT 07/CT-CTUBND (2012). Bình Định merged with Gia Lai in 2025; both domains stay in use.
export const binhdinhPreset: Policy = {
  ...defaultPreset,
  authority: 'binhdinh',
  officialDomains: ['binhdinh.gov.vn', 'gialai.gov.vn'],
  officialWebmailUrl: 'https://mail.binhdinh.gov.vn',
};
