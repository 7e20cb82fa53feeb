import type { Policy } from '../schema';
import { defaultPreset } from './default';

// CV 4504/UBND-CBTH (2018), item 1: official mail is xxx@quangngai.gov.vn. Kon Tum merged
// into Quảng Ngãi in 2025.
export const quangngaiPreset: Policy = {
  ...defaultPreset,
  authority: 'quangngai',
  officialDomains: ['quangngai.gov.vn', 'kontum.gov.vn'],
  officialWebmailUrl: 'https://mail.quangngai.gov.vn',
};
