// E-mail (.eml, message/rfc822) through postal-mime: the headers a reader sees, the body (plain
// text, else HTML as text), links from the HTML body, and every attachment extracted in turn as
// a nested part, with nested messages followed down to maxDepth.
import PostalMime, { type Address } from 'postal-mime';
import type { ExtractedDocument, ExtractedPart } from '../types';
import { Budget, ExtractError, TextSink, withDeadline } from './limits';
import { htmlToText } from './html';

export type ExtractNested = (name: string, bytes: Uint8Array, budget: Budget) => Promise<ExtractedDocument>;

function formatAddresses(list: Address[] | Address | undefined): string {
  const all = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return all
    .flatMap((a) => (a.group ? a.group : [a]))
    .map((m) => (m.name ? `${m.name} <${m.address}>` : m.address))
    .join(', ');
}

/** Media without text of their own: listed without an error when no extractor takes them. */
const MEDIA = /^(image|audio|video)\//i;

export async function extractEml(bytes: Uint8Array, sink: TextSink, budget: Budget, parts: ExtractedPart[], nested: ExtractNested): Promise<void> {
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
  const headerLines: [string, string][] = [
    ['From', formatAddresses(email.from)],
    ['Reply-To', formatAddresses(email.replyTo)],
    ['To', formatAddresses(email.to)],
    ['Cc', formatAddresses(email.cc)],
    ['Subject', email.subject ?? ''],
  ];
  for (const [label, value] of headerLines) {
    if (value) {
      sink.write(`${label}: ${value}`);
      sink.newline();
    }
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
      continue;
    }
    try {
      part.document = await nested(isMessage && !/\.eml$/i.test(part.name) ? `${part.name}.eml` : part.name, data, budget.nested());
    } catch (err) {
      if (err instanceof ExtractError && err.code === 'unsupported' && MEDIA.test(att.mimeType)) continue;
      part.error = err instanceof Error ? err.message : 'The attachment could not be read.';
    }
  }
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
