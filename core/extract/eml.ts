// E-mail (.eml, message/rfc822) through postal-mime: the headers a reader sees, the body (plain
// text, else HTML as text), links from the HTML body, and every attachment extracted in turn as
// a nested part, with nested messages followed down to maxDepth.
import PostalMime, { type Address } from 'postal-mime';
import type { ExtractedPart, SenderHeaders } from '../types';
import { Budget, ExtractError, TextSink, withDeadline } from './limits';
import { htmlToText } from './html';
import { readNested, type ExtractNested } from './nested';

export type { ExtractNested };

function addressesOf(list: Address[] | Address | undefined): string[] {
  const all = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return all.flatMap((a) => (a.group ? a.group : [a])).flatMap((m) => (m.address ? [m.address] : []));
}

/** Writes the subject, body and attachments; gives back the sender headers, kept out of the text. */
export async function extractEml(bytes: Uint8Array, sink: TextSink, budget: Budget, parts: ExtractedPart[], nested: ExtractNested): Promise<SenderHeaders> {
  let email;
  try {
    email = await withDeadline(
      PostalMime.parse(bytes, {
        // Nested messages come back as attachments, so they are bounded by maxDepth like the rest.
        forceRfc822Attachments: true,
        attachmentEncoding: 'arraybuffer',
        maxNestingDepth: 64,
      }),
      budget,
    );
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    throw new ExtractError('corrupt', `The e-mail could not be parsed (${err instanceof Error ? err.message : 'unknown error'}).`);
  }
  // Addresses in the text read as what the message says: recipients (the reader's own mailbox,
  // a Cc) are no contact point of it, and the senders count only for received mail, so both
  // stay out of the text.
  const senders: SenderHeaders = { from: addressesOf(email.from)[0], sender: addressesOf(email.sender)[0], replyTo: addressesOf(email.replyTo) };
  if (email.subject) {
    sink.write(`Subject: ${email.subject}`);
    sink.newline();
  }
  sink.write('\n');
  if (email.text) {
    sink.write(email.text);
    // The plain part keeps the text; the HTML part still holds the link targets.
    if (email.html) htmlToText(email.html, linkOnly(sink), budget);
  } else if (email.html) htmlToText(email.html, sink, budget);
  sink.newline();

  for (const [index, att] of email.attachments.entries()) {
    const content = att.content;
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);
    const isMessage = /^message\/rfc822$/i.test(att.mimeType);
    const name = att.filename ?? (isMessage ? `message-${index + 1}.eml` : `attachment-${index + 1}`);
    await readNested(name, data, att.mimeType, budget, parts, nested, isMessage && !/\.eml$/i.test(name) ? `${name}.eml` : name);
  }
  return senders;
}

/** A throwaway sink whose links are fed to `target` (its text, bounded by the input, is dropped). */
function linkOnly(target: TextSink): TextSink {
  const s = new TextSink(Number.MAX_SAFE_INTEGER);
  const link = s.link.bind(s);
  s.link = (t) => {
    link(t);
    target.link(t);
  };
  return s;
}
