// The official directory (001 §1d: each agency publishes the list of its official addresses) as
// the rules and hosts see it. IT exports it (CSV or JSON), `policy build` checks and compacts it,
// the hosts fetch the compact file and answer lookups from it.

export interface DirectoryEntry {
  /** Full name as IT wrote it, NFC. */
  name: string;
  /** The unit (cơ quan, phòng ban), as IT wrote it. */
  unit: string;
  /** The person's official address, lower case. */
  official: string;
  /** Public addresses the person asked to be reminded about, lower case. */
  personal: string[];
}

export interface DirectoryMatch {
  name: string;
  unit: string;
  official: string;
  /** `address`: the address is one the person listed; `name`: only the name matched, once. */
  via: 'address' | 'name';
}

/**
 * What the rule asks, synchronously. A host answers from its index (the add-in), or from answers
 * its background already gave (the extension's content scripts, which carry no directory).
 */
export interface DirectoryLookup {
  byAddress(address: string): DirectoryMatch | undefined;
  /** A person named this way, only when exactly one listed person carries the name. */
  byName(name: string): DirectoryMatch | undefined;
}
