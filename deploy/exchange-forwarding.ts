// Server side of auto-forward-public (QĐ 3712 Art. 9.3): a browser warning can be bypassed
// (another browser, Outlook, a phone), so the kit also writes an Exchange Management Shell
// script for IT, with its dry run (-WhatIf) and a rollback script. It
//  1. turns off automatic forwarding to every remote domain outside the official domains
//     (Set-RemoteDomain -AutoForwardEnabled $false), keeping what each had in a backup file;
//  2. adds transport rules that reject auto-forwarded mail (MessageTypeMatches AutoForward) to
//     the public webmail domains the product itself uses, split so that no rule passes the 8 KB
//     a rule's conditions may hold (Microsoft KB 3003043, "Journal, transport, and inbox rule
//     limits" in the Exchange Online limits). RecipientDomainIs takes domains, not patterns,
//     so the rules stay out of the 20 KB budget all rules' regular expressions share;
//  3. lists mailboxes whose ForwardingSmtpAddress points outside: Microsoft's predicate docs
//     ("Mail flow rule conditions and exceptions (predicates) in Exchange Server", MessageType)
//     note that forwarding set in Outlook on the web does not mark messages AutoForward, so
//     step 2 alone would not see it.
import { PUBLIC_WEBMAIL_DOMAINS } from '../core/address/public-domains';
import { t } from '../core/messages';
import type { Policy } from '../core/policy';
import { RULES } from '../core/rules';
import { KitError } from './errors';

export const RULE_NAME_PREFIX = 'CongVuGuard AutoForward';
export const BACKUP_FILE = 'congvu-forwarding-backup.csv';
export const APPLY_FILE = 'congvu-forwarding.ps1';
export const ROLLBACK_FILE = 'congvu-forwarding-rollback.ps1';

/**
 * The characters a rule's domain list may take. Exchange counts the rule's description
 * ("… recipient's domain is 'a.com' or 'b.com'"): each domain adds its quotes and " or ".
 * 8 192 is the limit; the rest of the description (scope, message type) fits in what is left.
 */
export const RULE_CONDITION_BUDGET = 7000;
const PER_DOMAIN_OVERHEAD = 6;

// What a domain in the list may be: the kit writes nothing else between quotes.
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

function within(domain: string, roots: readonly string[]): boolean {
  return roots.some((r) => domain === r || domain.endsWith(`.${r}`));
}

/** The public webmail domains the script stops auto-forwarding to: the product's list and IT's additions, never an official one. */
export function forwardingBlockDomains(policy: Policy): string[] {
  const all = new Set([...PUBLIC_WEBMAIL_DOMAINS, ...policy.extraPublicDomains].map((d) => d.toLowerCase()));
  const out = [...all].filter((d) => !within(d, policy.officialDomains)).sort();
  for (const d of out) if (!DOMAIN.test(d)) throw new KitError(`the public domain list holds "${d}", which is not a domain name; the Exchange script was not written`);
  return out;
}

