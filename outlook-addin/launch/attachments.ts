// Reading attachments: the heavy work, done on attachments-changed (and on new compose, for a
// forward's attachments) so that send only decides. Each file is read once with
// getAttachmentContentAsync, extracted by the core, checked alone by core check(), and what the
// rules found is cached by attachment id: in item.sessionData (Mailbox 1.11, survives a reload of
// the runtime between events) and in a module-level Map (hosts without 1.11, and faster).
// Only findings are kept, never the text: sessionData holds 50,000 characters in all.
import { check, emptyMessage, type ExtractedDocument, type Finding, type Policy, type ReadNotice } from '../../core';
import { ExtractError } from '../../core/extract';
import { readNotices } from '../../core/extract/notices';
import { signatureStates, type SignatureState } from '../../core/messages/signature-state';
import { listAttachments, readAttachmentContent, type AttachmentInfo, type ComposeItem } from '../office/compose';
import { sessionGet, sessionSet } from '../office/session-data';
import { base64ToBytes, utf8Bytes } from './base64';

export type Extract = (name: string, bytes: Uint8Array, limits?: { timeoutMs?: number }, options?: { trustedRoots?: readonly string[] }) => Promise<ExtractedDocument>;

export interface AttachmentRecord {
  id: string;
  name: string;
  size: number;
  /** read: findings are complete; unreadable: the file could not be read here; skipped: nothing to read (cloud link, image). */
  state: 'read' | 'unreadable' | 'skipped';
  /** The document rules' findings for this file alone. */
  findings: Finding[];
  /** Why it could not be read (English, for IT). */
  error?: string;
  /** Read, but not whole: an inner attachment unread, no text, a bound reached (codes, no content). */
  notices?: ReadNotice[];
  /** Notices beyond those kept (sessionData is small); counted, never dropped in silence. */
  moreNotices?: number;
  /** The policy the findings were made under; a different policy means read again. */
  policyKey: string;
  /** unsigned-document: the file's signature state, when it carries a signature or a field for one. */
  signatures?: SignatureState[];
}

/** The signature states worth showing beside a file (a few hundred characters: sessionData holds them). */
export function recordSignatures(document: ExtractedDocument): Pick<AttachmentRecord, 'signatures'> {
  const shown = signatureStates(document).filter(({ state }) => state.signatures.length > 0 || state.unsignedFields > 0 || state.unreadable);
  return shown.length > 0 ? { signatures: shown } : {};
}

/** Files larger than this are not read in a launch event (the size rule already speaks). */
export const READ_CAP_BYTES = 30 * 1024 * 1024;
const SESSION_PREFIX = 'cvg:att:';

const memory = new Map<string, AttachmentRecord>();
const inFlight = new Map<string, Promise<AttachmentRecord>>();

/** Forget every cached read (tests). */
export function clearAttachmentCache(): void {
  memory.clear();
  inFlight.clear();
}

export function policyKey(policy: Policy): string {
  const text = JSON.stringify(policy);
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h >>> 0).toString(36);
}

function isImage(a: AttachmentInfo): boolean {
  return /^image\//i.test(a.contentType ?? '') || /\.(png|jpe?g|gif|bmp|webp|svg|ico|tiff?)$/i.test(a.name);
}

/** A cached record for `a` under `policy`: memory first, then sessionData. */
export async function cachedRecord(item: ComposeItem, a: AttachmentInfo, key: string, timeoutMs: number): Promise<AttachmentRecord | undefined> {
  const hit = memory.get(a.id);
  if (hit && hit.policyKey === key) return hit;
  const stored = await sessionGet(item, SESSION_PREFIX + a.id, timeoutMs);
  if (!stored) return undefined;
  try {
    const record = JSON.parse(stored) as AttachmentRecord;
    if (record.policyKey !== key || record.id !== a.id) return undefined;
    memory.set(a.id, record);
    return record;
  } catch {
    return undefined;
  }
}

async function store(item: ComposeItem, record: AttachmentRecord, timeoutMs: number): Promise<void> {
  memory.set(record.id, record);
  await sessionSet(item, SESSION_PREFIX + record.id, JSON.stringify(record), timeoutMs);
}

/** sessionData is small: a file with more notices than this keeps the first ones and a count. */
const NOTICES_KEPT = 10;

/** What a read file must say about how it was read; none when it was read whole. */
export function recordNotices(document: ExtractedDocument): Pick<AttachmentRecord, 'notices' | 'moreNotices'> {
  const all = readNotices(document);
  if (all.length === 0) return {};
  return { notices: all.slice(0, NOTICES_KEPT), ...(all.length > NOTICES_KEPT ? { moreNotices: all.length - NOTICES_KEPT } : {}) };
}

