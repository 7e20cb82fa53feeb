// Work on the newest value only. A password field reports every key; hashing each value with a
// slow hash would queue seconds of work, and the value that counts is the last one typed.
export class Newest<T> {
  private queued?: { value: string; resolve: (r: T | undefined) => void };
  private busy = false;
  private last?: T;
  private idle: Array<(r: T | undefined) => void> = [];

  constructor(private readonly work: (value: string) => Promise<T>) {}

  /** Runs the work on `value` unless a newer value arrives first; a value overtaken while waiting resolves undefined. */
  submit(value: string): Promise<T | undefined> {
    this.queued?.resolve(undefined);
    const result = new Promise<T | undefined>((resolve) => {
      this.queued = { value, resolve };
    });
    void this.pump();
    return result;
  }

  /** The result for the newest value, once nothing waits or runs. */
  settled(): Promise<T | undefined> {
    if (!this.busy) return Promise.resolve(this.last);
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    while (this.queued) {
      const job = this.queued;
      this.queued = undefined;
      let r: T | undefined;
      try {
        r = await this.work(job.value);
      } catch {
        r = undefined;
      }
      this.last = r;
      job.resolve(r);
    }
    // Cleared in the same turn the loop ends: a value submitted afterwards starts a new pump.
    this.busy = false;
    for (const resolve of this.idle.splice(0)) resolve(this.last);
  }
}
