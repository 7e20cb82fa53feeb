// Shared plumbing for the zip-based formats: read one part into the sink, tolerating damage.
import { ExtractError, type TextSink } from './limits';
import { parseZipXml, type XmlHandler } from './xml';
import type { ZipArchive } from './zip';

/**
 * Parses a part into the sink. Broken XML in a part keeps what was read before the break and
 * marks the document damaged; only when the main part breaks with nothing read is it 'corrupt'.
 */
/** `pieces`: text may reach the handler in pieces, so reading stops at the text budget mid-run (parseZipXml). */
export function readPart(zip: ZipArchive, entry: string, sink: TextSink, h: XmlHandler, main = false, pieces = false): boolean {
  try {
    const found = parseZipXml(zip, entry, { stop: () => sink.full, ...h }, pieces);
    sink.newline();
    return found;
  } catch (err) {
    if (!(err instanceof ExtractError) || err.code !== 'corrupt') throw err;
    if (main && sink.empty) throw err;
    sink.damaged = true;
    sink.newline();
    return true;
  }
}

/** A handler writing the text inside every `tag` element, ending a line when one of `lineEnds` closes. */
export function textOf(sink: TextSink, tag: string, lineEnds: string[], breaks: string[] = ['br']): XmlHandler {
  let inText = 0;
  return {
    open(name) {
      if (name === tag) inText++;
      else if (breaks.includes(name)) sink.write('\n');
    },
    close(name) {
      if (name === tag) inText--;
      if (lineEnds.includes(name)) sink.newline();
    },
    text(t) {
      if (inText > 0) sink.write(t);
    },
  };
}
