// What the read pane does, apart from drawing: read the received message's body and attachments,
// run core check() with direction 'incoming' (public-contact-in-document: documents that give a
// public mailbox as their contact point), and keep an info bar on the item while that holds.
import { check, t, type Finding, type Lang, type ReadNotice } from '../../core';
import { readNotices } from '../../core/extract/notices';
import type { AttachmentInfo } from '../office/compose';
import { canReadAttachmentContent, readModeAttachmentContent, readModeAttachments, readModeBodyText, readModeHeaders, removeReadNotification, showPersistentReadInfo, type ReadItem } from '../office/read';
import type { LaunchContext } from '../launch/context';
import { shortCitation } from '../launch/render';
import type { HostedPolicy } from '../policy/hosted-policy';
import { readAttachmentDocument, worthReading } from './attachment-read';

/** The info bar on a received message whose documents cite a public contact. */
export const INCOMING_BAR = 'cvg-incoming';

export interface ReadFile {
  info: AttachmentInfo;
  state: 'read' | 'unreadable' | 'skipped';
  error?: string;
  /** What inside a read file was not checked (an attachment of an attached mail, no text…). */
  notices?: ReadNotice[];
}

export interface ReadReport {
  hosted: HostedPolicy;
  findings: Finding[];
  files: ReadFile[];
  /** Mailbox 1.8 is missing: attachments are listed but cannot be read here. */
  attachmentsUnsupported: boolean;
  /** The body could not be read (it was not checked). */
  bodyFailed: boolean;
  /** The info bar: shown, removed (nothing to say), or the host refused it. */
  bar: 'shown' | 'none' | 'failed';
}

export async function checkReceived(item: ReadItem, ctx: LaunchContext): Promise<ReadReport> {
  const hosted = await ctx.loadPolicy();
  const { policy } = hosted;
  const lang = policy.language;
  const headers = readModeHeaders(item);
  const listed = readModeAttachments(item).filter((a) => !(a.isInline && /^image\//i.test(a.contentType ?? '')));
  const canRead = canReadAttachmentContent(item);
  const callMs = ctx.bounds.callMs;

  const [bodyText, files] = await Promise.all([
    readModeBodyText(item, callMs).then(
      (text) => ({ text, failed: false }),
      () => ({ text: '', failed: true }),
    ),
    Promise.all(
      listed.map(async (info) => {
        if (!canRead || !worthReading(info)) return { info, state: 'skipped' as const };
        const got = await readAttachmentDocument(info, (id, ms) => readModeAttachmentContent(item, id, ms), ctx.extract, ctx.bounds.scanMs);
        return got.document ? { info, state: 'read' as const, document: got.document } : { info, state: 'unreadable' as const, error: got.error };
      }),
    ),
  ]);

  const findings = check(
    {
      direction: 'incoming',
      surface: 'official',
      from: headers.from,
      // Outlook gives no Reply-To in read mode; From and Sender are the contact points it has.
      sender: headers.sender,
      to: headers.to,
      cc: headers.cc,
      bcc: [],
      subject: headers.subject,
      bodyText: bodyText.text,
      bodyLinks: [],
      attachments: files.map((f) => ({ name: f.info.name, size: f.info.size, contentType: f.info.contentType, document: 'document' in f ? f.document : undefined, error: f.error })),
    },
    policy,
  );
  const bar = await syncIncomingBar(item, findings, lang, callMs);
  return {
    hosted,
    findings,
    files: files.map((f) => ({ info: f.info, state: f.state, error: f.error, ...('document' in f && f.document ? { notices: readNotices(f.document) } : {}) })),
    attachmentsUnsupported: !canRead && listed.length > 0,
    bodyFailed: bodyText.failed,
    bar,
  };
}

/** The info bar's words: the rule's point and its citation, within Outlook's 150 characters. */
export function incomingBarText(findings: readonly Finding[], lang: Lang): string | undefined {
  const contact = findings.filter((f) => f.rule === 'public-contact-in-document');
  const first = contact[0];
  if (!first) return undefined;
  const citation = shortCitation(first.citation[lang], lang);
  const documents = contact.filter((f) => f.evidence.files?.length);
  return documents.length > 0 ? t(lang, 'addin.read.bar.document', { citation }) : t(lang, 'addin.read.bar.body', { citation });
}

async function syncIncomingBar(item: ReadItem, findings: readonly Finding[], lang: Lang, callMs: number): Promise<ReadReport['bar']> {
  const text = incomingBarText(findings, lang);
  if (!text) {
    await removeReadNotification(item, INCOMING_BAR, callMs);
    return 'none';
  }
  try {
    await showPersistentReadInfo(item, INCOMING_BAR, text, callMs);
    return 'shown';
  } catch {
    return 'failed';
  }
}
