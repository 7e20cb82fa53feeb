// scan: read each file off the main thread, build the message the core expects, check it.
// A file that cannot be read becomes an error entry; the scan always goes on.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { check, renderReadFailure, type Finding, type Lang, type Policy, t } from '../core';
import type { SignatureState } from '../core/messages/signature-state';
import type { ReadFailure, ReadFailureCode, ReadFailureReason, ReadNotice } from '../core/types';
import { ExtractFailure, ExtractPool } from './extract-pool';
import type { ListedFile } from './files';
import { messageFor } from './scan-message';

export const SCAN_LIMITS = {
  maxInputMB: 100,
  timeoutMs: 20_000,
  heapMb: 768,
};

export interface FileResult {
  path: string;
  /** The path's exact bytes when they are not UTF-8 (`path` then shows them as `\xNN`). */
  raw?: Buffer;
  findings: Finding[];
  /** The whole file could not be read: the reason in words. */
  error?: string;
  /** What was not read or not checked inside a file that was read (none: read whole). */
  notices: ReadNotice[];
  /** unsigned-document: the signature state of the file and of its attachments that carry one. */
  signatures?: SignatureState[];
}

/** The limits the scanner reads under, for the words of a reason. */
export const READING = { limitMB: SCAN_LIMITS.maxInputMB, seconds: SCAN_LIMITS.timeoutMs / 1000 };

/** The file's size and, when it is under the limit, its bytes: one open, one stat, one read. */
async function readFile(path: string | Buffer): Promise<{ size: number; bytes?: Uint8Array }> {
  // Non-blocking, so that a path swapped for a named pipe since it was listed cannot hang the open.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a regular file');
    const { size } = info;
    if (size > SCAN_LIMITS.maxInputMB * 1024 * 1024) return { size };
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { size, bytes: read === size ? bytes : bytes.slice(0, read) };
  } finally {
    await handle.close();
  }
}

function failureOf(e: unknown): { failure: ReadFailure; detail?: string } {
  if (e instanceof ExtractFailure) return { failure: { code: e.code as ReadFailureCode, ...(e.reason ? { reason: e.reason as ReadFailureReason } : {}), ...(e.format ? { format: e.format } : {}) } };
  // A system error: its code (EACCES, EISDIR…) is shown, never the system's English sentence.
  const code = (e as { code?: unknown } | undefined)?.code;
  return { failure: { code: 'io' }, detail: typeof code === 'string' ? code : 'unknown' };
}

function failureText(e: unknown, lang: Lang): string {
  const { failure, detail } = failureOf(e);
  return t(lang, 'document.unreadable', { reason: renderReadFailure(failure, lang, { ...READING, detail }) });
}

export async function scanFiles(
  files: readonly (string | ListedFile)[],
  policy: Policy,
  lang: Lang,
  onProgress: (done: number) => void = () => {},
): Promise<FileResult[]> {
  const workers = Math.min(4, availableParallelism());
  const pool = new ExtractPool({
    size: workers,
    timeoutMs: SCAN_LIMITS.timeoutMs,
    maxInputBytes: SCAN_LIMITS.maxInputMB * 1024 * 1024,
    heapMb: SCAN_LIMITS.heapMb,
    trustedRoots: policy.trustedSignatureRoots,
    policy,
  });
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const one = async (target: string | ListedFile): Promise<FileResult> => {
    const { path, raw } = typeof target === 'string' ? { path: target, raw: undefined } : target;
    let size = 0;
    try {
      const file = await readFile(raw ?? path);
      size = file.size;
      if (!file.bytes) throw new ExtractFailure('too-large', `${size} bytes`);
      const { findings, notices, signatures } = await pool.check(basename(path), file.bytes, { path, size });
      return { path, ...(raw && { raw }), findings, notices, ...(signatures.length > 0 && { signatures }) };
    } catch (e) {
      // Size rules still apply to a file we could not open up.
      const findings = size > 0 ? check(messageFor(path, size, undefined), policy) : [];
      return { path, ...(raw && { raw }), findings, error: failureText(e, lang), notices: [] };
    }
  };
  // Twice as many lanes as workers: the next file is read while a worker is busy, so no worker
  // waits on the disk or on a message between two small files.
  const lanes = Array.from({ length: Math.min(files.length, 2 * workers) }, async () => {
    while (next < files.length) {
      const k = next++;
      results[k] = await one(files[k]!);
      onProgress(++done);
    }
  });
  try {
    await Promise.all(lanes);
  } finally {
    await pool.close();
  }
  return results;
}
