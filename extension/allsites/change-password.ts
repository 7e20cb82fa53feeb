// Where each official webmail product changes the password, from the product of the sign-in
// page the password was typed on (detectOfficialProduct). A product without a page of its own
// for it gets the webmail's address.
//   OWA (Exchange 2013–SE): the ECP page OWA's options open, /ecp/?rfr=owa&p=PersonalSettings/Password.aspx
//   Roundcube: the password plugin's action, ?_task=settings&_action=plugin.password, beside the sign-in page
//   Zimbra (both clients share the server's pages): /h/changepass, which its preferences open
import type { OfficialProduct } from '../sites/official-detect';

export function changePasswordUrl(product: OfficialProduct | undefined, signInUrl: URL, webmailUrl: string): string {
  switch (product) {
    case 'owa':
      return `${signInUrl.origin}/ecp/?rfr=owa&p=PersonalSettings/Password.aspx`;
    case 'roundcube':
      return new URL('./?_task=settings&_action=plugin.password', signInUrl).href;
    case 'zimbra-classic':
    case 'zimbra-modern':
      return `${signInUrl.origin}/h/changepass`;
    default:
      return webmailUrl || signInUrl.origin;
  }
}
