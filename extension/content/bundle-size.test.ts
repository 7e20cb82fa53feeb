// The content script loads into every webmail tab, so its weight is a budget (issue 11): at most
// 60 KB minified, without the 14,000-name provider list, which the background keeps. Each public
// webmail has its own script (content-<site>.js) that carries that site's adapter only.
// Reads the built files: run `npm run build` first. Timings belong to bench/, not here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { makeManifest } from '../manifest';
import { WEBMAIL_SITE_MATCHES } from '../manifest-matches';

// Issue 11 asks for 60 KB. The banner draws with plain DOM calls (no UI library), which
// brought the file back under it.
const BUDGET_BYTES = 60_000;
const dist = join(process.cwd(), 'dist');
type Node = { type: string; [key: string]: unknown };
const isNode = (x: unknown): x is Node => !!x && typeof x === 'object' && typeof (x as Node).type === 'string';

/** A rule's definition: an object with an id and the directions it applies to. */
function ruleId(n: Node): string | undefined {
  if (n.type !== 'ObjectExpression') return undefined;
  const props = n.properties as Array<{ key?: { name?: string }; value?: Node & { value?: unknown; quasis?: Array<{ value: { cooked: string } }> } }>;
  if (!props.some((p) => p.key?.name === 'appliesTo')) return undefined;
  const id = props.find((p) => p.key?.name === 'id')?.value;
  const text = id?.type === 'Literal' ? id.value : id?.type === 'TemplateLiteral' ? id.quasis?.[0]?.value.cooked : undefined;
  return typeof text === 'string' ? text : undefined;
}

/**
 * The rules a built page script defines as it loads (issue 11: a tab where no mail is written
 * should not build them). It walks what runs at load: the script's own body, not the functions
 * it defines, except the bundler's lazy module bodies (`init = lazy(() => {…})`) that the
 * script calls at load, followed through the inits they call in turn.
 */
function rulesBuiltAtLoad(source: string): string[] {
  const ast = parse(source, { ecmaVersion: 'latest' }) as unknown as { body: Node[] };
  const iife = (ast.body[0]?.expression as Node | undefined)?.callee as Node | undefined;
  const body = iife && /Function/.test(iife.type) ? (iife.body as Node).body : ast.body;
  const lazy = new Map<string, Node>();
  const collect = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(collect);
    if (!isNode(n)) return;
    if (n.type === 'VariableDeclarator' && isNode(n.init) && n.init.type === 'CallExpression') {
      const [arg, more] = n.init.arguments as Node[];
      if (arg?.type === 'ArrowFunctionExpression' && !more && (arg.params as unknown[]).length === 0) lazy.set((n.id as { name: string }).name, arg.body as Node);
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type') collect(v);
  };
  collect(body);
  const found: string[] = [];
  const ran = new Set<string>();
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!isNode(n) || /Function/.test(n.type)) return;
    const id = ruleId(n);
    if (id) found.push(id);
    const callee = n.type === 'CallExpression' ? (n.callee as { type: string; name?: string }) : undefined;
    if (callee?.type === 'Identifier' && lazy.has(callee.name!) && !ran.has(callee.name!)) {
      ran.add(callee.name!);
      visit(lazy.get(callee.name!));
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type') visit(v);
  };
  visit(body);
  return found;
}

// issue 11 (page weight): the rules a built file defines anywhere, at load or in any function.
function rulesDefined(source: string): string[] {
  const found: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isNode(n)) return;
    const id = ruleId(n);
    if (id) found.push(id);
    for (const [k, v] of Object.entries(n)) if (k !== 'type') walk(v);
  };
  walk(parse(source, { ecmaVersion: 'latest' }));
  return found;
}

const HOSTS = Object.values(WEBMAIL_SITE_MATCHES).map(([m]) => new URL(m.replace('*', '')).host);

