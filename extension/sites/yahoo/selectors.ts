// Yahoo Mail (mail.yahoo.com) compose markup, verified 2026-11-25 against these public sources
// (fixture: test/fixtures/webmail/yahoo/compose-vi.html). Yahoo tags its UI with data-test-id
// attributes, which are language-independent; its classes (D_F, I_52qC…) are obfuscated and churn.
//   [Mailvelope] mailvelope/mailvelope@a1c1fa9 src/content-scripts/providerSpecific.js (Yahoo class)
//   [userstyle] public Yahoo Mail userstyles listing div[data-test-id="compose"], compose-styler,
//     .compose-header, compose-header-top-bar, container-from (search tool, code corpus)
//   [tests] public WebdriverIO/Playwright page objects: compose-send-button, compose-subject,
//     #message-to-field, pill-text, #editor-container > [data-test-id=rte], compose-editor-container,
//     compose-header-field-to, btn-cc (search tool, code corpus)

/** Compose root: `div[data-test-id=compose]` [userstyle]; the styler wrapper as fallback. */
export const COMPOSE_ROOT = '[data-test-id="compose"], [data-test-id="compose-styler"]';
/** Elements only a compose has: editor, subject, Send button. */
export const COMPOSE_MARKER = '[data-test-id="rte"], [data-test-id="compose-subject"], [data-test-id="compose-send-button"]';

/** Recipient field containers: [Mailvelope] `container-to`; newer `compose-header-field-to` [tests]. cc/bcc follow the same naming. */
export const RECIPIENT_FIELD = {
  to: '[data-test-id="container-to"], [data-test-id="compose-header-field-to"]',
  cc: '[data-test-id="container-cc"], [data-test-id="compose-header-field-cc"]',
  bcc: '[data-test-id="container-bcc"], [data-test-id="compose-header-field-bcc"]',
} as const;
/** One recipient pill; its `title` holds the address [Mailvelope getAttr(…, 'title')]. */
export const PILL = '[data-test-id="pill"]';
/** The pill's visible label (address or display name) [tests]. */
export const PILL_TEXT = '[data-test-id="pill-text"]';
/** Text typed but not yet a pill: `input.input-to` in `li.pill-container` [Mailvelope], `#message-to-field` [tests]. */
export const RECIPIENT_TYPING = 'li.pill-container input, input[id^="message-"][id$="-field"]:not([data-test-id="compose-subject"])';

/** Subject: `input[data-test-id=compose-subject]` [Mailvelope, tests]; `#message-subject-field` [tests]. */
export const SUBJECT = ['input[data-test-id="compose-subject"]', 'input#message-subject-field'] as const;
/** Editor: `#editor-container > [data-test-id=rte]` [Mailvelope, tests]. */
export const BODY = ['#editor-container > [data-test-id="rte"]', '[data-test-id="rte"][contenteditable=true]', '[data-test-id="compose-editor-container"] [contenteditable=true]'] as const;
/** Send: `button[data-test-id=compose-send-button]` [tests]. */
export const SEND_BUTTON = ['button[data-test-id="compose-send-button"]'] as const;

/**
 * Attachment chips. LOW CONFIDENCE: only one public automation config names
 * `[data-test-id="attachment-container"]`; item markup inside it is unverified.
 * TODO [2026-12-15]: confirm in test/browser against a live compose and tighten.
 */
export const ATTACHMENT_CHIP = '[data-test-id="attachment-container"] [title]';

export const HOSTS = ['mail.yahoo.com'] as const;
