// Where each official webmail product changes the password, found from the sign-in page the
// password was typed on. Unknown products get the webmail's own address.
//   OWA (Exchange 2013–SE): the ECP page OWA's options open, /ecp/?rfr=owa&p=PersonalSettings/Password.aspx
//   Roundcube: the password plugin's action, ?_task=settings&_action=plugin.password
//   Zimbra: the change-password page its preferences open, /h/changepass
export type OfficialProduct = 'owa' | 'roundcube' | 'zimbra' | 'unknown';

/** The product of a sign-in page, from its URL and its form's fields. */
export function signInProduct(url: URL, fieldNames: readonly string[]): OfficialProduct {
  if (/^\/owa\//i.test(url.pathname)) return 'owa';
  if (url.searchParams.get('_task') === 'login' || fieldNames.includes('_pass')) return 'roundcube';
  if (fieldNames.includes('loginOp')) return 'zimbra';
  return 'unknown';
}

export function changePasswordUrl(product: OfficialProduct, origin: string, webmailUrl: string): string {
  switch (product) {
    case 'owa':
      return `${origin}/ecp/?rfr=owa&p=PersonalSettings/Password.aspx`;
    case 'roundcube':
      return `${origin}/?_task=settings&_action=plugin.password`;
    case 'zimbra':
      return `${origin}/h/changepass`;
    default:
      return webmailUrl || origin;
  }
}