/** Consecutive slices of the list, each within the budget of one transport rule. */
export function ruleChunks(domains: readonly string[], budget = RULE_CONDITION_BUDGET): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const d of domains) {
    const cost = d.length + PER_DOMAIN_OVERHEAD;
    if (current.length > 0 && size + cost > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(d);
    size += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** A PowerShell verbatim string: nothing inside is expanded, a quote is doubled. */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

function ruleName(index: number, count: number): string {
  const width = String(count).length;
  return `${RULE_NAME_PREFIX} ${String(index + 1).padStart(width, '0')} of ${count}`;
}

/** Comment-based help and a header both scripts share. */
function header(synopsis: string, description: string[]): string[] {
  return ['<#', '.SYNOPSIS', `    ${synopsis}`, '.DESCRIPTION', ...description.map((l) => `    ${l}`), '#>', '[CmdletBinding(SupportsShouldProcess = $true)]', 'param()', "$ErrorActionPreference = 'Stop'", ''];
}

function officialHelper(policy: Policy): string[] {
  return [
    `$OfficialDomains = @(${policy.officialDomains.map(psQuote).join(', ')})`,
    'function Test-OfficialDomain([string]$Domain) {',
    "    $d = $Domain.Trim().TrimEnd('.').ToLowerInvariant()",
    '    foreach ($root in $OfficialDomains) { if ($d -eq $root -or $d.EndsWith(".$root")) { return $true } }',
    '    return $false',
    '}',
    '',
  ];
}

export interface ForwardingScripts {
  apply: string;
  rollback: string;
  /** The transport rules the apply script creates: name and domains. */
  rules: Array<{ name: string; domains: string[] }>;
}

export function exchangeForwardingScripts(policy: Policy): ForwardingScripts {
  const lang = policy.language;
  const domains = forwardingBlockDomains(policy);
  const chunks = ruleChunks(domains);
  const rules = chunks.map((c, i) => ({ name: ruleName(i, chunks.length), domains: c }));
  const rule = RULES['auto-forward-public'];
  const citation = (rule.sources[policy.authority] ?? rule.sources.default)[lang];
  const reject = t(lang, 'auto-forward-public.server-reject', { citation });

  const apply = [
    ...header('Công Vụ Guard: stop automatic forwarding from official mailboxes to mailboxes outside the official domains.', [
      `Source: ${citation}.`,
      'Run it in the Exchange Management Shell, first with -WhatIf (nothing changes; each step says what it would do).',
      `1. Remote domains outside ${policy.officialDomains.join(', ')}: AutoForwardEnabled $false.`,
      `   Their earlier values are saved once in ${BACKUP_FILE} beside this script, for ${ROLLBACK_FILE}.`,
      `2. ${rules.length} transport rules "${RULE_NAME_PREFIX} …" reject auto-forwarded mail to ${domains.length} public webmail domains.`,
      '3. Lists the mailboxes whose forwarding address (set in Outlook on the web) lies outside the official domains.',
      'Running it again replaces the rules; the backup of the first run is kept.',
    ]),
    ...officialHelper(policy),
    `$RejectText = ${psQuote(reject)}`,
    `$Comment = ${psQuote(`Công Vụ Guard, ${citation}`)}`,
    `$Backup = Join-Path $PSScriptRoot ${psQuote(BACKUP_FILE)}`,
    '',
    '# 1. No automatic forwarding to remote domains, except those of the official system.',
    'if (-not $WhatIfPreference -and -not (Test-Path -LiteralPath $Backup)) {',
    "    Get-RemoteDomain | Select-Object -Property 'Identity', 'DomainName', 'AutoForwardEnabled' | Export-Csv -LiteralPath $Backup -NoTypeInformation -Encoding UTF8",
    '}',
    'foreach ($remote in (Get-RemoteDomain)) {',
    '    if (Test-OfficialDomain ([string]$remote.DomainName)) { continue }',
    '    if ($remote.AutoForwardEnabled) { Set-RemoteDomain -Identity $remote.Identity -AutoForwardEnabled $false -Confirm:$false -WhatIf:$WhatIfPreference }',
    '}',
    '',
    '# 2. Transport rules: auto-forwarded mail to public webmail is rejected, with the reason.',
    `Get-TransportRule | Where-Object { $_.Name -like ${psQuote(`${RULE_NAME_PREFIX} *`)} } | ForEach-Object { Remove-TransportRule -Identity $_.Identity -Confirm:$false -WhatIf:$WhatIfPreference }`,
    ...rules.flatMap((r) => [
      `New-TransportRule -Name ${psQuote(r.name)} -Comments $Comment -MessageTypeMatches AutoForward -SentToScope NotInOrganization -RejectMessageReasonText $RejectText -RejectMessageEnhancedStatusCode '5.7.1' -WhatIf:$WhatIfPreference -RecipientDomainIs @(`,
      ...r.domains.map((d) => `    ${psQuote(d)}`),
      ')',
    ]),
    '',
    '# 3. Forwarding set on the mailbox itself (Outlook on the web) is not marked AutoForward: list it for a follow-up.',
    'Get-Mailbox -ResultSize Unlimited | Where-Object { $_.ForwardingSmtpAddress } | ForEach-Object {',
    "    $target = ([string]$_.ForwardingSmtpAddress) -replace '^smtp:', ''",
    "    if (-not (Test-OfficialDomain ($target -split '@')[-1])) {",
    '        [pscustomobject]@{ Mailbox = [string]$_.PrimarySmtpAddress; ForwardingSmtpAddress = $target; DeliverToMailboxAndForward = $_.DeliverToMailboxAndForward }',
    '    }',
    '} | Format-Table -AutoSize',
    '',
  ];

  const rollback = [
    ...header('Công Vụ Guard: undo congvu-forwarding.ps1.', [
      `Removes the transport rules "${RULE_NAME_PREFIX} …" and gives each remote domain back the AutoForwardEnabled value saved in ${BACKUP_FILE}.`,
      'Without the backup it sets the Default remote domain back to Exchange\'s default ($true) and says so.',
      'Run it first with -WhatIf.',
    ]),
    `$Backup = Join-Path $PSScriptRoot ${psQuote(BACKUP_FILE)}`,
    '',
    `Get-TransportRule | Where-Object { $_.Name -like ${psQuote(`${RULE_NAME_PREFIX} *`)} } | ForEach-Object { Remove-TransportRule -Identity $_.Identity -Confirm:$false -WhatIf:$WhatIfPreference }`,
    'if (Test-Path -LiteralPath $Backup) {',
    '    foreach ($saved in (Import-Csv -LiteralPath $Backup)) {',
    "        Set-RemoteDomain -Identity $saved.Identity -AutoForwardEnabled ($saved.AutoForwardEnabled -eq 'True') -Confirm:$false -WhatIf:$WhatIfPreference",
    '    }',
    '} else {',
    `    Write-Warning ${psQuote(`${BACKUP_FILE} was not found: only the Default remote domain is set back to AutoForwardEnabled $true.`)}`,
    "    Set-RemoteDomain -Identity 'Default' -AutoForwardEnabled $true -Confirm:$false -WhatIf:$WhatIfPreference",
    '}',
    '',
  ];
  return { apply: withBom(apply), rollback: withBom(rollback), rules };
}

/** Windows PowerShell 5.1 reads a script without a byte-order mark as the ANSI code page: Vietnamese needs the BOM. */
function withBom(lines: string[]): string {
  return `\uFEFF${lines.join('\r\n')}`;
}

/** The kit's own check before writing: every rule within its budget, every domain quoted once, in order. */
export function checkForwardingScripts(s: ForwardingScripts, domains: readonly string[]): void {
  const listed = s.rules.flatMap((r) => r.domains);
  if (listed.join(',') !== domains.join(',')) throw new KitError('the Exchange script does not list every public domain exactly once');
  for (const r of s.rules) {
    const size = r.domains.reduce((n, d) => n + d.length + PER_DOMAIN_OVERHEAD, 0);
    if (size > RULE_CONDITION_BUDGET) throw new KitError(`transport rule "${r.name}" would hold ${size} characters of conditions`);
    if (r.name.length > 64) throw new KitError(`transport rule name "${r.name}" is longer than 64 characters`);
  }
  const lines = new Set(s.apply.split('\r\n'));
  for (const d of domains) if (!lines.has(`    ${psQuote(d)}`)) throw new KitError(`the Exchange script does not quote ${d} on a line of its own`);
}
