// One manifest source for both browsers. Chrome/Edge: MV3 service worker and a managed
// storage schema. Firefox: background scripts, a gecko id, and a declaration that nothing
// is collected. Content-script matches are the only hosts the extension touches.
import { createHash } from 'node:crypto';
import { ALL_SITES_MATCHES, OFFICIAL_MATCHES, WEBMAIL_MATCHES, WEBMAIL_SITE_MATCHES } from './manifest-matches';
import { EXTENSION_PUBLIC_KEY } from './public-key';

export { OFFICIAL_MATCHES, WEBMAIL_MATCHES };

export type Target = 'chrome' | 'firefox';


export const GECKO_ID = 'congvu-guard@congvu-guard';

// The public half of the signing key pins the Chrome/Edge extension id so that
// force-install policies can name it.
const PUBLIC_KEY = EXTENSION_PUBLIC_KEY;

/** Chrome's id for a key: the first 32 hex digits of its SHA-256, written with the letters a–p. */
export function chromeExtensionId(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

export const CHROME_EXTENSION_ID = chromeExtensionId(PUBLIC_KEY);

export function makeManifest(target: Target, version: string): Record<string, unknown> {
  const common = {
    manifest_version: 3,
    name: 'Công Vụ Guard',
    short_name: 'Công Vụ Guard',
    description: 'Nhắc nhở nhẹ nhàng khi soạn thư công vụ trong hộp thư công cộng, kiểm tra tệp đính kèm theo quy định thư điện tử công vụ.',
    version,
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    // scripting: the page-world hook and official.js are registered for the policy's official
    // webmail hosts only (background/page-hook-script.ts), within the hosts below.
    permissions: ['storage', 'scripting'],
    // The public webmails, and *.gov.vn where official webmails live: registered scripts are
    // injected only where the extension holds host permission, which matches alone do not give.
    host_permissions: [...WEBMAIL_MATCHES, ...OFFICIAL_MATCHES],
    action: { default_popup: 'popup.html', default_title: 'Công Vụ Guard', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
    options_ui: { page: 'options.html', open_in_tab: true },
    content_scripts: [
      // The page-world hook is declared for the public webmails, so it is in place before the
      // first page of a fresh profile loads (a registered script arrives only once the
      // background has run); the official hosts, known only from the policy, are registered.
      { matches: WEBMAIL_MATCHES, js: ['page-hook.js'], run_at: 'document_start', world: 'MAIN' },
      // issue 11 (budget): one content script per public webmail, carrying that site's adapter only
      ...Object.entries(WEBMAIL_SITE_MATCHES).map(([site, matches]) => ({ matches: [...matches], js: [`content-${site}.js`], run_at: 'document_start' })),
      // Official webmail (issue 12): nothing is declared on *.gov.vn; official.js and the hook are
      // registered for the policy's official webmail hosts only (background/page-hook-script.ts).
      // Account hygiene (issue 13): every http(s) page, top frame only, idle until a key is typed.
      { matches: ALL_SITES_MATCHES, js: ['allsites.js'], run_at: 'document_idle' },
    ],
  };
  if (target === 'chrome') {
    return {
      ...common,
      key: PUBLIC_KEY,
      // offscreen: the document that hosts the Worker reading attached files.
      permissions: [...common.permissions, 'offscreen'],
      minimum_chrome_version: '111',
      background: { service_worker: 'background.js' },
      storage: { managed_schema: 'managed-schema.json' },
    };
  }
  return {
    ...common,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}
