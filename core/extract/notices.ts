// Everything a reader must be told about how a document and its attachments were read, as
// one flat list: what a bound cut, what was damaged or had no text, which attachment could
// not be read and why. A host shows these beside the findings; none of them is a finding,
// but a file with any of them was not checked in full and must not be called clean.
import type { ExtractedDocument, ReadNotice } from '../types';

export type { ReadNotice };

export function readNotices(doc: ExtractedDocument, within?: string): ReadNotice[] {
  const out: ReadNotice[] = [];
  for (const n of doc.notices ?? []) out.push({ code: n.code, ...(within ? { part: within } : {}), ...(n.count !== undefined ? { count: n.count } : {}) });
  for (const part of doc.parts) {
    const path = within ? `${within} › ${part.name}` : part.name;
    if (part.document) out.push(...readNotices(part.document, path));
    else if (part.failure || part.error) out.push({ code: 'part-unreadable', part: path, failure: part.failure ?? { code: 'corrupt' } });
  }
  return out;
}
