// Budgets every extraction runs under, and the error type it fails with. Whatever the input
// (a zip bomb, a PDF that never ends, an e-mail nested in itself), extraction stops at these
// bounds with an ExtractError whose code the host can act on.
import type { LegacyRun } from '../types';

export type ExtractErrorCode = 'too-large' | 'zip-bomb' | 'corrupt' | 'encrypted' | 'unsupported' | 'timeout' | 'too-deep';

export class ExtractError extends Error {
  constructor(readonly code: ExtractErrorCode, message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}

export interface ExtractLimits {
  /** Largest input accepted, in bytes. */
  maxInputBytes: number;
  /** Most bytes all decompressed entries may add up to (zip bombs). */
  maxExpandedBytes: number;
  /** Most bytes one decompressed zip entry may have. */
  maxEntryBytes: number;
  /** Most entries a zip may list. */
  maxEntries: number;
  /** Most characters of text kept; past that the document is marked truncated. */
  maxTextChars: number;
  /** Wall-clock budget in milliseconds, checked between steps. */
  timeoutMs: number;
  /** How deep nested parts (e-mail in e-mail) are followed. */
  maxDepth: number;
}

const MB = 1024 * 1024;

/**
 * Defaults, chosen for what civil servants attach (Đà Nẵng caps attachments at 20 MB):
 * - maxInputBytes 100 MB: refused before any parsing ('too-large').
 * - maxExpandedBytes 200 MB: real inflated bytes of all zip entries together, counted while
 *   streaming, so a bomb is stopped at the cap without ever holding its full size ('zip-bomb').
 * - maxEntryBytes 100 MB: the same for one entry (an office part is rarely above a few MB).
 * - maxEntries 10 000: a zip listing more is refused ('zip-bomb').
 * - maxTextChars 5 000 000: text past this is dropped and `truncated` is set.
 * - timeoutMs 20 000: checked between zip chunks, XML parts, PDF pages and attachments ('timeout').
 * - maxDepth 3: attachments nested deeper than this are listed with an error ('too-deep').
 * The same budget (time, expanded bytes) is shared by a document and all its nested parts.
 */
export const DEFAULT_LIMITS: Readonly<ExtractLimits> = Object.freeze({
  maxInputBytes: 100 * MB,
  maxExpandedBytes: 200 * MB,
  maxEntryBytes: 100 * MB,
  maxEntries: 10_000,
  maxTextChars: 5_000_000,
  timeoutMs: 20_000,
  maxDepth: 3,
});

export function resolveLimits(partial?: Partial<ExtractLimits>): ExtractLimits {
  const out: ExtractLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ExtractLimits)[]) {
    const v = partial?.[key];
    // A limit that is not a non-negative number keeps its default rather than disabling the bound.
    if (typeof v === 'number' && v >= 0 && !Number.isNaN(v)) out[key] = v;
  }
  out.maxEntryBytes = Math.min(out.maxEntryBytes, out.maxExpandedBytes);
  return out;
}

/** State shared by a document and its nested parts: limits, deadline, bytes inflated so far. */
export class Budget {
  readonly deadline: number;
  expandedBytes = 0;

  constructor(readonly limits: ExtractLimits, readonly depth = 0, deadline?: number, private shared?: Budget) {
    this.deadline = deadline ?? Date.now() + limits.timeoutMs;
  }

  /** The budget for a part one level deeper; time and expanded bytes stay shared. */
  nested(): Budget {
    return new Budget(this.limits, this.depth + 1, this.deadline, this.root());
  }

  private root(): Budget {
    return this.shared ?? this;
  }

  checkTime(): void {
    if (Date.now() > this.deadline) {
      throw new ExtractError('timeout', `Extraction took longer than ${this.limits.timeoutMs} ms and was stopped.`);
    }
  }

  /** Counts inflated bytes against the total cap; throws 'zip-bomb' past it. */
  addExpanded(n: number): void {
    const root = this.root();
    root.expandedBytes += n;
    if (root.expandedBytes > this.limits.maxExpandedBytes) {
      throw new ExtractError('zip-bomb', `Decompressed content exceeds ${this.limits.maxExpandedBytes} bytes; the archive looks like a zip bomb.`);
    }
  }

  /** Milliseconds left before the deadline (at least 0). */
  remaining(): number {
    return Math.max(0, this.deadline - Date.now());
  }
}

/** Collects the text, links and legacy runs of one document, keeping at most maxTextChars. */
export class TextSink {
  private chunks: string[] = [];
  private length = 0;
  private lastChar = '\n';
  truncated = false;
  /** A part was damaged and only what came before the damage was kept. */
  damaged = false;
  readonly links: string[] = [];
  private linkSet = new Set<string>();
  readonly legacy: LegacyRun[] = [];

  constructor(private readonly maxChars: number) {}

  get full(): boolean {
    return this.truncated;
  }

  get empty(): boolean {
    return this.chunks.every((c) => c.trim() === '');
  }

  write(s: string): void {
    if (s === '' || this.truncated) return;
    const room = this.maxChars - this.length;
    if (s.length > room) {
      s = s.slice(0, Math.max(0, room));
      this.truncated = true;
    }
    if (s === '') return;
    this.chunks.push(s);
    this.length += s.length;
    this.lastChar = s[s.length - 1] ?? this.lastChar;
    // Keep the array short: join now and then so millions of tiny writes stay cheap.
    if (this.chunks.length > 4096) this.chunks = [this.chunks.join('')];
  }

  /** Ends the current line unless it is already ended. */
  newline(): void {
    if (this.lastChar !== '\n') this.write('\n');
  }

  /** Separates from what came before with a space unless there is whitespace already. */
  space(): void {
    if (!/\s/.test(this.lastChar)) this.write(' ');
  }

  link(target: string | undefined | null): void {
    const t = target?.trim();
    if (!t || this.linkSet.has(t) || this.linkSet.size >= 10_000) return;
    this.linkSet.add(t);
    this.links.push(t);
  }

  text(): string {
    return this.chunks.join('').normalize('NFC');
  }
}

/** Races a promise against the deadline, so an awaited library call cannot outlive the budget. */
export function withDeadline<T>(promise: Promise<T>, budget: Budget): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractError('timeout', `Extraction took longer than ${budget.limits.timeoutMs} ms and was stopped.`)), budget.remaining());
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
