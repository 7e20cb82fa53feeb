// Outlook on the web's password pages: /owa/auth/expiredpassword.aspx (forms-based
// authentication's "password expired" page: username, oldPwd, newPwd1, newPwd2 in a form
// posting back to expiredpassword.aspx) and the options page's Change password
// (/ecp/PersonalSettings/Password.aspx, whose new-password box ends its id in "NewPassword").
import type { PasswordPageSelectors } from '../account-pages';

export const OWA_PASSWORD: PasswordPageSelectors = {
  product: 'owa',
  newPassword: 'input[type="password"][name="newPwd1"], input[type="password"][id$="NewPassword"]',
  submit: 'form[action*="expiredpassword.aspx" i] .signinbutton, form[action*="expiredpassword.aspx" i] [type="submit"], form[action*="expiredpassword.aspx" i] [onclick*="clkExp"]',
  account: ['input#username', 'input[name="username"]', '[id$="lblUserName"]'],
};
