// Outlook on the web (Exchange 2016/2019/SE), Options › Mail › Accounts › Forwarding
// (/owa/?path=/options/forwarding): the radio pair name="forwarding" (stop/start), the address box
// autoid="_o_fwd" and the Save button autoid="_o_save" (official-fixtures' owa/forwarding-vi.html,
// sources in its SOURCES.md). Inbox rules' "Forward to / Redirect to" pickers are not read yet.
import { fieldValue, type ForwardingPageSelectors } from '../account-pages';

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
