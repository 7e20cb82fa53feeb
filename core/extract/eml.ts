// E-mail (.eml, message/rfc822) through postal-mime: the headers a reader sees, the body (plain
// text, else HTML as text), links from the HTML body, and every attachment extracted in turn as
// a nested part, with nested messages followed down to maxDepth.
import PostalMime, { type Address } from 'postal-mime';
import type { ExtractedDocument, ExtractedPart, SenderHeaders } from '../types';
import { Budget, ExtractError, TextSink, withDeadline } from './limits';
import { htmlToText } from './html';

export type ExtractNested = (name: string, bytes: Uint8Array, budget: Budget) => Promise<ExtractedDocument>;

function addressesOf(list: Address[] | Address | undefined): string[] {
  const all = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return all.flatMap((a) => (a.group ? a.group : [a])).flatMap((m) => (m.address ? [m.address] : []));
}

/**
 * Media and signatures without text of their own: listed without an error when no extractor
 * takes them (a signed official letter carries smime.p7s; that is not an unread document).
 */
const NO_TEXT_OF_THEIR_OWN = /^(image|audio|video)\/|^application\/(x-)?pkcs7-signature$|^application\/pgp-signature$/i;

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
    budget.checkTime();
    const content = att.content;
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);
    const isMessage = /^message\/rfc822$/i.test(att.mimeType);
    const part: ExtractedPart = {
      name: att.filename ?? (isMessage ? `message-${index + 1}.eml` : `attachment-${index + 1}`),
      size: data.byteLength,
      contentType: att.mimeType,
    };
    parts.push(part);
    if (budget.depth + 1 > budget.limits.maxDepth) {
      part.error = `Not read: nested deeper than ${budget.limits.maxDepth} levels.`;
      part.failure = { code: 'too-deep', depth: budget.limits.maxDepth };
      continue;
    }
    try {
      part.document = await nested(isMessage && !/\.eml$/i.test(part.name) ? `${part.name}.eml` : part.name, data, budget.nested());
    } catch (err) {
      if (err instanceof ExtractError && err.code === 'unsupported' && NO_TEXT_OF_THEIR_OWN.test(att.mimeType)) continue;
      // The whole message's deadline has passed: the message itself cannot be finished.
      if (err instanceof ExtractError && err.code === 'timeout') throw err;
      part.error = err instanceof Error ? err.message : 'The attachment could not be read.';
      part.failure =
        err instanceof ExtractError
          ? { code: err.code, ...(err.reason ? { reason: err.reason } : {}), ...(err.format ? { format: err.format } : {}) }
          : { code: 'corrupt' };
    }
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
