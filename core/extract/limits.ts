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

const BUFFER_UNITS = 32768;
/**
 * Turns a buffer of UTF-16 units into a string in one native call. Only where the platform
 * stores them little-endian, as the decoder reads them; a lone surrogate would come out as
 * U+FFFD, so a buffer holding any surrogate goes through fromUnits, which keeps every unit;
 * and a U+FEFF that happens to open a buffer is text, not a byte-order mark (ignoreBOM keeps it).
 */
const UTF16 = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

function fromUnits(units: Uint16Array): string {
  const parts: string[] = [];
  for (let k = 0; k < units.length; k += 4096) parts.push(String.fromCharCode(...units.subarray(k, k + 4096)));
  return parts.join('');
}

/** Collects the text, links and legacy runs of one document, keeping at most maxTextChars. */
export class TextSink {
  private chunks: string[] = [];
  /**
   * Small writes are copied here unit by unit and become one string per buffer. Keeping each
   * write as a string of its own (concatenated, as before, or joined) cost about a sixth of
   * reading the 100,000-row bench sheet: the concatenations kept a million small strings alive
   * through collection after collection, and joining them is slow.
   */
  private units?: Uint16Array;
  private used = 0;
  /** Whether `units` holds a surrogate, which the UTF-16 decoder would not keep as it is. */
  private surrogates = false;
  private length = 0;
  private lastCode = 0x0a;
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

  /** Writes `s`, or only its characters from `from` to `to` (a string kept in a larger one is not cut out first). */
  write(s: string, from = 0, to = s.length): void {
    if (to <= from || this.truncated) return;
    const room = this.maxChars - this.length;
    if (to - from > room) {
      to = from + Math.max(0, room);
      this.truncated = true;
    }
    if (to <= from) return;
    const n = to - from;
    this.length += n;
    this.lastCode = s.charCodeAt(to - 1);
    if (!this.sawText && /\S/.test(from === 0 && to === s.length ? s : s.slice(from, to))) this.sawText = true;
    // Each character is copied a bounded number of times: once into the buffer, once into a chunk.
    if (n > BUFFER_UNITS / 4) {
      this.flush();
      this.chunks.push(from === 0 && to === s.length ? s : s.slice(from, to));
      return;
    }
    if (this.used + n > BUFFER_UNITS) this.flush();
    const units = (this.units ??= new Uint16Array(BUFFER_UNITS));
    let used = this.used;
    for (let k = from; k < to; k++) {
      const unit = s.charCodeAt(k);
      if (unit >= 0xd800 && unit <= 0xdfff) this.surrogates = true;
      units[used++] = unit;
    }
    this.used = used;
  }

  private flush(): void {
    if (!this.units || this.used === 0) return;
    const filled = this.units.subarray(0, this.used);
    this.chunks.push(this.surrogates || !UTF16 ? fromUnits(filled) : UTF16.decode(filled));
    this.used = 0;
    this.surrogates = false;
  }

  /** Ends the current line unless it is already ended. */
  newline(): void {
    if (this.lastCode !== 0x0a) this.write('\n');
  }

  /** Separates from what came before with a space unless there is whitespace already. */
  space(): void {
    if (!/\s/.test(String.fromCharCode(this.lastCode))) this.write(' ');
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
