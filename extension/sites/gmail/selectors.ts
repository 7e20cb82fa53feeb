// Gmail (mail.google.com) compose markup. Each constant: what it targets, where the structure
// comes from, and when it was verified against those sources (2026-11-25). The fixtures under
// test/fixtures/webmail/gmail/ are built from the same sources and prove every selector.
// Sources, as read on 2026-11-25:
//   [InboxSDK] InboxSDK/InboxSDK@a8a6fe2 src/platform-implementation-js/dom-driver/gmail/
//     views/gmail-compose-view.ts, views/gmail-compose-view/page-parser.ts,
//     views/gmail-message-view.ts (#setupReplyStream), gmail-element-getter.ts,
//     gmail-driver/setup-compose-view-driver-stream.ts
//   [gmail.js] KartikTalwar/gmail.js@b7dfdab src/gmail.js (api.dom.compose, dom() config,
//     api.check.is_peoplekit_compose, observers "compose" and "recipient_change")
//   [Mailvelope] mailvelope/mailvelope@a1c1fa9 src/content-scripts/providerSpecific.js
//     (commit e08b864, 2022-03-11: recipients moved from `.vR span[email]` to `.afV[data-hovercard-id]`)
//   [FlowCrypt] FlowCrypt/flowcrypt-browser@78f34e3 extension/js/content_scripts/webmail/gmail/
//     gmail-element-replacer.ts (`sel` map, reply boxes)
//   [Briskine] Briskine/briskine@98b08db src/content/plugins/gmail.js
// No selector here matches UI text: our users run Gmail in Vietnamese.

/**
 * Compose roots, innermost first. `div.M9` is the compose form container for dialogs, inline
 * replies and pop-outs ([gmail.js] api.dom.composes, [InboxSDK] reply element
 * `.ip.adB .M9`, [Briskine] textfieldContainerSelector). The dialog (`[role=dialog]`, which
 * [InboxSDK] requires to hold a form) and the open inline-reply slot (`.ip.adB`) back it up.
 */
export const COMPOSE_ROOT = 'div.M9, div[role=dialog], div.ip.adB';

/**
 * Markers that exist only inside a compose: the body editor and the subject box. The watcher
 * maps each to its COMPOSE_ROOT ([gmail.js] watches `.An` because `.M9` is set after insertion,
 * so a root is recognised when its editor arrives).
 */
export const COMPOSE_MARKER = 'div[g_editable=true], input[name=subjectbox]';

/**
 * Body editor. [InboxSDK] `.Ap [g_editable=true]`; [gmail.js] `div[contenteditable=true]:not([id=subject])`;
 * [Mailvelope] `.Am.Al`. The role/contenteditable pair is the ARIA fallback.
 */
export const BODY = [
  '.Ap [g_editable=true]',
  'div[g_editable=true][contenteditable=true]',
  'div.Am.Al[contenteditable=true]',
  'div[role=textbox][contenteditable=true]',
] as const;

/** Subject: [InboxSDK]/[gmail.js]/[Briskine] `input[name=subjectbox]`; inline replies keep it hidden and the metadata form carries `input[name=subject]` ([gmail.js] subject()). */
export const SUBJECT = ['input[name=subjectbox]', 'input[name=subject]'] as const;

/**
 * Recipient chips per field, newest layout first.
 * - 2021-10 "peoplekit" layout: `div[name=to] [role=option][data-hovercard-id]` ([InboxSDK]
 *   getRecipientChips `.GS .anm[name=to] [role=listbox] [role=option][data-name]`, [gmail.js]
 *   `tr.bzf div[name=to] div[data-hovercard-id]`, [Mailvelope] `.agb .afV[data-hovercard-id]`,
 *   [Briskine] `[name=to] [role=option]`).
 * - Earlier layout: `.vR` chips holding `input[type=hidden][name=to]` = "Name <addr>"
 *   ([InboxSDK] getOldRecipientRowForType, [gmail.js] `.GS input[type=hidden]`).
 * - Before 2022: `.vR span[email]` ([Mailvelope] before e08b864, [FlowCrypt] `div.az9 span[email]`).
 */
export const RECIPIENT_CHIPS = {
  to: ['[name=to] [role=option]', '.vR input[type=hidden][name=to]', '[name=to] .vR span[email]'],
  cc: ['[name=cc] [role=option]', '.vR input[type=hidden][name=cc]', '[name=cc] .vR span[email]'],
  bcc: ['[name=bcc] [role=option]', '.vR input[type=hidden][name=bcc]', '[name=bcc] .vR span[email]'],
} as const;

// official-directory (issue 14)
/** A peoplekit chip's remove control (`div.afX[role=button]` inside `[role=option]`, as in compose-dialog-vi.html). */
export const CHIP_REMOVE = '.afX[role=button]';

/** Chip attributes carrying the address, then the display name ([InboxSDK] getRecipients). */
export const CHIP_ADDRESS_ATTRS = ['data-hovercard-id', 'email', 'value'] as const;
export const CHIP_NAME_ATTR = 'data-name';

/**
 * Text typed but not yet turned into a chip: peoplekit `div[name=to] input` / older
 * `textarea[name=to]` ([gmail.js] dom() config). Gmail makes a recipient of it on Send.
 */
export const RECIPIENT_TYPING = {
  to: 'div[name=to] input:not([type=hidden]), textarea[name=to]',
  cc: 'div[name=cc] input:not([type=hidden]), textarea[name=cc]',
  bcc: 'div[name=bcc] input:not([type=hidden]), textarea[name=bcc]',
} as const;

/**
 * Send button. [InboxSDK] getSendButton (since 2019-04-18, commit 36968b9):
 * `.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])` — `.Uo` is Send & Archive,
 * aria-haspopup the schedule-send arrow. Before that `.IZ .Up > div > [role=button]`. [gmail.js]
 * `div.T-I.T-I-atl` inside `.gU.Up`, in the bottom toolbar row `tr.btC`.
 */
export const SEND_BUTTON = [
  '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])',
  '.btC .gU.Up div[role=button].T-I-atl:not(.Uo):not([aria-haspopup=true])',
] as const;

/** Attachment chips in the compose: [gmail.js] attachments() `div.dL` with `div.vI` (name), `div.vJ` (size), `a.dO`. */
export const ATTACHMENT_CHIP = 'div.dL';
export const ATTACHMENT_NAME = 'div.vI';
export const ATTACHMENT_SIZE = 'div.vJ';

/** Pages this adapter serves. */
export const HOSTS = ['mail.google.com'] as const;
