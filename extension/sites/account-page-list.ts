// The products whose settings pages the account-hygiene scripts know. A page is recognised by
// its own structure (sites/<product>/*-selectors.ts), so the scripts need not know which product
// the official webmail runs.
import type { ForwardingPageSelectors, PasswordPageSelectors } from './account-pages';
import { OBM_FORWARDING } from './obm/forwarding-selectors';
import { OBM_PASSWORD } from './obm/password-selectors';
import { OWA_FORWARDING, OWA_INBOX_RULES } from './owa/forwarding-selectors';
import { OWA_PASSWORD } from './owa/password-selectors';
import { ROUNDCUBE_FORWARDING } from './roundcube/forwarding-selectors';
import { ROUNDCUBE_PASSWORD } from './roundcube/password-selectors';
import { ZIMBRA_CLASSIC_FILTERS, ZIMBRA_CLASSIC_FORWARDING, ZIMBRA_MODERN_FILTERS, ZIMBRA_MODERN_FORWARDING } from './zimbra/forwarding-selectors';
import { ZIMBRA_CLASSIC_PASSWORD, ZIMBRA_MODERN_PASSWORD } from './zimbra/password-selectors';

export const PASSWORD_PAGES: readonly PasswordPageSelectors[] = [OWA_PASSWORD, ROUNDCUBE_PASSWORD, ZIMBRA_CLASSIC_PASSWORD, ZIMBRA_MODERN_PASSWORD, OBM_PASSWORD];
export const FORWARDING_PAGES: readonly ForwardingPageSelectors[] = [
  OWA_FORWARDING,
  OWA_INBOX_RULES,
  ROUNDCUBE_FORWARDING,
  ZIMBRA_CLASSIC_FILTERS,
  ZIMBRA_CLASSIC_FORWARDING,
  ZIMBRA_MODERN_FILTERS,
  ZIMBRA_MODERN_FORWARDING,
  OBM_FORWARDING,
];

export function passwordPageIn(doc: Document): PasswordPageSelectors | undefined {
  return PASSWORD_PAGES.find((p) => doc.querySelector(p.newPassword));
}

