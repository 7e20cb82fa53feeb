// The JSON, plist and policies.json forms of the same two things: install the extension
// and hand it the policy.
import { build as buildPlist, type PlistValue } from 'plist';
import type { Policy } from '../core/policy';
import type { ExtensionSource } from './targets';

/** /etc/chromium/policies/managed/*.json (and Chrome's, Edge's): Chromium's JSON policy file. */
export function linuxPolicyFile(policy: Policy, id: string, updateUrl: string): string {
  return `${JSON.stringify({ ExtensionInstallForcelist: [`${id};${updateUrl}`], '3rdparty': { extensions: { [id]: policy } } }, null, 2)}\n`;
}

/** Firefox's policies.json: force-install from where IT hosts the signed .xpi, and the policy. */
export function firefoxPolicies(policy: Policy, source: ExtensionSource): string {
  return `${JSON.stringify(
    {
      policies: {
        ExtensionSettings: { [source.firefoxId]: { installation_mode: 'force_installed', install_url: source.firefoxInstallUrl } },
        '3rdparty': { Extensions: { [source.firefoxId]: policy } },
      },
    },
    null,
    2,
  )}\n`;
}

function uuidFrom(seed: string): string {
  // Stable per profile content, so re-running the kit replaces the installed profile.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let k = 0; k < seed.length; k++) {
    h1 = Math.imul(h1 ^ seed.charCodeAt(k), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ seed.charCodeAt(k), 2246822519) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

/** A macOS configuration profile with one payload per browser (Chrome, Edge). */
export function macProfile(policy: Policy, source: ExtensionSource, organisation: string): string {
  const payload = (domain: string, id: string, update: string) => ({
    PayloadType: domain,
    PayloadVersion: 1,
    PayloadIdentifier: `vn.congvu-guard.${domain}`,
    PayloadUUID: uuidFrom(`${domain}${id}`),
    PayloadDisplayName: `Công Vụ Guard — ${domain}`,
    PayloadEnabled: true,
    ExtensionInstallForcelist: [`${id};${update}`],
    '3rdparty': { extensions: { [id]: policy } },
  });
  const profile = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: 'vn.congvu-guard.profile',
    PayloadUUID: uuidFrom('vn.congvu-guard.profile'),
    PayloadDisplayName: 'Công Vụ Guard',
    PayloadDescription: 'Cài đặt và cấu hình Công Vụ Guard cho Google Chrome và Microsoft Edge.',
    PayloadOrganization: organisation,
    PayloadScope: 'System',
    PayloadContent: [payload('com.google.Chrome', source.chromeId, source.chromeUpdateUrl), payload('com.microsoft.Edge', source.edgeId, source.edgeUpdateUrl)],
  };
  return buildPlist(profile as unknown as PlistValue);
}