/** Document findings for one extracted file, from core check() on a view holding only that file. */
export function documentFindings(a: AttachmentInfo, document: ExtractedDocument, policy: Policy): Finding[] {
  const view = { ...emptyMessage('outgoing'), surface: 'official' as const, attachments: [{ name: a.name, size: a.size, contentType: a.contentType, document }] };
  // The size rule is decided at send from the current list; the rest are about this file's text.
  return check(view, policy).filter((f) => f.rule !== 'attachment-size' && f.rule !== 'public-webmail-work');
}

async function readOne(item: ComposeItem, a: AttachmentInfo, policy: Policy, key: string, extract: Extract, timeoutMs: number): Promise<AttachmentRecord> {
  const base = { id: a.id, name: a.name, size: a.size, findings: [] as Finding[], policyKey: key };
  if (a.kind === 'cloud') return { ...base, state: 'skipped', error: 'Cloud attachment: a link, no bytes to read.' };
  if (isImage(a)) return { ...base, state: 'skipped', error: 'Image.' };
  if (a.size > READ_CAP_BYTES) return { ...base, state: 'unreadable', error: `Over ${READ_CAP_BYTES} bytes; not read in a launch event.` };
  const started = Date.now();
  const content = await readAttachmentContent(item, a.id, timeoutMs);
  let name = a.name;
  let bytes: Uint8Array;
  if (content.format === 'base64') bytes = base64ToBytes(content.content);
  else if (content.format === 'eml' || content.format === 'icalendar') {
    bytes = utf8Bytes(content.content);
    if (content.format === 'eml' && !/\.eml$/i.test(name)) name = `${name}.eml`;
  } else return { ...base, state: 'skipped', error: `Attachment content format ${content.format || 'unknown'}.` };
  try {
    const document = await extract(name, bytes, { timeoutMs: Math.max(500, timeoutMs - (Date.now() - started)) }, { trustedRoots: policy.trustedSignatureRoots });
    return { ...base, state: 'read', findings: documentFindings(a, document, policy), ...recordNotices(document), ...recordSignatures(document) };
  } catch (err) {
    const error = err instanceof ExtractError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    return { ...base, state: 'unreadable', error };
  }
}

/**
 * The record for `a`: cached, already being read (by another event in this runtime), or read
 * now. A read that fails on an Office call rejects and caches nothing, so it is tried again.
 */
export async function scanAttachment(item: ComposeItem, a: AttachmentInfo, policy: Policy, extract: Extract, timeoutMs: number): Promise<AttachmentRecord> {
  const key = policyKey(policy);
  const cached = await cachedRecord(item, a, key, Math.min(timeoutMs, 1000));
  if (cached) return cached;
  let pending = inFlight.get(a.id);
  if (!pending) {
    pending = readOne(item, a, policy, key, extract, timeoutMs).then(async (record) => {
      await store(item, record, 1000);
      return record;
    });
    inFlight.set(a.id, pending);
    const forget = () => inFlight.delete(a.id);
    pending.then(forget, forget);
  }
  return pending;
}

export interface AttachmentState {
  /** The current attachment list; undefined when it could not be read. */
  list?: AttachmentInfo[];
  records: AttachmentRecord[];
  /** Listed attachments whose content is not known yet (still reading, or the read failed). */
  pending: AttachmentInfo[];
}

/** Whether anything about the attachments is unknown: the list itself, or a file's content. */
export function attachmentsUnknown(state: AttachmentState | undefined): boolean {
  return !state || !state.list || state.pending.length > 0;
}

/**
 * List the attachments and get a record for each: from the cache, or by reading within
 * `budgetMs` when `read` is set; without `read` (send) only cached and running reads count, and
 * a missing one is started in the background. Whatever is not known when the budget ends stays pending
 * (its read goes on and fills the cache for the next event).
 */
export async function gatherAttachments(
  item: ComposeItem,
  policy: Policy,
  extract: Extract,
  opts: { callMs: number; budgetMs: number; read: boolean; backgroundMs: number },
  state: AttachmentState,
): Promise<AttachmentState> {
  const list = await listAttachments(item, opts.callMs);
  state.list = list;
  state.pending = [...list];
  const key = policyKey(policy);
  const deadline = Date.now() + opts.budgetMs;
  await Promise.all(
    list.map(async (a) => {
      const remaining = () => Math.max(0, deadline - Date.now());
      let record: AttachmentRecord | undefined;
      try {
        if (opts.read) {
          record = await raceDeadline(scanAttachment(item, a, policy, extract, remaining()), remaining());
        } else {
          record = await cachedRecord(item, a, key, Math.min(opts.callMs, remaining()));
          if (!record) {
            // Not read yet: wait for a read under way, or start one in the background so that
            // the next event (the user pressing Send again) finds it done.
            const running = inFlight.get(a.id) ?? scanAttachment(item, a, policy, extract, opts.backgroundMs);
            running.catch(() => undefined);
            record = await raceDeadline(running, remaining());
          }
        }
      } catch {
        record = undefined;
      }
      if (record) {
        state.records.push(record);
        state.pending = state.pending.filter((p) => p !== a);
      }
    }),
  );
  return state;
}

function raceDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
