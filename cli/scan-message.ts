// The message a scanned file stands for, shared by the main thread and the workers.
import { basename, extname } from 'node:path';
import { emptyMessage, receivedMail } from '../core';
import type { ExtractedDocument, MessageView } from '../core/types';

/** A received .eml is checked as incoming mail; any other file as a document about to be sent. */
export function messageFor(path: string, size: number, document: ExtractedDocument | undefined): MessageView {
  const name = basename(path);
  if (document && extname(path).toLowerCase() === '.eml') return receivedMail(document);
  const msg = emptyMessage('outgoing');
  msg.surface = 'official';
  msg.attachments = [{ name, size, document }];
  return msg;
}
