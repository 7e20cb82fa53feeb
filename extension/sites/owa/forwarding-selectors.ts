// Outlook on the web (Exchange 2016/2019/SE), Options › Mail › Accounts › Forwarding
// (/owa/?path=/options/forwarding): the radio pair name="forwarding" (stop/start), the address box
// autoid="_o_fwd" and the Save button autoid="_o_save" (official-fixtures' owa/forwarding-vi.html,
// sources in its SOURCES.md). Inbox rules (/owa/?path=/options/inboxrules, owa/filters-vi.html): the rule editor's
// actions part [autoid="_ir_actions"], where a recipient well input[autoid="_ir_to"] exists only for the actions that
// send the message on (Forward to, Forward as attachment to, Redirect to: every action taking recipients does), its
// resolved recipients carrying the address in their title; saved by the editor's OK [autoid="_ir_ok"].
import { splitTargets } from '../../../core/forwarding/targets';
import { fieldValue, type ForwardingPageSelectors, type ForwardingTarget } from '../account-pages';

export const OWA_FORWARDING: ForwardingPageSelectors = {
  product: 'owa',
  page: 'input[autoid="_o_fwd"]',
  submit: 'button[autoid="_o_save"]',
  targets: (doc) => {
    const field = doc.querySelector<HTMLInputElement>('input[autoid="_o_fwd"]');
    const on = doc.querySelector<HTMLInputElement>('input[type="radio"][name="forwarding"][value="start"]')?.checked;
    const address = fieldValue(field);
    return field && on && address ? [{ address, field }] : [];
  },
};

const RULE_WELLS = '[autoid="_ir_actions"] input[autoid="_ir_to"]';

export const OWA_INBOX_RULES: ForwardingPageSelectors = {
  product: 'owa',
  page: RULE_WELLS,
  submit: 'button[autoid="_ir_ok"]',
  targets: (doc) =>
    [...doc.querySelectorAll<HTMLInputElement>(RULE_WELLS)].flatMap((field): ForwardingTarget[] => {
      const well = field.parentElement;
      const resolved = [...(well?.querySelectorAll('[title]') ?? [])].map((el) => el.getAttribute('title')!.trim()).filter((a) => a.includes('@'));
      return [...resolved, ...splitTargets(fieldValue(field))].map((address) => ({ address, field }));
    }),
};
