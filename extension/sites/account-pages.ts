// What the account-hygiene scripts (extension/content/account-pages.ts and password-checklist.ts)
// need from an official webmail's settings pages. Each product supplies its selectors in
// sites/<product>/password-selectors.ts and forwarding-selectors.ts; they name structure
// (names, ids, the product's own command names), never text in the interface's language.

export interface PasswordPageSelectors {
  product: string;
  /** The field where the new password is typed (its presence makes the page a change-password page). */
  newPassword: string;
  /** What saves the new password: a button or link the user clicks. */
  submit: string;
  /** Elements whose text or value names the account (address, display name), for the guessable checks. */
  account: readonly string[];
}

/** One forwarding target on a page, read from its fields as the server will receive it. */
export interface ForwardingTarget {
  /** The address, with the domain joined from a separate domain list where the product has one. */
  address: string;
  /** The field the user types it in, where the warning is placed. */
  field: HTMLElement;
}

export interface ForwardingPageSelectors {
  product: string;
  /** Present only on a page that sets forwarding (forwarding settings, filter or rule editor). */
  page: string;
  /** What saves the settings. */
  submit: string;
  /** The targets the page would save now: only those of forwarding or redirect actions that are switched on. */
  targets(doc: Document): ForwardingTarget[];
}

/** The value of an input or select, trimmed; '' for anything else. */
export function fieldValue(el: Element | null | undefined): string {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? el.value.trim() : '';
}

/** A local part typed beside a product's domain list ("canbo" + "danang.gov.vn"), or the full address typed alone. */
export function joinTarget(local: string, domain: string): string {
  if (!local) return '';
  return domain && !local.includes('@') ? `${local}@${domain}` : local;
}
