// Reading one attachment in a task pane: content through the Office wrapper (with its timeout),
// Base64 or Eml to bytes, then the core's extractor, which here includes pdfjs (the panes run in
// Outlook's browser runtime, not the ES2016 launch-event engine). Never throws: a file that
// cannot be read comes back with the reason, for the pane to say so.
import type { ExtractedDocument } from '../../core';
import { ExtractError } from '../../core/extract';
import { OfficeCallError } from '../office/call';
import type { AttachmentBytes, AttachmentInfo } from '../office/compose';
import type { Extract } from '../launch/attachments';
import { base64ToBytes, utf8Bytes } from '../launch/base64';

export type AttachmentRead = { document: ExtractedDocument; error?: undefined } | { document?: undefined; error: string };

export function isImage(a: Pick<AttachmentInfo, 'name' | 'contentType'>): boolean {
  return /^image\//i.test(a.contentType ?? '') || /\.(png|jpe?g|gif|bmp|webp|svg|ico|tiff?)$/i.test(a.name);
}

/** Whether the pane tries to read this attachment at all (not a cloud link, not an inline image). */
export function worthReading(a: AttachmentInfo): boolean {
  return a.kind !== 'cloud' && !isImage(a);
}

export async function readAttachmentDocument(
  a: AttachmentInfo,
  content: (id: string, timeoutMs: number) => Promise<AttachmentBytes>,
  extract: Extract,
  timeoutMs: number,
  trustedRoots?: readonly string[],
): Promise<AttachmentRead> {
  const started = Date.now();
  try {
    const got = await content(a.id, timeoutMs);
    let name = a.name;
    let bytes: Uint8Array;
    if (got.format === 'base64') bytes = base64ToBytes(got.content);
    else if (got.format === 'eml' || got.format === 'icalendar') {
      bytes = utf8Bytes(got.content);
      if (got.format === 'eml' && !/\.eml$/i.test(name)) name = `${name}.eml`;
    } else return { error: `format: attachment content format ${got.format || 'unknown'}` };
    const document = await extract(name, bytes, { timeoutMs: Math.max(1000, timeoutMs - (Date.now() - started)) }, { trustedRoots });
    return { document };
  } catch (err) {
    if (err instanceof ExtractError) return { error: `${err.code}: ${err.message}` };
    if (err instanceof OfficeCallError) return { error: `office-${err.failure}: ${err.message}` };
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
