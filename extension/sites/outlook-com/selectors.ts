// Outlook.com (outlook.live.com/mail) compose markup, verified 2026-11-25 against these public
// sources (fixtures: test/fixtures/webmail/outlook-com/*.html). Outlook's own classes are
// generated (e.g. "vBoqL iLc1q") and change between builds, so we use ARIA roles, ids and
// Fluent UI's library class names.
//   [Briskine] Briskine/briskine@98b08db src/content/plugins/outlook.js (+ history, 2024-2026):
//     parent `[role=main]` / compose pop-out `[data-app-section="Form_Content"]`; recipient fields
//     `[contenteditable=true]:not([aria-multiline=true])` in order To, Cc, Bcc; pills are their
//     `:scope > [contenteditable]` children, text in `[class*="textContainer-"], [class*="individualText-"]`,
//     "Name <addr>" after a draft reopens, else name only or address only; subject the last
//     `input[type=text][autocomplete=off]` (2020: `.ms-TextField-field[maxlength="255"]`);
//     compose area `[id*="docking_InitVisiblePart"]`; Cc/Bcc buttons `.fui-Input button`.
//   [Mailvelope] mailvelope/mailvelope@a1c1fa9 providerSpecific.js: personas `[data-selection-index] .lpc-hoverTarget`.
//   [Evicypher] Freemindtronic/evicypher-webmail src/content-scripts/outlook.ts: send moved from a
//     generated class to `.ms-Button--primary`.
//   [scripts] public Selenium/Robot scripts: `#docking_InitVisiblePart_0 … span/button[1]` (Send),
//     `#splitButton-ro__primaryActionButton`, `#editorParent_1 > div` (body); other extensions:
//     `span[data-lpc-hover-target-id]` pills, `#divRplyFwdMsg` (search tool, code corpus).

/** Markers: the message body (multi-line textbox) and the Send button. */
export const COMPOSE_MARKER = '[role=textbox][contenteditable=true][aria-multiline=true], button.ms-Button--primary, button[id$="__primaryActionButton"]';
/** Pop-out compose container [Briskine]; the docked compose is found structurally (adapter.ts). */
export const POPOUT_ROOT = '[data-app-section="Form_Content"]';
/** The compose's visible header block [Briskine, scripts]. */
export const DOCKING_PART = '[id^="docking_InitVisiblePart"]';

/** Body editor [Briskine: `[aria-multiline]`; scripts: `#editorParent_N > div`]. */
export const BODY = ['[role=textbox][contenteditable=true][aria-multiline=true]', '[id^="editorParent_"] > [contenteditable=true]'] as const;
/** Recipient fields, in order To, Cc, Bcc [Briskine 2026]. */
export const RECIPIENT_FIELDS = '[contenteditable=true]:not([aria-multiline=true])';
/** One pill inside a field [Briskine 2026]; older layouts `[data-lpc-hover-target-id]` [other extensions, Mailvelope]. */
export const PILL = [':scope > [contenteditable=false]', '[data-lpc-hover-target-id]', '.lpc-hoverTarget'] as const;
/** The pill's label [Briskine]. */
export const PILL_TEXT = '[class*="textContainer-"], [class*="individualText-"]';
/** Attributes on a pill or its descendants that may carry the address (a hover-card id or a tooltip). */
export const PILL_ADDRESS_ATTRS = ['title', 'aria-label', 'data-lpc-hover-target-id'] as const;
/** Subject [Briskine 2026, 2020]. */
export const SUBJECT = ['input[type=text][autocomplete=off]', 'input.ms-TextField-field[maxlength="255"]', 'input[maxlength="255"]'] as const;
/**
 * Send: Fluent UI's primary button [Evicypher] / split button primary action
 * (`splitButton-…__primaryActionButton` [scripts]). In the compose only Send is primary.
 */
export const SEND_BUTTON = ['button.ms-Button--primary', 'button[id$="__primaryActionButton"]', 'button.fui-SplitButton__primaryActionButton'] as const;
/**
 * Attachment chips. LOW CONFIDENCE: no public source shows OWA's compose attachment well;
 * this matches list items titled with the file name. TODO [2026-12-15]: confirm in test/browser.
 */
export const ATTACHMENT_CHIP = '[role=listitem][title]';
/** The size label inside a chip, when shown. */
export const ATTACHMENT_SIZE = '[class*="size"]';

/** Outlook.com only: outlook.office.com is organisational Microsoft 365 mail, not public webmail. */
export const HOSTS = ['outlook.live.com'] as const;
