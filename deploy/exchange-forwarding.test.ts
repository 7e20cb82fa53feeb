// The generated Exchange scripts are read back with a real PowerShell grammar (tree-sitter's,
// run from its WebAssembly build): every command, parameter and quoted domain is checked as
// PowerShell would split it, not as text.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { PRESETS } from '../core/policy/presets';
import type { Policy } from '../core/policy';
import { buildKit } from './kit';
import { exchangeForwardingScripts, forwardingBlockDomains, psQuote, RULE_CONDITION_BUDGET, RULE_NAME_PREFIX, ruleChunks } from './exchange-forwarding';

let parser: Parser;
beforeAll(async () => {
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
  parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
});

interface Command {
  name: string;
  /** Parameter name (without "-" and ":") → the argument nodes that follow it. */
  params: Map<string, Node | undefined>;
}

function parse(script: string): Node {
  const tree = parser.parse(script.replace(/^\uFEFF/, ''));
  if (!tree) throw new Error('no parse tree');
  return tree.rootNode;
}

function commands(root: Node): Command[] {
  return root.descendantsOfType('command').flatMap((c) => {
    if (!c) return [];
    const name = c.childForFieldName('command_name')?.text ?? '';
    const elements = (c.childForFieldName('command_elements')?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'command_argument_sep');
    const params = new Map<string, Node | undefined>();
    elements.forEach((n, i) => {
      if (n.type !== 'command_parameter') return;
      const next = elements[i + 1];
      params.set(n.text.replace(/^-/, '').replace(/:$/, ''), next && next.type !== 'command_parameter' ? next : undefined);
    });
    return [{ name, params }];
  });
}

/** The values of the verbatim strings under a node, unquoted as PowerShell reads them. */
function strings(node: Node | undefined): string[] {
  if (!node) return [];
  return node.descendantsOfType('string_literal').flatMap((s) => (s && s.text.startsWith("'") ? [s.text.slice(1, -1).replace(/''/g, "'")] : []));
}

const danang = PRESETS.danang;
const scripts = exchangeForwardingScripts(danang);

describe('Exchange script: stop auto-forwarding outside the official domains (Art. 9.3)', () => {
  it('parses as PowerShell without a single error, both the script and its rollback', () => {
    expect(parse(scripts.apply).hasError).toBe(false);
    expect(parse(scripts.rollback).hasError).toBe(false);
  });

  it('turns automatic forwarding off on remote domains, except the official ones, after saving a backup', () => {
    const cmds = commands(parse(scripts.apply));
    const set = cmds.find((c) => c.name === 'Set-RemoteDomain');
    expect(set?.params.get('AutoForwardEnabled')?.text).toBe('$false');
    expect(set?.params.get('WhatIf')?.text).toBe('$WhatIfPreference');
    expect(cmds.some((c) => c.name === 'Export-Csv')).toBe(true);
    expect(strings(parse(scripts.apply).descendantsOfType('assignment_expression').find((a) => a?.text.startsWith('$OfficialDomains')) ?? undefined)).toEqual(['danang.gov.vn', 'quangnam.gov.vn']);
  });

  it('rejects auto-forwarded mail to every public domain the product knows, each quoted once, rules within Exchange’s size limit', () => {
    const rules = commands(parse(scripts.apply)).filter((c) => c.name === 'New-TransportRule');
    const expected = forwardingBlockDomains(danang);
    expect(expected).toContain('gmail.com');
    expect(expected).toContain('yahoo.com.vn');
    expect(expected.some((d) => d.endsWith('gov.vn'))).toBe(false);
    expect(rules.length).toBeGreaterThan(1);
    const listed: string[] = [];
    for (const r of rules) {
      expect(r.params.get('MessageTypeMatches')?.text).toBe('AutoForward');
      expect(r.params.get('SentToScope')?.text).toBe('NotInOrganization');
      expect(r.params.get('WhatIf')?.text).toBe('$WhatIfPreference');
      expect(strings(r.params.get('Name'))[0]).toMatch(new RegExp(`^${RULE_NAME_PREFIX} \\d+ of ${rules.length}$`));
      const domains = strings(r.params.get('RecipientDomainIs'));
      // Exchange counts the rule's description: each domain in quotes, joined by " or ".
      const description = domains.map((d) => `'${d}'`).join(' or ');
      expect(description.length).toBeLessThanOrEqual(RULE_CONDITION_BUDGET);
      listed.push(...domains);
    }
    expect(listed).toEqual(expected);
  });

  it('adds IT’s extra public domains to the rules', () => {
    const policy: Policy = { ...danang, extraPublicDomains: ['mail.isp-dia-phuong.vn'] };
    const listed = commands(parse(exchangeForwardingScripts(policy).apply))
      .filter((c) => c.name === 'New-TransportRule')
      .flatMap((c) => strings(c.params.get('RecipientDomainIs')));
    expect(listed).toContain('mail.isp-dia-phuong.vn');
  });

  it('rolls back: removes exactly its own rules and gives the remote domains their saved values', () => {
    const cmds = commands(parse(scripts.rollback));
    const remove = cmds.find((c) => c.name === 'Remove-TransportRule');
    expect(remove?.params.get('WhatIf')?.text).toBe('$WhatIfPreference');
    expect(scripts.rollback).toContain(`$_.Name -like '${RULE_NAME_PREFIX} *'`);
    const restores = cmds.filter((c) => c.name === 'Set-RemoteDomain');
    expect(restores.map((c) => c.params.get('AutoForwardEnabled')?.text)).toEqual(["($saved.AutoForwardEnabled -eq 'True')", '$true']);
  });

  it('offers a dry run: both scripts declare -WhatIf and pass it to every command that changes something', () => {
    for (const script of [scripts.apply, scripts.rollback]) {
      expect(script).toContain('[CmdletBinding(SupportsShouldProcess = $true)]');
      const changing = commands(parse(script)).filter((c) => /^(Set|New|Remove)-/.test(c.name));
      expect(changing.length).toBeGreaterThan(0);
      for (const c of changing) expect(c.params.get('WhatIf')?.text, c.name).toBe('$WhatIfPreference');
    }
  });

  it('quotes any text so that PowerShell reads one string and runs nothing', () => {
    for (const hostile of ["it's'; Remove-Mailbox -Identity x #", 'a‘b’c', '$(Remove-Item C:\\)', '`"; calc']) {
      const root = parse(`$x = ${psQuote(hostile)}\r\n`);
      expect(root.hasError).toBe(false);
      expect(commands(root)).toEqual([]);
      expect(strings(root)).toHaveLength(1);
    }
  });

  it('splits a list into slices that each fit the budget, none empty, in order', () => {
    const chunks = ruleChunks(['a.com', 'bb.com', 'ccc.com', 'dddd.com'], 30);
    expect(chunks).toEqual([['a.com', 'bb.com'], ['ccc.com', 'dddd.com']]);
  });

  it('is written by policy build with a byte-order mark, for Windows PowerShell 5.1', () => {
    const kit = buildKit({ preset: 'danang' });
    const apply = kit.find((f) => f.path === 'exchange/congvu-forwarding.ps1')?.content;
    const rollback = kit.find((f) => f.path === 'exchange/congvu-forwarding-rollback.ps1')?.content;
    expect(typeof apply === 'string' && apply.startsWith('\uFEFF<#')).toBe(true);
    expect(typeof rollback === 'string' && rollback.startsWith('\uFEFF<#')).toBe(true);
    expect(String(apply)).toContain('Khoản 3 Điều 9');
  });
});
