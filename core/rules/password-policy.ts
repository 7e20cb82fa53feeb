// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng), Art. 8.1b: at least 12 characters with upper case,
// lower case, digits and special characters; Art. 8.1c: nothing guessable (name, birth date,
// phone number); Art. 8.2a: one password per account (the reuse alert, built beside the
// sign-up nudge, reads this rule's mode); Art. 11.2h: the same strength for passwords IT issues.
// The checklist itself lives in core/password/ so that the rule registry, which every host
// loads, does not carry the strength estimator's dictionaries.
import type { Rule } from './rule';
import { cite, DOCS } from './sources';

/** Art. 8.1b. */
export const MIN_PASSWORD_LENGTH = 12;

export const passwordPolicyRule: Rule = {
  id: 'password-policy',
  // Not about a message: the change-password pages run the checklist themselves.
  appliesTo: [],
  sources: {
    default: { vi: 'Quy định về mật khẩu hộp thư công vụ của cơ quan', en: 'The authority’s rules on official mailbox passwords' },
    danang: cite({ vi: 'Khoản 1 và điểm a khoản 2 Điều 8, điểm h khoản 2 Điều 11', en: 'Art. 8.1, 8.2a and 11.2h' }, DOCS.qc3712Danang),
    // Cần Thơ: protect the password (Art. 9.1) and change it on receiving the mailbox (Art. 9.3).
    cantho: cite({ vi: 'Khoản 1 và khoản 3 Điều 9', en: 'Art. 9.1 and 9.3' }, DOCS.qd50Cantho),
  },
  check: () => [],
};
