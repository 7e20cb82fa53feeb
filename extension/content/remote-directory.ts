// The official directory as a webmail tab sees it: answers the background gave (it alone holds
// the directory), cached for the tab's life. An address or name not yet answered is asked about
// in one batch and counts as "not yet known", so Send waits for it like an unclassified domain.
import type { DirectoryLookup, DirectoryMatch } from '../../core/directory/types';
import { browser } from '../host/browser-api';

const RETRY_MS = 300;

export class RemoteDirectory implements DirectoryLookup {
  private readonly answers = new Map<string, DirectoryMatch | null>();
  private readonly pending = new Set<string>();
  private asking = false;

  /** `enabled`: the policy names a directory; without one nothing is asked. */
  constructor(
    private readonly enabled: () => boolean,
    private readonly onAnswers: () => void,
  ) {}

  byAddress(address: string): DirectoryMatch | undefined {
    return this.answer(`a:${address.toLowerCase()}`);
  }

  byName(name: string): DirectoryMatch | undefined {
    return this.answer(`n:${name.normalize('NFC')}`);
  }

  /** Questions sent and not yet answered. */
  unanswered(): number {
    return this.pending.size;
  }

  private answer(key: string): DirectoryMatch | undefined {
    if (!this.enabled()) return undefined;
    const known = this.answers.get(key);
    if (known !== undefined) return known ?? undefined;
    if (!this.pending.has(key)) {
      this.pending.add(key);
      queueMicrotask(() => void this.ask());
    }
    return undefined;
  }

  private async ask(): Promise<void> {
    if (this.asking || this.pending.size === 0) return;
    this.asking = true;
    const keys = [...this.pending];
    const addresses = keys.filter((k) => k.startsWith('a:'));
    const names = keys.filter((k) => k.startsWith('n:'));
    try {
      const reply = (await browser.runtime.sendMessage({ type: 'directory-lookup', addresses: addresses.map((k) => k.slice(2)), names: names.map((k) => k.slice(2)) })) as {
        addresses?: Array<DirectoryMatch | null>;
        names?: Array<DirectoryMatch | null>;
      } | null;
      if (!reply || reply.addresses?.length !== addresses.length || reply.names?.length !== names.length) throw new Error('no answers');
      addresses.forEach((k, i) => this.answers.set(k, reply.addresses![i] ?? null));
      names.forEach((k, i) => this.answers.set(k, reply.names![i] ?? null));
      for (const k of keys) this.pending.delete(k);
    } catch {
      // The background is starting or restarting: ask again; Send stays held meanwhile.
      setTimeout(() => void this.ask(), RETRY_MS);
      return;
    } finally {
      this.asking = false;
    }
    this.onAnswers();
    if (this.pending.size > 0) void this.ask();
  }
}
