// OBM's mail forwarding module (ui/php/mailforward, official-fixtures' obm/forwarding-vi.html,
// sources in SOURCES.md): form[name="form_forward"], the switch cb_nomade_enable and one
// tf_email_nomade[] box per address, posted to mailforward_index.php.
import { fieldValue, type ForwardingPageSelectors } from '../account-pages';

export const OBM_FORWARDING: ForwardingPageSelectors = {
  product: 'obm',
  page: 'form[name="form_forward"] input[name="tf_email_nomade[]"]',
  submit: 'form[name="form_forward"] input[type="submit"]',
  targets: (doc) => {
    if (!doc.querySelector<HTMLInputElement>('form[name="form_forward"] input[name="cb_nomade_enable"]')?.checked) return [];
    return [...doc.querySelectorAll<HTMLInputElement>('form[name="form_forward"] input[name="tf_email_nomade[]"]')].flatMap((field) => {
      const address = fieldValue(field);
      return address ? [{ address, field }] : [];
    });
  },
};
