// Zimbra web clients, classic (Ajax) and Modern UI. Sources, read 2026-12-01:
// Classic: Zimbra/zm-web-client@518cc8b (10.1) — js/zimbraMail/core/ZmId.js: views zv__COMPOSE-<n>,
//   toolbar buttons zb__COMPOSE-<n>__SEND (the toolbar sits outside the view), fields
//   <view>_to_control/_cc_control/_bcc_control (CMP_TO_INPUT…), <view>_subject_control
//   (CMP_SUBJECT_INPUT), message body DIV "<view>_body" holding the content iframe (MV_MSG_BODY);
//   DwtControl class names as CSS classes (ZmComposeView, ZmMailMsgView, ZmHtmlEditor);
//   share/view/htmlEditor/ZmHtmlEditor.js: textarea <editor>_body, TinyMCE iframe <…>_ifr in
//   HTML mode; ZmAddressInputField/Widgets.template: span.addrBubble; templates/mail/
//   Message.template: header table with SubjectCol and the _from row, attachment links
//   a.AttLink to ZmMailMsg.getUrlForPart (/service/home/~/?auth=co&loc=&id=&part=, +&disp=a to
//   download); MailAttachmentBubble: span.attachmentBubble in the compose.
// Modern: zm-x-web (workless/zm-x-web@9060538) — CSS-module names zimbra-client_<path>_<class>
//   as its e2e page model (tests/e2e/testcafe/page-model/elements.js) uses them: composer
//   (composer_composer, composer_subject, [data-field=to|cc|bcc] token inputs and
//   address-field_tokenLabel chips), gui-rich-text-area (the <rich-text-area contenteditable>
//   editor, _attachments tiles, toolbar _send), viewer (viewer-title_subject, _fromAddressList,
//   viewer_attachments tiles, html-viewer_inner body).
import type { OfficialSelectors } from '../official-adapter.js';

export const ZIMBRA_CLASSIC: OfficialSelectors = {
  compose: {
    marker: 'input[id$="_subject_control"], .ZmHtmlEditor',
    root: '.ZmComposeView',
    recipients: {
      to: { fields: ['input[id$="_to_control"]'], chips: '[id$="_to_cell"] .addrBubble' },
      cc: { fields: ['input[id$="_cc_control"]'], chips: '[id$="_cc_cell"] .addrBubble' },
      bcc: { fields: ['input[id$="_bcc_control"]'], chips: '[id$="_bcc_cell"] .addrBubble' },
    },
    chipAddressAttrs: ['email', 'title'],
    subject: ['input[id$="_subject_control"]'],
    body: ['.ZmHtmlEditor iframe[id$="_body_ifr"]', '.ZmHtmlEditor iframe', 'textarea[id$="_body"]', '.ZmHtmlEditor textarea'],
    attachment: { item: '.ZmComposeView [id$="_attachments_div"] .attachmentBubble:not([name="mailAttUploadingSpan"])', name: 'a.AttLink' },
    send: ['[id^="zb__COMPOSE"][id$="__SEND"]'],
    sendScope: 'document',
    bannerBefore: ['.ZmHtmlEditor'],
  },
  read: {
    marker: '.ZmMailMsgView [id$="__body"], .ZmMailMsgView .MsgBody',
    root: '.ZmMailMsgView',
    subject: ['.SubjectCol'],
    from: ['tr[id$="_from"] .addrBubble', '[id$="_from"] [title]'],
    body: ['[id$="__body"] iframe', '.MsgBody iframe', '[id$="__body"]', '.MsgBody'],
    attachmentLink: 'a.AttLink[href*="/service/home/"]',
    attachmentItem: 'td',
    bannerBefore: ['[id$="__body"]', '.MsgBody'],
  },
};

export const ZIMBRA_MODERN: OfficialSelectors = {
  compose: {
    marker: 'rich-text-area, input.zimbra-client_composer_subject',
    root: '.zimbra-client_composer_composer',
    recipients: {
      to: { fields: ['[data-field="to"] input'], chips: '[data-field="to"] .zimbra-client_address-field_tokenLabel' },
      cc: { fields: ['[data-field="cc"] input'], chips: '[data-field="cc"] .zimbra-client_address-field_tokenLabel' },
      bcc: { fields: ['[data-field="bcc"] input'], chips: '[data-field="bcc"] .zimbra-client_address-field_tokenLabel' },
    },
    subject: ['input.zimbra-client_composer_subject'],
    body: ['rich-text-area[contenteditable]', '.zimbra-client_composer_editor [contenteditable]'],
    attachment: { item: '.zimbra-client_gui-rich-text-area_attachments .zimbra-client_attachment', name: '.zimbra-client_attachment_name' },
    send: ['button.zimbra-client_gui-rich-text-area_components_toolbar_send'],
    sendScope: 'document',
    bannerBefore: ['.zimbra-client_composer_editor'],
  },
  read: {
    marker: '.zimbra-client_viewer_body',
    root: '.zimbra-client_viewer_viewer',
    subject: ['.zimbra-client_viewer-title_subject'],
    from: ['.zimbra-client_viewer_fromAddressList .zimbra-client_address-list_address', '.zimbra-client_viewer_fromAddressList [title]'],
    body: ['.zimbra-client_html-viewer_inner', '.zimbra-client_viewer_body'],
    // The tiles carry no link: the app builds it on click (adapter.ts reads the message's own REST URL instead).
    attachmentLink: 'a[href*="/service/home/"]',
    bannerBefore: ['.zimbra-client_viewer_body'],
  },
};
