// Outlook on the web of Exchange Server 2016/2019/SE (on-premises, the "OWA 2016" UI). No source
// is public: the structure is the one public automation scripts and browser-extension projects
// rely on, recorded in test/fixtures/official/SOURCES.md (read 2026-12-01): the compose form
// div._mcp_e1; recipient wells; subject input[autoid^=_mcp_c]; the editable body
// div[autoid^=_z_l][contenteditable]; command bar Send button[autoid^=_mcp_g]; the reading pane
// (subject ._rp_g1, sender a._rpc_d1 with the address as title, body div._rp_U4[role=document])
// and attachment downloads through /owa/service.svc/s/GetFileAttachment at the same origin.
// `autoid` values are OWA's own automation ids, stable across its UI languages.
import type { OfficialSelectors } from '../official-adapter.js';

export const OWA: OfficialSelectors = {
  compose: {
    marker: 'div[autoid^="_z_l"][contenteditable], input[autoid^="_mcp_c"]',
    root: 'div._mcp_e1',
    recipients: {
      to: { fields: ['[data-recipient-well="to"] input[autoid^="_fp_"]'], chips: '[data-recipient-well="to"] [role="option"]' },
      cc: { fields: ['[data-recipient-well="cc"] input[autoid^="_fp_"]'], chips: '[data-recipient-well="cc"] [role="option"]' },
      bcc: { fields: ['[data-recipient-well="bcc"] input[autoid^="_fp_"]'], chips: '[data-recipient-well="bcc"] [role="option"]' },
    },
    chipAddressAttrs: ['title'],
    subject: ['input[autoid^="_mcp_c"]'],
    body: ['div[autoid^="_z_l"][contenteditable]', 'div[role="textbox"][contenteditable]'],
    attachment: { item: 'div._mcp_e1 ._aw_k', name: '._aw_n' },
    send: ['button[autoid^="_mcp_g"]'],
    bannerBefore: ['div._mcp_z1', 'div[autoid^="_z_l"]'],
  },
  read: {
    marker: 'div._rp_U4[role="document"], div[role="document"]._rp_U4',
    root: 'div._rp_45, [role="main"]',
    subject: ['._rp_g1 span.bidi', '._rp_g1'],
    from: ['a._rpc_d1'],
    body: ['div._rp_U4[role="document"]'],
    attachmentLink: 'a[href*="/owa/service.svc/s/GetFileAttachment"]',
    attachmentItem: '[role="option"]',
    attachmentName: '._ay_n',
    bannerBefore: ['div._rp_U4'],
  },
};

/**
 * The Outlook add-in's own surfaces in this page: Outlook on the web runs an add-in in iframes it
 * creates (the task pane, and the hidden frame of its event-based runtime), each loading one of
 * the add-in's pages with Office's `_host_Info` parameter. Công Vụ Guard's add-in pages are
 * commands.html (launch events, Smart Alerts), compose.html and read.html (manifest.xml).
 */
export const ADDIN_FRAME = ['commands.html', 'compose.html', 'read.html']
  .map((page) => `iframe[src*="/${page}"][src*="_host_Info=Outlook"]`)
  .join(', ');
