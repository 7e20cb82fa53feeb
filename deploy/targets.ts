// Where each browser looks for its policies, and how the extension is found there.
import { CHROME_EXTENSION_ID, GECKO_ID } from '../extension/manifest';

export const CHROME_WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const EDGE_ADDONS_UPDATE_URL = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';

export interface ExtensionSource {
  /** Chrome/Edge id; pinned by the key in the manifest for self-hosted and Chrome Web Store packages. */
  chromeId: string;
  /** Edge Add-ons gives a package its own id; the same id when the .crx is self-hosted. */
  edgeId: string;
  chromeUpdateUrl: string;
  edgeUpdateUrl: string;
  firefoxId: string;
  /** Where IT hosts the signed .xpi (Mozilla's unlisted channel). */
  firefoxInstallUrl: string;
}

export function defaultSource(overrides: Partial<ExtensionSource> = {}): ExtensionSource {
  return {
    chromeId: CHROME_EXTENSION_ID,
    edgeId: CHROME_EXTENSION_ID,
    chromeUpdateUrl: CHROME_WEB_STORE_UPDATE_URL,
    edgeUpdateUrl: EDGE_ADDONS_UPDATE_URL,
    firefoxId: GECKO_ID,
    firefoxInstallUrl: 'https://congvu-guard.invalid/firefox/congvu-guard.xpi',
    ...overrides,
  };
}

/** Registry roots of the Chromium browsers IT runs on Windows. */
export const WINDOWS_BROWSERS = [
  { name: 'Google Chrome', key: 'SOFTWARE\\Policies\\Google\\Chrome', id: (s: ExtensionSource) => s.chromeId, update: (s: ExtensionSource) => s.chromeUpdateUrl },
  { name: 'Microsoft Edge', key: 'SOFTWARE\\Policies\\Microsoft\\Edge', id: (s: ExtensionSource) => s.edgeId, update: (s: ExtensionSource) => s.edgeUpdateUrl },
] as const;

/** Managed-policy folders on Linux, by browser. */
export const LINUX_POLICY_DIRS = [
  { name: 'chromium', dir: '/etc/chromium/policies/managed', edge: false },
  { name: 'google-chrome', dir: '/etc/opt/chrome/policies/managed', edge: false },
  { name: 'microsoft-edge', dir: '/etc/opt/edge/policies/managed', edge: true },
] as const;

// Other force-installed extensions usually sit at 1, 2, 3…: a distinct value name keeps this
// entry from overwriting theirs (Chrome reads any numbered value of the list).
export const FORCELIST_VALUE_NAME = '6909';
