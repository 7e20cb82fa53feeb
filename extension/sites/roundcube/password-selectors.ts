// Roundcube's password plugin (plugins/password/password.php, roundcubemail master, read
// 2026-12-01): the form #password-form with _curpasswd, _newpasswd and _confpasswd, saved by
// the plugin's command "plugin.password-save". The elastic skin shows the logged-in address in
// the header's .username (skins/elastic/templates/includes/layout.html); inside the settings
// frame (_framed=1) there is no header, so the account is read from the top window when it can be.
import type { PasswordPageSelectors } from '../account-pages';

export const ROUNDCUBE_PASSWORD: PasswordPageSelectors = {
  product: 'roundcube',
  newPassword: 'form#password-form input[name="_newpasswd"]',
  submit: '[onclick*="plugin.password-save"], form#password-form button[type="submit"]',
  account: ['.header .username', '#header .username', 'span.username'],
};
