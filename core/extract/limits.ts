// Budgets every extraction runs under, and the error type it fails with. Whatever the input
// (a zip bomb, a PDF that never ends, an e-mail nested in itself), extraction stops at these
// bounds with an ExtractError whose code the host can act on.
import { toNfc } from '../encoding/units';
import type { LegacyRun, ReadFailureReason } from '../types';

export type ExtractErrorCode = 'too-large' | 'zip-bomb' | 'corrupt' | 'encrypted' | 'unsupported' | 'timeout' | 'too-deep';

export class ExtractError extends Error {
  constructor(readonly code: ExtractErrorCode, message: string, readonly reason?: ReadFailureReason, readonly format?: string) {
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
 * - maxTextChars 20 000 000: the most text an archive or a PDF may inflate to (a bomb guard);
 *   past it the text is dropped, `truncated` is set and a 'text-cut' notice says so. Plain
 *   text, HTML and e-mail are never cut by it: their text is no longer than their bytes,
 *   which maxInputBytes already bounds, so they are read whole.
 * - timeoutMs 20 000: checked between zip chunks, XML parts, PDF pages and attachments ('timeout').
 * - maxDepth 8: messages attached to messages are followed this deep (forwards of forwards);
 *   deeper ones are listed with an error ('too-deep').
 * The same budget (time, expanded bytes) is shared by a document and all its nested parts.
 */
export const DEFAULT_LIMITS: Readonly<ExtractLimits> = Object.freeze({
  maxInputBytes: 100 * MB,
  maxExpandedBytes: 200 * MB,
  maxEntryBytes: 100 * MB,
  maxEntries: 10_000,
  maxTextChars: 20_000_000,
  timeoutMs: 20_000,
  maxDepth: 8,
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
  /** unsigned-document: roots a signer's chain is checked against (PEM or base64 DER). */
  trustedRoots?: readonly string[];

  constructor(readonly limits: ExtractLimits, readonly depth = 0, deadline?: number, private shared?: Budget) {
    this.deadline = deadline ?? Date.now() + limits.timeoutMs;
  }

  /** The budget for a part one level deeper; time and expanded bytes stay shared. */
  nested(): Budget {
    const inner = new Budget(this.limits, this.depth + 1, this.deadline, this.root());
    inner.trustedRoots = this.trustedRoots;
    return inner;
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
  /** Small writes gather here first, so millions of them stay cheap without re-joining. */
  private pending = '';
  private length = 0;
  private lastChar = '\n';
  private sawText = false;
  truncated = false;
  /** Links past the 10 000th were dropped. */
  linksCut = false;
  /** Pages of a paged format (PDF), for judging whether it holds text at all. */
  pages = 0;
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
    return !this.sawText;
  }

  /** The most characters this sink keeps. */
  get capacity(): number {
    return this.maxChars;
  }

  /** Characters kept so far. */
  get size(): number {
    return this.length;
  }

  write(s: string): void {
    if (s === '' || this.truncated) return;
    const room = this.maxChars - this.length;
    if (s.length > room) {
      s = s.slice(0, Math.max(0, room));
      this.truncated = true;
    }
    if (s === '') return;
    this.length += s.length;
    this.lastChar = s[s.length - 1] ?? this.lastChar;
    if (!this.sawText && /\S/.test(s)) this.sawText = true;
    // Each character is copied a bounded number of times: once into `pending`, once into a chunk.
    if (s.length >= 65536) {
      this.flush();
      this.chunks.push(s);
      return;
    }
    this.pending += s;
    if (this.pending.length >= 65536) this.flush();
  }

  private flush(): void {
    if (this.pending) this.chunks.push(this.pending);
    this.pending = '';
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
    if (!t || this.linkSet.has(t)) return;
    if (this.linkSet.size >= 10_000) {
      this.linksCut = true;
      return;
    }
    this.linkSet.add(t);
    this.links.push(t);
  }

  text(): string {
    this.flush();
    return toNfc(this.chunks.join(''));
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
