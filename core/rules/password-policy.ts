// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng, 2017), Art. 8.1 (length, character classes, nothing
// guessable), 8.2a (one password per account) and 11.2h; QĐ 50/2009 (Cần Thơ) Art. 9.1.
//
// Minimal registry entry added with the password-reuse alert (issue 13); the rule's
// change-password checklist arrives in its own branch and replaces this file. The reuse
// alert lives in core/password/reuse.ts and reads only this rule's mode.
import type { Rule } from './rule';
import { cite, DOCS } from './sources';

export const passwordPolicyRule: Rule = {
  id: 'password-policy',
  // Applied on web pages by the extension, never to a message.
  appliesTo: [],
  sources: {
    default: { vi: 'Quy định về quản lý mật khẩu hộp thư công vụ', en: 'The rules on official mailbox passwords' },
    danang: cite({ vi: 'Khoản 1 và khoản 2 Điều 8', en: 'Art. 8.1 and 8.2' }, DOCS.qc3712Danang),
    cantho: cite({ vi: 'Khoản 1 Điều 9', en: 'Art. 9.1' }, DOCS.qd50Cantho),
  },
  check: () => [],
};
