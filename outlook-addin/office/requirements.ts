// Requirement-set checks. A host that lacks a set gets the older path, never an exception:
// on-premises Exchange 2016/2019/SE stops at Mailbox 1.5, Outlook on the web on-premises has
// 1.8 for on-send, classic Outlook on Windows has the newer sets.

export type MailboxSet = '1.5' | '1.8' | '1.10' | '1.11' | '1.12' | '1.14' | '1.15';

export function supportsMailbox(version: MailboxSet): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('Mailbox', version) === true;
  } catch {
    return false;
  }
}
