// English messages. Keys are shared with vi.ts (type-checked there). Wording: gentle and
// short, saying why (the citation is shown beside it) and what to do next.
export const en = {
  'public-webmail-work.detected':
    'This message looks like official work ({markers}). Official work is sent from your official mailbox, not from public webmail. Please write it there instead.',
  'public-contact-in-document.outgoing':
    'The file “{file}” gives a public mailbox ({addresses}) as a contact point. Official documents should name only official addresses; please correct it before sending.',
  'public-contact-in-document.incoming':
    'The document “{file}” uses a public mailbox ({addresses}) as its contact point. Under the rules, such a document should not be processed; you may ask the sender for an official version.',
  'public-contact-in-document.body':
    'This message gives a public mailbox ({addresses}) as a contact point. Please name an official address instead.',
  'public-contact-in-document.incoming-body':
    'This message uses a public mailbox ({addresses}) as its contact point. Under the rules, it should not be processed as an official document.',
  'attachment-size.file':
    'The file “{file}” ({size} MB) is over the {limit} MB limit for one attachment. You can compress or split it, or share a link from your agency’s file storage.',
  'attachment-size.total':
    'The {count} attachments add up to {size} MB, over the {limit} MB limit for one message. You can send them in several messages or share a link.',
  'secret-document.attachment':
    'The file “{file}” carries the secrecy stamp “{level}”. Secret documents are never sent by e-mail; please remove it and send it through the secret-document channel.',
  'secret-document.message':
    'This message is marked “{level}”. Secret content is never sent by e-mail; please use the secret-document channel.',
  'unicode-text.attachment':
    'The file “{file}” contains text in the old {encoding} encoding, which readers may see as garbled. Please convert it to Unicode (TCVN 6909:2001) before sending.',
  'unicode-text.body':
    'This message contains text in the old {encoding} encoding. Choose “Convert to Unicode” so that readers see it correctly.',

  'marker.official-recipient': 'a recipient in an official domain',
  'marker.document-number': 'a document number such as “Số: 12/QĐ-UBND”',
  'marker.national-motto': 'the national motto',
  'marker.subject-line': 'a “V/v” subject line',
  'marker.salutation': '“Kính gửi”',
  'marker.distribution-list': 'a “Nơi nhận” list',
  'marker.authority-name': 'the name of a state body',
  'marker.official-attachment': 'an official-looking attachment',

  'severity.nudge': 'Tip',
  'severity.warn': 'Please check',
  'severity.block': 'Cannot send yet',

  'action.open-official-webmail': 'Open official mail',
  'action.acknowledge': 'I understand',
  'action.not-work': 'This is not work',
  'action.remove-attachment': 'Remove the file',
  'action.convert-to-unicode': 'Convert to Unicode',
  'action.report-spam': 'Report spam',
  'action.share-as-link': 'Share as a link',

  'rule.public-webmail-work': 'Work mail from public webmail',
  'rule.public-contact-in-document': 'Public contact in a document',
  'rule.attachment-size': 'Attachment size',
  'rule.secret-document': 'Secret document',
  'rule.unicode-text': 'Unicode text',

  'citation.label': 'Source: {citation}',
  'document.unreadable': 'Could not read this file: {reason}',
  'extract.too-large': 'it is larger than the {limit} MB that can be checked',
  'extract.zip-bomb': 'it expands to far more data than a real document (a possible zip bomb)',
  'extract.corrupt': 'the file is damaged or not what its name says',
  'extract.encrypted': 'it is protected by a password',
  'extract.unsupported': 'this file type cannot be checked ({detail})',
  'extract.timeout': 'reading it took longer than {seconds} seconds',
  'extract.too-deep': 'it nests attachments too deeply',
  'extract.memory': 'reading it needed more memory than allowed',
  'extract.io': 'the file could not be opened ({detail})',

  'policy.source.managed': 'set by IT',
  'policy.source.user': 'your settings',
  'policy.source.preset': 'preset',
  'policy.error.unknown-field': 'Policy ({source}): “{field}” is not a known setting and was ignored. Expected {expected}.',
  'policy.error.invalid': 'Policy ({source}): “{field}” = {received} is not valid; the default is used for this setting only. Expected {expected}.',
  'policy.error.not-json': 'Policy ({source}) is not valid JSON ({received}); defaults are used.',
  'policy.error.not-object': 'Policy ({source}) must be a JSON object; defaults are used.',

  'cli.summary': '{files} files checked: {flagged} with findings, {unreadable} unreadable.',
  'cli.clean': 'No findings.',
  'cli.addresses': 'Addresses: {addresses}',
  'cli.error': 'Error',
} as const;

export type MessageKey = keyof typeof en;
