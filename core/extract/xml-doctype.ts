// A part with a DOCTYPE, which the scanner (xml-scan.ts) hands back before reading it: saxes
// reads it instead. Office never writes one. It lives in a module of its own so that classic
// Outlook's launch file, which cannot carry saxes in its budget (issue 11), swaps it for one
// that reports such a part unreadable there (outlook-addin/build.ts).
import { SaxesParser } from 'saxes';
import { ExtractError } from './limits';
import type { Attrs, XmlHandler } from './xml';

const localName = (q: string) => q.slice(q.indexOf(':') + 1);

/** A saxes parser (namespaces off) calling `h` as the scanner would. */
export function doctypeParser(h: XmlHandler, label: string): { write(chunk: string): void; close(): void } {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => {
    throw new ExtractError('corrupt', `${label} is not well-formed XML (${e.message.split('\n')[0]}).`);
  });
  if (h.open) {
    const open = h.open;
    parser.on('opentag', (t) => open(localName(t.name), t.attributes as Attrs));
  }
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (t) => close(localName(t.name)));
  }
  if (h.text) {
    const text = h.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  return parser;
}
