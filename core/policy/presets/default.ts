import type { Policy } from '../schema';

// A neutral starting point for an authority without its own preset: every government
// domain counts as official, and nothing is reported anywhere until IT names an address.
export const defaultPreset: Policy = {
  authority: 'default',
  officialDomains: ['gov.vn'],
  officialWebmailUrl: '',
  spamReportAddress: '',
  attachmentMaxFileMB: 20,
  attachmentMaxTotalMB: 25,
  moveReportedSpamToJunk: true,
  extraPublicDomains: [],
  language: 'vi',
  rules: {
    'public-webmail-work': 'warn',
    'public-contact-in-document': 'warn',
    'attachment-size': 'block',
    'secret-document': 'block',
    'unicode-text': 'nudge',
  },
  // Official webmail (issue 12): none until IT names them.
  officialWebmailUrls: [],
};
