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
    // unsigned-document (issue 14)
    'unsigned-document': 'nudge',
    // official-directory (issue 14): a suggestion, never a stop
    'official-directory': 'nudge',
    // account hygiene (issue 13): a forward set outside the official domains must be acknowledged;
    // the change-password checklist is a quiet aid unless an authority's regulation sets the rule
    'auto-forward-public': 'warn',
    'password-policy': 'nudge',
    // Account hygiene (issue 13): a quiet tip beside a sign-up field.
    'official-address-signup': 'nudge',
  },
  // unsigned-document (issue 14): off until IT says the unit signs; no root is shipped.
  unitSignsDocuments: false,
  trustedSignatureRoots: [],
  // official-directory (issue 14): none until IT builds one with `policy build --directory`
  officialDirectoryUrl: '',
  // Account hygiene (issue 13): no single sign-on is known until IT names it.
  officialSignInHosts: [],
  // Official webmail (issue 12): none until IT names them.
  officialWebmailUrls: [],
};
