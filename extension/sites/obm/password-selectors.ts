// OBM's own password module (ui/php/password, official-fixtures' obm/password-vi.html, sources in
// SOURCES.md): form[name="form_password"] with tf_new_password, posted to password_index.php.
import type { PasswordPageSelectors } from '../account-pages';

export const OBM_PASSWORD: PasswordPageSelectors = {
  product: 'obm',
  newPassword: 'form[name="form_password"] input[name="tf_new_password"]',
  submit: 'form[name="form_password"] input[type="submit"]',
  account: ['#userLogin', '.obmUser'],
};
