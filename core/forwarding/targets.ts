// What auto-forward-public (core/rules/auto-forward-public.ts, QĐ 3712 Art. 9.3) checks on a
// forwarding settings page: the targets it would save, against the official domains.
import type { Policy } from '../policy/schema';
import type { RawFinding } from '../types';

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
