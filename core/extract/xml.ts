// Streaming XML over a zip entry: inflated chunks are decoded one by one (chunk-decoder.ts) into the
// scanner (xml-scan.ts), so a part is never held whole, and a document that breaks midway keeps
// what was read. A part with a DOCTYPE goes to saxes instead (xml-doctype.ts).
import { chunkDecoder } from './chunk-decoder';
import { ExtractError } from './limits';
import { doctypeParser } from './xml-doctype';
import { NEEDS_SAXES, XmlScanner } from './xml-scan';
import type { ZipArchive } from './zip';

export type Attrs = Record<string, string>;
/** Attributes as saxes gives them, or as the scanner reads them from the tag in place (xml-scan.ts). */
export type AttrSource = Attrs | ((local: string) => string | undefined);

/** Thrown from a chunk callback to stop reading a part early (the text budget is full). */
const STOP = { stop: true };

export interface XmlHandler {
  /** Checked per inflated chunk: true stops reading the part (what was read is kept). */
  stop?(): boolean;
  /** `name` is the local name (prefix dropped); read attributes with attr(), by local name. */
  open?(name: string, attrs: AttrSource): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** An attribute by local name, whatever its prefix (w:val, r:id, xlink:href…). */
export function attr(attrs: AttrSource, local: string): string | undefined {
  if (typeof attrs === 'function') return attrs(local);
  if (local in attrs) return attrs[local];
  for (const k in attrs) if (k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

/**
 * The handler with each run of character data handed on whole, as saxes hands it: the sink then
 * fills only between runs, so one run past the text budget still inflates to the zip-bomb cap
 * and is refused as a bomb rather than cut (bounds.test.ts), as before the scanner read it.
 */
function wholeRuns(h: XmlHandler): XmlHandler {
  const text = h.text;
  if (!text) return h;
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const whole = run.length === 1 ? run[0]! : run.join('');
    run = [];
    text(whole);
  };
  return {
    stop: h.stop,
    open: (name, attrs) => {
      flush();
      h.open?.(name, attrs);
    },
    close: (name) => {
      flush();
      h.close?.(name);
    },
    text: (t) => run.push(t),
  };
}

/**
 * Parses one zip entry; returns false when it is absent. Throws 'corrupt' on broken XML. The
 * scanner reads it; a part with a DOCTYPE, which the scanner hands back before any event, is
 * then read again from the start by saxes. `pieces`: text may reach the handler in pieces (parts
 * with an element per cell), so reading stops at the text budget even inside one long run.
 */
export function parseZipXml(zip: ZipArchive, entry: string, h: XmlHandler, pieces = false): boolean {
  return readZipXml(zip, entry, pieces ? h : wholeRuns(h));
}

interface XmlWriter {
  write(text: string): void;
  close(): void;
}

/** `parser`: what the decoded text goes to (the scanner unless given); a DOCTYPE sends it all to saxes. */
function readZipXml(zip: ZipArchive, entry: string, h: XmlHandler, parser: XmlWriter = new XmlScanner(h, entry)): boolean {
  const decode = chunkDecoder();
  let found: boolean;
  try {
    found = zip.read(entry, (chunk) => {
      if (h.stop?.()) throw STOP;
      parser.write(decode(chunk));
    });
    if (!found) return false;
    const tail = decode();
    if (tail) parser.write(tail);
    parser.close();
  } catch (err) {
    if (err === STOP) return true;
    if (err === NEEDS_SAXES) return readZipXml(zip, entry, h, doctypeParser(h, entry));
    throw err;
  }
  return true;
}

/** Text held back, waiting on `worth`, before the part is parsed anyway: the hold stays small. */
const MOST_HELD_CHARS = 1 << 20;
/** What of one decoded chunk is kept for the next test, so that a sign cut in two is still seen. */
const OVERLAP_CHARS = 16;

/**
 * As parseZipXml, for a part that only matters when its text shows a sign of it (`worth`, a
 * test that must hold of any text whose parse could tell the handler anything): the decoded
 * text is held and tested, and parsed from its start once the test holds, or once it passes
 * MOST_HELD_CHARS. A part without the sign is inflated and decoded, never parsed.
 */
export function parseZipXmlIf(zip: ZipArchive, entry: string, handler: XmlHandler, worth: (text: string) => boolean): boolean {
  const h = wholeRuns(handler);
  let parser: XmlScanner | undefined;
  let held: string[] = [];
  let heldChars = 0;
  let tail = '';
  const open = () => {
    parser = new XmlScanner(h, entry);
    for (const text of held) parser.write(text);
    held = [];
  };
  const gate = {
    write(text: string) {
      if (parser) return parser.write(text);
      held.push(text);
      heldChars += text.length;
      if (heldChars > MOST_HELD_CHARS || worth(tail + text)) open();
      else tail = text.slice(-OVERLAP_CHARS);
    },
    close() {
      parser?.close();
    },
  };
  return readZipXml(zip, entry, h, gate);
}

/** Relationship id → external target for one part (`word/_rels/document.xml.rels` etc.). */
export function readRels(zip: ZipArchive, partPath: string): Map<string, { target: string; type: string; external: boolean }> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const rels = new Map<string, { target: string; type: string; external: boolean }>();
  try {
    parseZipXml(zip, relsPath, {
      open(name, a) {
        if (name !== 'Relationship') return;
        const id = attr(a, 'Id');
        const target = attr(a, 'Target');
        if (id && target) rels.set(id, { target, type: attr(a, 'Type') ?? '', external: attr(a, 'TargetMode') === 'External' });
      },
    });
  } catch (err) {
    // Broken relationships lose only the link targets, not the document's text.
    if (!(err instanceof ExtractError) || err.code !== 'corrupt') throw err;
  }
  return rels;
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolvePart(partPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = partPath.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Adds every external hyperlink target of a part's relationships to `links`. */
export function hyperlinkTargets(zip: ZipArchive, partPath: string): string[] {
  const out: string[] = [];
  for (const r of readRels(zip, partPath).values()) {
    if (r.external && /\/hyperlink$/.test(r.type)) out.push(r.target);
  }
  return out;
}

/** Entries matching `re`, in natural order (slide2 before slide10). */
export function entriesMatching(zip: ZipArchive, re: RegExp): string[] {
  return zip
    .names()
    .filter((n) => re.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
