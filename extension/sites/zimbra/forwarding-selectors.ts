// Zimbra forwarding settings (official-fixtures' zimbra-classic and zimbra-modern
// forwarding-vi.html, sources in SOURCES.md). Classic: Preferences › Mail, the DwtInputField
// #Prefs_Input_MAIL_FORWARDING_ADDRESS ("forward a copy to", several addresses allowed) saved by
// the toolbar button #zb__PREF__SAVE. Modern: the switch #mail-forwarding-active with the address
// box beside it, saved by the dialog footer's primary button. Classic mail filters (filters-vi.html):
// the rule dialog #ZmFilterRuleDialog, whose only action taking a typed argument is "redirect to
// address" (ZmFilterRule.A_FORWARD, TYPE_INPUT), so any DwtInputField in its actions table is a
// forwarding target; saved by the dialog's OK button (DwtDialog id + "_button2"). Modern mail filters (filters-vi.html):
// the filter dialog's content .zimbra-client_filter-modal_filterModalContent, where an action select set to Zimbra's
// SOAP action actionRedirect has the address box beside it; saved by the inline dialog footer's primary button.
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

const FILTER_TARGETS = '#ZmFilterRuleDialog_actions input[id^="FilterRuleDialog_INPUT_"]';

export const ZIMBRA_CLASSIC_FILTERS: ForwardingPageSelectors = {
  product: 'zimbra-classic',
  page: FILTER_TARGETS,
  submit: '#ZmFilterRuleDialog_button2',
  targets: (doc) => [...doc.querySelectorAll<HTMLInputElement>(FILTER_TARGETS)].flatMap((field) => each(field, fieldValue(field))),
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

const MODERN_FILTER = '.zimbra-client_filter-modal_filterModalContent';

export const ZIMBRA_MODERN_FILTERS: ForwardingPageSelectors = {
  product: 'zimbra-modern',
  page: `${MODERN_FILTER} option[value="actionRedirect"]`,
  submit: '.zimbra-client_inline-modal-dialog_footer .blocks_button_primary',
  targets: (doc) =>
    [...doc.querySelectorAll<HTMLSelectElement>(`${MODERN_FILTER} select`)]
      .filter((kind) => kind.value === 'actionRedirect')
      .flatMap((kind) => {
        const field = kind.parentElement?.querySelector<HTMLInputElement>('input[type="text"]') ?? null;
        return each(field, fieldValue(field));
      }),
};
