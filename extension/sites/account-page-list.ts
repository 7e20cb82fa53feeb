// The products whose settings pages the account-hygiene scripts know. A page is recognised by
// its own structure (sites/<product>/*-selectors.ts), so the scripts need not know which product
// the official webmail runs.
import type { ForwardingPageSelectors, PasswordPageSelectors } from './account-pages';
import { OWA_PASSWORD } from './owa/password-selectors';
import { ROUNDCUBE_FORWARDING } from './roundcube/forwarding-selectors';
import { ROUNDCUBE_PASSWORD } from './roundcube/password-selectors';

export const PASSWORD_PAGES: readonly PasswordPageSelectors[] = [OWA_PASSWORD, ROUNDCUBE_PASSWORD];
export const FORWARDING_PAGES: readonly ForwardingPageSelectors[] = [ROUNDCUBE_FORWARDING];

export function passwordPageIn(doc: Document): PasswordPageSelectors | undefined {
  return PASSWORD_PAGES.find((p) => doc.querySelector(p.newPassword));
}

export function forwardingPageIn(doc: Document): ForwardingPageSelectors | undefined {
  return FORWARDING_PAGES.find((p) => doc.querySelector(p.page));
}
