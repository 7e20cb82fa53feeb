// Chrome and Edge on Windows read an extension's managed storage from
// HKLM\SOFTWARE\Policies\<vendor>\3rdparty\extensions\<id>\policy: strings as REG_SZ,
// whole numbers and booleans as REG_DWORD, objects as subkeys and lists as subkeys whose
// values are named 1, 2, 3… (the shapes the managed schema gives them).
import type { Policy } from '../core/policy';
import { FORCELIST_VALUE_NAME, WINDOWS_BROWSERS, type ExtensionSource } from './targets';

type RegValue = { kind: 'sz'; value: string } | { kind: 'dword'; value: number };

function escapeRegString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function line(name: string, v: RegValue): string {
  const n = `"${escapeRegString(name)}"`;
  return v.kind === 'sz' ? `${n}="${escapeRegString(v.value)}"` : `${n}=dword:${(v.value >>> 0).toString(16).padStart(8, '0')}`;
}

/** The sections of one policy object under `key`: [key path, lines][]. */
export function policySections(key: string, policy: Policy): Array<[string, string[]]> {
  const sections: Array<[string, string[]]> = [[key, []]];
  const own = sections[0]![1];
  for (const [field, value] of Object.entries(policy)) {
    if (Array.isArray(value)) {
      sections.push([`${key}\\${field}`, value.map((v, k) => line(String(k + 1), { kind: 'sz', value: String(v) }))]);
    } else if (typeof value === 'object' && value !== null) {
      sections.push([`${key}\\${field}`, Object.entries(value).map(([k, v]) => line(k, { kind: 'sz', value: String(v) }))]);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      own.push(line(field, { kind: 'dword', value: Number(value) }));
    } else {
      own.push(line(field, { kind: 'sz', value: String(value) }));
    }
  }
  return sections;
}

/** A .reg file for both browsers: the force-install entry and the extension's policy. */
export function registryFile(policy: Policy, source: ExtensionSource): string {
  const out = ['Windows Registry Editor Version 5.00', ''];
  for (const b of WINDOWS_BROWSERS) {
    const root = `HKEY_LOCAL_MACHINE\\${b.key}`;
    out.push(`; ${b.name}: install Công Vụ Guard and keep it installed.`);
    out.push(`[${root}\\ExtensionInstallForcelist]`, line(FORCELIST_VALUE_NAME, { kind: 'sz', value: `${b.id(source)};${b.update(source)}` }), '');
    out.push(`; ${b.name}: the extension's policy. Earlier values are removed first, so the file can be applied again.`);
    const policyKey = `${root}\\3rdparty\\extensions\\${b.id(source)}\\policy`;
    out.push(`[-${policyKey}]`, '');
    for (const [key, lines] of policySections(policyKey, policy)) out.push(`[${key}]`, ...lines, '');
  }
  return out.join('\r\n');
}

/** The same file that takes everything back out (rollback). */
export function registryRemovalFile(source: ExtensionSource): string {
  const out = ['Windows Registry Editor Version 5.00', ''];
  for (const b of WINDOWS_BROWSERS) {
    const root = `HKEY_LOCAL_MACHINE\\${b.key}`;
    out.push(`[${root}\\ExtensionInstallForcelist]`, `"${FORCELIST_VALUE_NAME}"=-`, '', `[-${root}\\3rdparty\\extensions\\${b.id(source)}]`, '');
  }
  return out.join('\r\n');
}

/** regedit reads Version 5.00 files as UTF-16LE with a byte-order mark. */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    out[2 + k * 2] = c & 0xff;
    out[3 + k * 2] = c >> 8;
  }
  return out;
}
