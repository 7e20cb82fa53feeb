// One file of a scan: open, read, extract, check. The same steps run in a pool worker (full
// budget, thread killed on its deadline) and, for small files, on the main thread under a
// tighter budget: a file that needs more than that budget is handed to a worker, which then
// decides exactly as it always did, so running on the main thread never changes a verdict.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { check, type Finding, type Policy } from '../core';
import { ExtractError, extractDocument, type ExtractLimits } from '../core/extract';
import { readNotices } from '../core/extract/notices';
import { signatureStates, type SignatureState } from '../core/messages/signature-state';
import type { ExtractedDocument, ReadFailure, ReadNotice } from '../core/types';
import { useWholeInflater } from '../core/extract/zip';
import { usePdfjsSource } from '../core/extract/pdf';
import { zlibInflater } from './native-inflate';
import { loadPdfjsScripts } from './pdfjs-cached';
import { messageFor } from './scan-message';

// Every scan, on the main thread and in each worker, reads through this module.
useWholeInflater(zlibInflater);
// The scripts are in dist/cli/pdfjs, beside the bundle's assets/ (none beside the sources: the
// modules are then imported).
usePdfjsSource(() => loadPdfjsScripts(process.getBuiltinModule('node:url').fileURLToPath(new URL('../pdfjs', import.meta.url)))?.pdfjs);

export interface ScanTarget {
  path: string;
  /** The exact bytes to open when the path is not UTF-8. */
  raw?: Uint8Array;
}

/** What a scan learns of one file; plain data, so that it crosses from a worker as it is. */
export interface FileOutcome {
  findings: Finding[];
  notices: ReadNotice[];
  signatures: SignatureState[];
  /** The whole file could not be read; `detail` is a system error's code (EACCES…). */
  failure?: ReadFailure & { detail?: string };
}

/**
 * The file's size and, when it is at most `maxBytes`, its bytes: one open, one stat, one read.
 * Synchronous: a folder of small files costs four trips through the thread pool per file
 * otherwise, and on a busy machine the reading threads then sat idle waiting on them.
 */
function readBounded(target: ScanTarget, maxBytes: number): { size: number; bytes?: Uint8Array } {
  // Non-blocking, so that a path swapped for a named pipe since it was listed cannot hang the open.
  const fd = openSync(target.raw ? Buffer.from(target.raw) : target.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error('not a regular file');
    const { size } = info;
    if (size > maxBytes) return { size };
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const bytesRead = readSync(fd, bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { size, bytes: read === size ? bytes : bytes.slice(0, read) };
  } finally {
    closeSync(fd);
  }
}

export function failureOf(e: unknown): FileOutcome['failure'] {
  if (e instanceof ExtractError) return { code: e.code, ...(e.reason && { reason: e.reason }), ...(e.format && { format: e.format }) };
  // A system error: its code (EACCES, EISDIR…) is shown, never the system's English sentence.
  const code = (e as { code?: unknown } | undefined)?.code;
  return { code: 'io', detail: typeof code === 'string' ? code : 'unknown' };
}

/** The outcome of a file that could not be read: size rules still apply to it. */
export function unreadOutcome(path: string, size: number, failure: FileOutcome['failure'], policy: Policy): FileOutcome {
  return { findings: size > 0 ? check(messageFor(path, size, undefined), policy) : [], notices: [], signatures: [], failure };
}

function checked(path: string, size: number, document: ExtractedDocument, policy: Policy): FileOutcome {
  return { findings: check(messageFor(path, size, document), policy), notices: readNotices(document), signatures: signatureStates(document) };
}

export interface ScanBudget {
  limits: ExtractLimits;
  trustedRoots?: readonly string[];
}

/** Reads and checks one file under the full budget, as a pool worker does. */
export async function scanFile(target: ScanTarget, policy: Policy, budget: ScanBudget): Promise<FileOutcome> {
  let size = 0;
  try {
    const file = readBounded(target, budget.limits.maxInputBytes);
    size = file.size;
    if (!file.bytes) throw new ExtractError('too-large', `${size} bytes`);
    const document = await extractDocument(basename(target.path), file.bytes, budget.limits, { trustedRoots: budget.trustedRoots });
    return checked(target.path, size, document, policy);
  } catch (e) {
    return unreadOutcome(target.path, size, failureOf(e), policy);
  }
}

/** Failures that a larger budget might not meet: the worker reads such a file again. */
const BUDGET_CODES: ReadonlySet<string> = new Set(['zip-bomb', 'timeout', 'too-large', 'memory']);

function hitBudget(document: ExtractedDocument): boolean {
  return readNotices(document).some((n) => n.code === 'part-unreadable' && BUDGET_CODES.has(n.failure?.code ?? ''));
}

function isPdf(bytes: Uint8Array): boolean {
  // pdfjs, the largest parser, only ever runs where a stuck call can be stopped.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-');
}

/**
 * Reads and checks a small file on this thread under `budget` (tighter than a worker's), or
 * answers 'worker' when the file is larger than `maxBytes`, is a PDF, or met a bound of the
 * budget anywhere inside it: then only a worker's full budget may decide.
 */
export async function scanSmallFile(target: ScanTarget, policy: Policy, budget: ScanBudget, maxBytes: number): Promise<FileOutcome | 'worker'> {
  let size = 0;
  try {
    const file = readBounded(target, maxBytes);
    size = file.size;
    if (!file.bytes || isPdf(file.bytes)) return 'worker';
    const document = await extractDocument(basename(target.path), file.bytes, budget.limits, { trustedRoots: budget.trustedRoots });
    if (hitBudget(document)) return 'worker';
    return checked(target.path, size, document, policy);
  } catch (e) {
    const failure = failureOf(e);
    if (BUDGET_CODES.has(failure!.code)) return 'worker';
    return unreadOutcome(target.path, size, failure, policy);
  }
}
