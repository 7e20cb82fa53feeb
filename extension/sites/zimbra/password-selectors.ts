// Zimbra's change-password screens (official-fixtures' zimbra-classic and zimbra-modern
// password-vi.html, sources in SOURCES.md): the Classic client's /h/changepass form
// (#newPassword, name loginNewPassword; #saveButton) and the Modern client's reset form
// (#loginNewPassword in #reset-password-form).
import type { PasswordPageSelectors } from '../account-pages';

export const ZIMBRA_CLASSIC_PASSWORD: PasswordPageSelectors = {
  product: 'zimbra-classic',
  newPassword: 'input#newPassword[name="loginNewPassword"]',
  submit: '#saveButton',
  account: ['input#username', '.userName'],
};

export const ZIMBRA_MODERN_PASSWORD: PasswordPageSelectors = {
  product: 'zimbra-modern',
  newPassword: '#reset-password-form input#loginNewPassword',
  submit: '#reset-password-form button[type="submit"]',
  account: ['input#username'],
};
