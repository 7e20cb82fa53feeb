// OBM's webmail: Roundcube 1.1.4 with the larry skin, served under /webmail/ beside OBM's own
// pages. Sources, read 2026-12-01 at linagora/OBM@f27e8c7 ui/php/webmail:
//   program/include/iniset.php (RCMAIL_VERSION 1.1.4), config/defaults.inc.php (skin larry),
//   config/obm.inc.php (compose_extwin: compose opens in its own window);
//   skins/larry/templates/compose.html — #composeheaders with textareas #_to/#_cc/#_bcc,
//     #compose-subject, #composebodycontainer > textarea#composebody (TinyMCE iframe
//     #composebody_ifr in HTML mode), Send buttons "button send" in #messagetoolbar and
//     "button mainaction" in #compose-buttons (command "send"), #compose-attachments with
//     ul#attachment-list; program/steps/mail/compose.inc — li#rcmfile<id> entries;
//   skins/larry/templates/message.html — #messageheader (h2.subject), #mailview-right;
//     program/steps/mail/show.inc — attachment links to get_part_url() (…&_action=get…),
//     the size in span.attachment-size inside the link.
import type { OfficialSelectors } from '../official-adapter.js';

export const OBM: OfficialSelectors = {
  compose: {
    marker: 'textarea#composebody, textarea[name="_message"]',
    root: '#mainscreen, body',
    recipients: {
      to: { fields: ['#_to', 'textarea[name="_to"]'] },
      cc: { fields: ['#_cc', 'textarea[name="_cc"]'] },
      bcc: { fields: ['#_bcc', 'textarea[name="_bcc"]'] },
    },
    subject: ['#compose-subject', 'input[name="_subject"]'],
    body: ['iframe#composebody_ifr', '#composebodycontainer iframe', 'textarea#composebody', 'textarea[name="_message"]'],
    attachment: { item: '#attachment-list li[id^="rcmfile"]' },
    send: ['a.button.send', '#compose-buttons .mainaction', `[onclick*="command('send'"]`],
    bannerBefore: ['#composebodycontainer', '#compose-content'],
  },
  read: {
    marker: '#messagebody',
    root: '#mailview-right, #mainscreen, body',
    subject: ['#messageheader .subject', 'h2.subject'],
    from: ['#messageheader a.rcmContactAddress', '.headers-table a.rcmContactAddress', 'a.rcmContactAddress'],
    body: ['#messagebody'],
    attachmentLink: '#attachment-list a[href*="_action=get"]',
    attachmentItem: 'li',
    attachmentSize: '.attachment-size',
    bannerBefore: ['#messagebody'],
  },
};
