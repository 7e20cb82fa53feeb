import type { ExtractedDocument, MessageView } from '../types';

export interface DocumentRef {
  /** The file's name; nested parts read "outer.eml › inner.docx". */
  name: string;
  document: ExtractedDocument;
}

/** Every readable attachment of a message, nested parts (attachments of an attached e-mail) included. */
export function attachedDocuments(msg: MessageView): DocumentRef[] {
  const out: DocumentRef[] = [];
  const walk = (name: string, doc: ExtractedDocument, depth: number) => {
    out.push({ name, document: doc });
    if (depth > 8) return;
    for (const part of doc.parts) {
      if (part.document) walk(`${name} › ${part.name}`, part.document, depth + 1);
    }
  };
  for (const a of msg.attachments) {
    if (a.document) walk(a.name, a.document, 0);
  }
  return out;
}

/** A short quote around [index, index+length) for evidence, never more than a line. */
export function quoteAround(text: string, index: number, length: number, room = 40): string {
  const start = Math.max(0, index - room);
  const end = Math.min(text.length, index + length + room);
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}
