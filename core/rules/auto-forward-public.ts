// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng), Art. 9.3: no automatic forwarding from the official
// mailbox to public mailboxes or to any mailbox the city did not issue. The extension reads the
// forwarding targets on the official webmail's settings pages (forwarding, filters, inbox rules);
// the kit's Exchange script (deploy/exchange-forwarding.ts) stops the same thing on the server.
// Any target outside the official domains counts, not only public webmail: the article names both.
// The pages' check is core/forwarding/targets.ts, apart, so that every host's rule registry stays light.
import type { Rule } from './rule';
import { cite, DOCS } from './sources';

export const autoForwardPublicRule: Rule = {
  id: 'auto-forward-public',
  // Not about a message: the settings pages call forwardingFinding themselves.
  appliesTo: [],
  sources: {
    default: { vi: 'Quy định về an toàn hộp thư công vụ của cơ quan', en: 'The authority’s rules on keeping official mailboxes safe' },
    danang: cite({ vi: 'Khoản 3 Điều 9', en: 'Art. 9.3' }, DOCS.qc3712Danang),
  },
  check: () => [],
};
