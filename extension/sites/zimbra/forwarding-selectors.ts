// Zimbra forwarding settings (official-fixtures' zimbra-classic and zimbra-modern
// forwarding-vi.html, sources in SOURCES.md). Classic: Preferences › Mail, the DwtInputField
// #Prefs_Input_MAIL_FORWARDING_ADDRESS ("forward a copy to", several addresses allowed) saved by
// the toolbar button #zb__PREF__SAVE. Modern: the switch #mail-forwarding-active with the address
// box beside it, saved by the dialog footer's primary button. Mail filters are not read yet.
import { fieldValue, type ForwardingPageSelectors, type ForwardingTarget } from '../account-pages';
import { splitTargets } from '../../../core/forwarding/targets';

function each(field: HTMLInputElement | null, value: string): ForwardingTarget[] {
  return field ? splitTargets(value).map((address) => ({ address, field })) : [];
}

export const ZIMBRA_CLASSIC_FORWARDING: ForwardingPageSelectors = {
  product: 'zimbra-classic',
  page: '#Prefs_Input_MAIL_FORWARDING_ADDRESS input',
  submit: '#zb__PREF__SAVE',
  targets: (doc) => {
    const field = doc.querySelector<HTMLInputElement>('#Prefs_Input_MAIL_FORWARDING_ADDRESS input');
    return each(field, fieldValue(field));
  },
};

export const ZIMBRA_MODERN_FORWARDING: ForwardingPageSelectors = {
  product: 'zimbra-modern',
  page: 'input#mail-forwarding-active',
  submit: '.zimbra-client_modal-dialog_footer .blocks_button_primary',
  targets: (doc) => {
    if (!doc.querySelector<HTMLInputElement>('input#mail-forwarding-active')?.checked) return [];
    const field = doc.querySelector<HTMLInputElement>('input.zimbra-client_settings_textInput');
    return each(field, fieldValue(field));
  },
};
