// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng), Art. 9.3: no automatic forwarding from the official
// mailbox to public mailboxes or to any mailbox the city did not issue. The extension reads the
// forwarding targets on the official webmail's settings pages (forwarding, filters, inbox rules);
// the kit's Exchange script (deploy/exchange-forwarding.ts) stops the same thing on the server.
// Any target outside the official domains counts, not only public webmail: the article names both.
import type { Policy } from '../policy/schema';
import type { RawFinding } from '../types';
import type { Rule } from './rule';
import { cite, DOCS } from './sources';

/** The part after the last @, as typed: lower case, spaces and a root dot trimmed. */
function targetDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase().replace(/\.$/, '');
}

/** An address of the authority's own system. Anything unreadable is outside: a forward goes where the server reads it. */
export function isOfficialTarget(address: string, policy: Pick<Policy, 'officialDomains'>): boolean {
  if (!address.includes('@')) return false;
  const domain = targetDomain(address);
  return policy.officialDomains.some((root) => domain === root || domain.endsWith(`.${root}`));
}

/** The forwarding targets a settings page holds, split where a field takes several (commas, semicolons, spaces). */
export function splitTargets(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((a) => a.replace(/^<|>$/g, '').trim())
    .filter((a) => a.length > 0);
}

/** The finding for the targets a page is about to save, or none when every target is official. */
export function forwardingFinding(targets: readonly string[], policy: Pick<Policy, 'officialDomains'>): RawFinding | undefined {
  const outside = [...new Set(targets.filter((t) => !isOfficialTarget(t, policy)).map((t) => t.toLowerCase()))];
  if (outside.length === 0) return undefined;
  return {
    rule: 'auto-forward-public',
    messageKey: 'auto-forward-public.outside',
    params: { addresses: outside.join(', ') },
    evidence: { addresses: outside },
    actions: ['acknowledge'],
  };
}

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
