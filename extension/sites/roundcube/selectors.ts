// Roundcube (elastic skin, 1.5/1.6) compose and message-view markup. Sources, read 2026-12-01
// at roundcube/roundcubemail@28b4441:
//   skins/elastic/templates/compose.html — form "form"; header rows #compose_to/_cc/_bcc holding
//     the recipient textareas #_to/#_cc/#_bcc (elastic's ui.js shows them as li.recipient chips
//     and keeps the textarea's value in step); #compose-subject; #composebodycontainer with
//     textarea#composebody, which TinyMCE hides behind iframe#composebody_ifr in HTML mode;
//     .formbuttons with the Send button (command "send"); sidebar #compose-attachments with
//     ul#attachment-list; form#uploadform holding the file input the attach button clicks.
//   program/actions/mail/compose.php — attachment items li#rcmfile<id> with span.attachment-name
//     and span.attachment-size; program/include/rcmail_output_html.php button(): every
//     command button carries onclick "…command('send'…".
//   skins/elastic/templates/message.html — #message-header (h2.subject, sender links
//     a.rcmContactAddress with the address as title), #message-content with
//     ul#attachment-list and #messagebody; program/actions/mail/show.php — attachment links
//     a.filename to get_part_url() (…&_action=get&_part=N), span.attachment-name/-size.
// The same page serves the full view (_action=show) and the preview frame (_action=preview).
import type { OfficialSelectors } from '../official-adapter.js';

export const ROUNDCUBE: OfficialSelectors = {
  compose: {
    marker: 'textarea#composebody, textarea[name="_message"]',
    // Roundcube's compose is a page of its own: the layout holds headers, editor, sidebar and buttons.
    root: '#layout, body',
    recipients: {
      to: { fields: ['#_to', 'textarea[name="_to"]'] },
      cc: { fields: ['#_cc', 'textarea[name="_cc"]'] },
      bcc: { fields: ['#_bcc', 'textarea[name="_bcc"]'] },
    },
    subject: ['#compose-subject', 'input[name="_subject"]'],
    body: ['iframe#composebody_ifr', '#composebodycontainer iframe', 'textarea#composebody', 'textarea[name="_message"]'],
    attachment: { item: '#attachment-list li[id^="rcmfile"]', name: '.attachment-name', size: '.attachment-size' },
    send: ['.formbuttons .send', 'button.send', 'a.send', `[onclick*="command('send'"]`],
    bannerBefore: ['#composebodycontainer', '#compose-content'],
  },
  read: {
    marker: '#messagebody',
    root: '#layout-content, body',
    subject: ['#message-header .subject', 'h2.subject'],
    from: ['#message-header .header-from a.rcmContactAddress', '#message-header a.rcmContactAddress', '.header-headers a.rcmContactAddress'],
    body: ['#messagebody'],
    attachmentLink: '#attachment-list a[href*="_action=get"]',
    attachmentItem: 'li',
    attachmentName: '.attachment-name',
    attachmentSize: '.attachment-size',
    bannerBefore: ['#message-content', '#messagebody'],
  },
};
