// Every kit file is checked before it is written: XML well-formed (and ADMX references
// resolved), JSON and plist parsed back and carrying exactly the policy, .reg well-formed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parsePlist } from 'plist';
import { SaxesParser } from 'saxes';
import type { Policy } from '../core/policy';
import { KitError } from './errors';

export function checkXml(xml: string, what: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw new KitError(`${what} is not well-formed XML: ${error.message}`);
}

/** Every $(string.x) and $(presentation.x) the ADMX uses is defined in each ADML. */
export function checkAdmx(admx: string, admls: string[]): void {
  checkXml(admx, 'the ADMX file');
  for (const adml of admls) {
    checkXml(adml, 'an ADML file');
    for (const m of admx.matchAll(/\$\((string|presentation)\.([A-Za-z0-9_]+)\)/g)) {
      const tag = m[1] === 'string' ? 'string' : 'presentation';
      if (!adml.includes(`<${tag} id="${m[2]}"`)) throw new KitError(`the ADML lacks ${tag} "${m[2]}"`);
    }
    for (const m of admx.matchAll(/<(?:decimal|text|boolean|enum|list) id="([A-Za-z0-9_]+)"/g)) {
      if (!adml.includes(`refId="${m[1]}"`)) throw new KitError(`the ADML has no control for "${m[1]}"`);
    }
  }
}

export function checkJson(text: string, pick: (v: unknown) => unknown, policy: Policy): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new KitError(`generated JSON does not parse: ${(e as Error).message}`);
  }
  if (JSON.stringify(pick(value)) !== JSON.stringify(policy)) throw new KitError('generated JSON does not carry the policy');
}

export function checkPlist(text: string, policy: Policy): void {
  checkXml(text, 'the configuration profile');
  const parsed = parsePlist(text) as unknown as { PayloadContent: Array<{ '3rdparty': { extensions: Record<string, unknown> } }> };
  for (const p of parsed.PayloadContent) {
    const [only] = Object.values(p['3rdparty'].extensions);
    if (JSON.stringify(only) !== JSON.stringify(policy)) throw new KitError('the configuration profile does not carry the policy');
  }
}

export function checkRegistry(text: string, policy?: Policy): void {
  const lines = text.split('\r\n');
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new KitError('the .reg file lacks its header');
  for (const l of lines.slice(1)) {
    if (l === '' || l.startsWith(';') || /^\[-?HKEY_LOCAL_MACHINE\\[^\]]+\]$/.test(l)) continue;
    if (!/^"(?:[^"\\]|\\.)*"=(?:"(?:[^"\\]|\\.)*"|dword:[0-9a-f]{8}|-)$/.test(l)) throw new KitError(`the .reg file has a bad line: ${l}`);
  }
  if (policy && !text.includes(`"spamReportAddress"="${policy.spamReportAddress}"`)) throw new KitError('the .reg file does not carry the policy');
}

/**
 * The add-in manifest: well-formed, every URL moved off the placeholder host, and — where the
 * [MS-OWEMXML] schemas and xmllint are at hand — valid against them.
 */
export function checkManifest(xml: string, schemaDir?: string): 'schema' | 'structure' {
  checkXml(xml, 'the add-in manifest');
  if (xml.replace(/<!--[\s\S]*?-->/g, '').includes('congvu-guard.invalid')) throw new KitError('the add-in manifest still points at the placeholder host');
  const root = schemaDir && join(schemaDir, 'OfficeAppManifestV1_1.xsd');
  if (!root || !existsSync(root) || spawnSync('xmllint', ['--version']).error) return 'structure';
  const dir = mkdtempSync(join(tmpdir(), 'congvu-manifest-'));
  try {
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', root, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new KitError(`the add-in manifest does not validate: ${r.stderr.trim().split('\n')[0]}`);
    return 'schema';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