describe.each(['chrome', 'firefox'] as const)('content scripts for %s', (target) => {
  it('the manifest runs one script per public webmail, each built', () => {
    const scripts = makeManifest(target, '1.0.0').content_scripts as Array<{ matches: string[]; js: string[] }>;
    for (const [site, matches] of Object.entries(WEBMAIL_SITE_MATCHES)) {
      expect(scripts.find((c) => c.js.includes(`content-${site}.js`))?.matches).toEqual([...matches]);
      expect(existsSync(join(dist, target, `content-${site}.js`)), `content-${site}.js is missing: run npm run build`).toBe(true);
    }
  });

  describe.each(Object.keys(WEBMAIL_SITE_MATCHES))('content-%s.js', (site) => {
    const file = join(dist, target, `content-${site}.js`);

    it('stays within 60 KB minified', () => {
      expect(readFileSync(file).length).toBeLessThanOrEqual(BUDGET_BYTES);
    });

    it('carries neither the provider list nor webextension-polyfill', () => {
      const source = readFileSync(file, 'utf8');
      // Names from the middle of the upstream list that no code or message mentions.
      for (const name of ['mail2tycoon.com', 'hazelnuts4u.com', 'seznam.cz']) expect(source).not.toContain(name);
      expect(source).not.toContain('This script should only be loaded in a browser extension');
    });

    it('builds no rule as it loads: the checks wait for the first compose', () => {
      expect(rulesBuiltAtLoad(readFileSync(file, 'utf8'))).toEqual([]);
    });

    // issue 11 (page weight): compiling the checks was most of the script's load; they come on the first compose.
    it('carries no rule at all: the checks come in content-checks.js, added on the first compose', () => {
      expect(rulesDefined(readFileSync(file, 'utf8'))).toEqual([]);
    });

    it('carries its own webmail’s adapter and no other', () => {
      const source = readFileSync(file, 'utf8');
      const own = new URL(WEBMAIL_SITE_MATCHES[site as keyof typeof WEBMAIL_SITE_MATCHES][0].replace('*', '')).host;
      for (const host of HOSTS) expect(source.includes(host), host).toBe(host === own);
    });
  });
});

// issue 11 (page weight)
describe.each(['chrome', 'firefox'] as const)('content-checks.js for %s', (target) => {
  const file = join(dist, target, 'content-checks.js');

  it('is declared nowhere in the manifest: only the background adds it, to a webmail frame that asks', () => {
    expect(JSON.stringify(makeManifest(target, '1.0.0'))).not.toContain('content-checks.js');
  });

  it('carries the rules the page scripts leave out, and neither the provider list nor webextension-polyfill', () => {
    const source = readFileSync(file, 'utf8');
    expect(rulesDefined(source)).toEqual(expect.arrayContaining(['unicode-text', 'secret-document', 'public-webmail-work']));
    for (const name of ['mail2tycoon.com', 'hazelnuts4u.com', 'seznam.cz']) expect(source).not.toContain(name);
    expect(source).not.toContain('This script should only be loaded in a browser extension');
  });
});

describe.each(['chrome', 'firefox'] as const)('official.js for %s', (target) => {
  it('builds no rule as it loads: the checks wait for the first compose or read view', () => {
    const source = readFileSync(join(dist, target, 'official.js'), 'utf8');
    expect(rulesBuiltAtLoad(source)).toEqual([]);
    // The walk sees a rule defined at load, directly or in a lazy module body called at load.
    expect(rulesBuiltAtLoad(`(function(){var r={id:'unicode-text',appliesTo:['outgoing']}})()`)).toEqual(['unicode-text']);
    expect(rulesBuiltAtLoad(`(function(){var l=(f)=>f,r,i=l(()=>{r={id:\`secret-document\`,appliesTo:[]}}),j=l(()=>{i()});j()})()`)).toEqual(['secret-document']);
    expect(rulesBuiltAtLoad(`(function(){var l=(f)=>f,r,i=l(()=>{r={id:'secret-document',appliesTo:[]}});function go(){i()}})()`)).toEqual([]);
  });
});

// issue 11 (official page weight): official.js is split as the public webmails' script is.
describe.each(['chrome', 'firefox'] as const)('official.js and official-checks.js for %s', (target) => {
  it('official.js carries no rule at all: the checks come in official-checks.js, added on the first compose or read view', () => {
    expect(rulesDefined(readFileSync(join(dist, target, 'official.js'), 'utf8'))).toEqual([]);
  });

  it('official-checks.js is declared nowhere in the manifest and carries the rules, without the provider list or the polyfill', () => {
    expect(JSON.stringify(makeManifest(target, '1.0.0'))).not.toContain('official-checks.js');
    const source = readFileSync(join(dist, target, 'official-checks.js'), 'utf8');
    expect(rulesDefined(source)).toEqual(expect.arrayContaining(['unicode-text', 'secret-document', 'public-contact-in-document']));
    for (const name of ['mail2tycoon.com', 'hazelnuts4u.com', 'seznam.cz']) expect(source).not.toContain(name);
    expect(source).not.toContain('This script should only be loaded in a browser extension');
  });
});
