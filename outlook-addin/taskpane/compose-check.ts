// What the compose pane does, apart from drawing: read the draft and check it with the launch
// handlers' own helpers (readDraft: recipients, subject, body, attachments through the cache and
// sessionData, core check()), then read again here any file the launch runtime could not read
// (its file has no PDF reader), and convert legacy text to Unicode.
import { check, type Finding, type Policy } from '../../core';
import { OfficeCallError } from '../office/call';
import { readAttachmentContent, readBodyText, readSubject, type AttachmentInfo, type ComposeItem } from '../office/compose';
import { readBodyHtml, writeBody, writeSubject } from '../office/compose-write';
import { supportsMailbox } from '../office/requirements';
import { documentFindings, policyKey, READ_CAP_BYTES, recordNotices, recordSignatures, type AttachmentRecord } from '../launch/attachments';
import { makeContext, type LaunchContext, type LaunchDeps } from '../launch/context';
import { readDraft } from '../launch/draft';
import type { HostedPolicy } from '../policy/hosted-policy';
import { readAttachmentDocument, worthReading } from './attachment-read';
import { convertHtml, convertText } from './convert';
import { makeClassifier } from '../../core/address/classify';
import { paneDirectory, readRecipientNames, worthLookingUp } from './directory';

/** Bounds for the panes: the user waits and watches, so reads get longer than in a launch event. */
export const PANE_BOUNDS = { callMs: 8000, scanMs: 45_000, backgroundReadMs: 60_000 };

export type PaneDeps = LaunchDeps;

export function paneContext(deps: PaneDeps = {}): LaunchContext {
  return makeContext({ ...deps, bounds: { ...PANE_BOUNDS, ...deps.bounds } });
}

export interface ComposeReport {
  hosted: HostedPolicy;
  findings: Finding[];
  /** Files read (or not) by name, in list order. */
  records: AttachmentRecord[];
  /** Listed files still being read when the budget ran out. */
  pending: AttachmentInfo[];
  /** The host cannot list or read attachments in compose (Mailbox 1.8 missing). */
  attachmentsUnsupported: boolean;
  /** Parts of the draft Outlook did not give: recipients, subject, body, attachments. */
  failedReads: string[];
}

const ORDER = { block: 0, warn: 1, nudge: 2 } as const;

/** Per pane: files read again here with the full extractor, by id, under a policy. */
export type Rereads = Map<string, AttachmentRecord>;

async function reread(item: ComposeItem, a: AttachmentInfo, policy: Policy, ctx: LaunchContext): Promise<AttachmentRecord> {
  const got = await readAttachmentDocument(a, (id, ms) => readAttachmentContent(item, id, ms), ctx.extract, ctx.bounds.scanMs, policy.trustedSignatureRoots);
  const base = { id: a.id, name: a.name, size: a.size, policyKey: policyKey(policy) };
  return got.document ? { ...base, state: 'read', findings: documentFindings(a, got.document, policy), ...recordNotices(got.document), ...recordSignatures(got.document) } : { ...base, state: 'unreadable', findings: [], error: got.error };
}

export async function checkCompose(item: ComposeItem, ctx: LaunchContext, rereads: Rereads): Promise<ComposeReport> {
  const hosted = await ctx.loadPolicy();
  const { policy } = hosted;
  const draft = await readDraft(item, policy, ctx, { read: true, budgetMs: ctx.bounds.scanMs });
  const key = policyKey(policy);
  const list = draft.attachments.list ?? [];
  const records = await Promise.all(
    draft.attachments.records.map(async (r) => {
      if (r.state !== 'unreadable') return r;
      const done = rereads.get(r.id);
      if (done && done.policyKey === key) return done;
      const a = list.find((x) => x.id === r.id);
      if (!a || !worthReading(a) || a.size > READ_CAP_BYTES) return r;
      const again = await reread(item, a, policy, ctx);
      rereads.set(r.id, again);
      return again;
    }),
  );
  const order = new Map(list.map((a, k) => [a.id, k]));
  records.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  // official-directory (issue 14): the directory is fetched only when the draft has something to look up
  const directory = policy.officialDirectoryUrl && worthLookingUp(draft.view, makeClassifier(policy)) ? await paneDirectory(policy) : undefined;
  const view = directory ? { ...draft.view, recipientNames: await readRecipientNames(item, ctx.bounds.callMs) } : draft.view;
  const findings = [...check(view, policy, { directory }), ...records.flatMap((r) => r.findings)].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const unsupported = !supportsMailbox('1.8');
  return {
    hosted,
    findings,
    records,
    pending: draft.attachments.pending,
    attachmentsUnsupported: unsupported,
    failedReads: unsupported ? draft.failedReads.filter((r) => r !== 'attachments') : draft.failedReads,
  };
}

export interface ConversionResult {
  /** Legacy runs converted in the body; 0 when the body had none (or was not changed). */
  bodyRuns: number;
  subjectChanged: boolean;
  /** The subject had legacy text but Outlook did not take the new one (the body was converted). */
  subjectFailed: boolean;
  /** The body was rewritten as plain text (HTML could not be read here). */
  asText: boolean;
}

/**
 * Convert the body's and subject's legacy runs. The body is read as HTML and only its text
 * changes; a host that cannot give HTML gets the text route (formatting is then lost, and the
 * pane says so). A timeout is not a reason to fall back: the host may be slow, not unable.
 */
export async function convertDraft(item: ComposeItem, callMs: number): Promise<ConversionResult> {
  let asText = false;
  let body: { content: string; runs: number; format: 'html' | 'text' } | undefined;
  try {
    const html = await readBodyHtml(item, callMs);
    const c = convertHtml(html);
    body = { content: c.text, runs: c.runs.length, format: 'html' };
  } catch (err) {
    if (err instanceof OfficeCallError && err.failure === 'timeout') throw err;
    const text = await readBodyText(item, callMs);
    const c = convertText(text);
    body = { content: c.text, runs: c.runs.length, format: 'text' };
    asText = c.runs.length > 0;
  }
  const subject = convertText(await readSubject(item, callMs));
  if (body.runs > 0) await writeBody(item, body.content, body.format, callMs);
  let subjectChanged = false;
  let subjectFailed = false;
  if (subject.runs.length > 0) {
    try {
      await writeSubject(item, subject.text, callMs);
      subjectChanged = true;
    } catch (err) {
      // Nothing written yet: the whole conversion failed, say so. Otherwise report what was done.
      if (body.runs === 0) throw err;
      subjectFailed = true;
    }
  }
  return { bodyRuns: body.runs, subjectChanged, subjectFailed, asText };
}
