// Excel (.xlsx, .xlsm): sheet names, cell values (shared, inline and literal strings), headers
// and footers, comments, and hyperlinks from each sheet's relationships.
import { ExtractError, type Budget, type TextSink } from './limits';
import { readPart, textOf } from './parts';
import { attr, entriesMatching, hyperlinkTargets, parseZipXml, readRels, resolvePart } from './xml';
import type { ZipArchive } from './zip';

/** Header/footer codes: &L &C &R &P &N &D &T &A &F &Z &G &B &I &U &E &S &X &Y, &K colours, &"font", &12. */
const HF_CODES = /&(?:"[^"]*"|K[0-9A-Fa-f]{6}|[0-9]+|[A-Za-z&])/g;

/**
 * The shared-string table, kept as a few long strings and the offsets into them. A table of
 * separate strings holds each one as a slice that keeps its whole decoded chunk of XML alive,
 * markup included, and every young-generation collection copies the newest of them again:
 * on the 100,000-row bench sheet this held ~17 MB more at the peak.
 */
export class SharedStrings {
  private readonly blocks: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  /** Per string: its block, and where it starts and ends in that block. */
  private readonly blockOf: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Characters in the table. */
  size = 0;

  get count(): number {
    return this.starts.length;
  }

  add(text: string): void {
    this.blockOf.push(this.blocks.length);
    this.starts.push(this.pendingLength);
    this.pending.push(text);
    this.pendingLength += text.length;
    this.ends.push(this.pendingLength);
    this.size += text.length;
    if (this.pendingLength >= 65536) this.finish();
  }

  /** Ends the block being filled (joining copies its strings out of the XML they were read from). */
  finish(): void {
    if (this.pending.length === 0) return;
    this.blocks.push(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }

  /**
   * The string a cell's value names by its index in the table (read as Number() reads it, as
   * before: '' is 0), or '' when it names none. Valid once finish() has ended the last block.
   */
  at(value: string): string {
    const index = this.indexOf(value);
    return index < 0 ? '' : (this.blocks[this.blockOf[index]!]?.slice(this.starts[index], this.ends[index]) ?? '');
  }

  /** Writes what at(value) gives to the sink, without cutting it out of its block; false when that is ''. */
  writeTo(sink: TextSink, value: string): boolean {
    const index = this.indexOf(value);
    if (index < 0) return false;
    const block = this.blocks[this.blockOf[index]!];
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    if (block === undefined || end <= start) return false;
    sink.write(block, start, end);
    return true;
  }

  /** The string a cell's value names, by index (as Number() reads the value), or -1 for none. */
  private indexOf(value: string): number {
    const index = Number(value);
    return Number.isInteger(index) && index >= 0 && index < this.starts.length ? index : -1;
  }
}

/** Shared strings, at most `maxChars` characters in all (the text budget bounds them too). */
export function readSharedStrings(zip: ZipArchive, path: string, maxChars: number, sink: TextSink): SharedStrings {
  const strings = new SharedStrings();
  let current = '';
  let inT = false;
  let phonetic = 0;
  try {
    // Text in pieces (last argument): one element per string, a hundred thousand of them.
    parseZipXml(zip, path, {
      stop: () => strings.size > maxChars,
      open(name) {
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && !phonetic) inT = true;
      },
      close(name) {
        if (name === 'si') strings.add(current);
        else if (name === 'rPh') phonetic--;
        else if (name === 't') inT = false;
      },
      text(t) {
        if (inT) current += t;
      },
    }, true);
  } catch (err) {
    if (!(err instanceof ExtractError) || err.code !== 'corrupt') throw err;
    sink.damaged = true;
  }
  strings.finish();
  return strings;
}

export function extractXlsx(zip: ZipArchive, sink: TextSink, budget: Budget): void {
  const workbook = 'xl/workbook.xml';
  const rels = readRels(zip, workbook);
  let sharedPath = 'xl/sharedStrings.xml';
  for (const r of rels.values()) if (/\/sharedStrings$/.test(r.type)) sharedPath = resolvePart(workbook, r.target);
  const shared = readSharedStrings(zip, sharedPath, budget.limits.maxTextChars, sink);

  const sheets: { name: string; path: string }[] = [];
  readPart(
    zip,
    workbook,
    sink,
    {
      open(name, a) {
        if (name !== 'sheet') return;
        const rel = rels.get(attr(a, 'id') ?? '');
        if (rel) sheets.push({ name: attr(a, 'name') ?? '', path: resolvePart(workbook, rel.target) });
      },
    },
    true,
  );
  if (sheets.length === 0) for (const path of entriesMatching(zip, /^xl\/worksheets\/sheet\d+\.xml$/)) sheets.push({ name: '', path });

  for (const sheet of sheets) {
    budget.checkTime();
    if (sheet.name) {
      sink.write(sheet.name);
      sink.newline();
    }
    readSheet(zip, sheet.path, sink, shared);
    for (const target of hyperlinkTargets(zip, sheet.path)) sink.link(target);
  }
  for (const path of entriesMatching(zip, /^xl\/comments\d*\.xml$/)) {
    budget.checkTime();
    readPart(zip, path, sink, textOf(sink, 't', ['r', 'comment']));
  }
}

function readSheet(zip: ZipArchive, path: string, sink: TextSink, shared: SharedStrings): void {
  let type = '';
  let inValue = false;
  let inInline = false;
  let inHeaderFooter = false;
  let value = '';
  // Text in pieces (last argument): an element per cell, a hundred thousand rows.
  readPart(zip, path, sink, {
    open(name, a) {
      switch (name) {
        case 'c':
          type = attr(a, 't') ?? 'n';
          value = '';
          break;
        case 'v':
          inValue = true;
          break;
        case 'is':
          inInline = true;
          break;
        case 't':
          if (inInline) inValue = true;
          break;
        case 'oddHeader':
        case 'oddFooter':
        case 'evenHeader':
        case 'evenFooter':
        case 'firstHeader':
        case 'firstFooter':
          inHeaderFooter = true;
          value = '';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          inValue = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          if (type === 's') {
            if (shared.writeTo(sink, value)) sink.write('\t');
            break;
          }
          const text = type === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value;
          if (text) {
            sink.write(text);
            sink.write('\t');
          }
          break;
        }
        case 'row':
          sink.newline();
          break;
        case 'oddHeader':
        case 'oddFooter':
        case 'evenHeader':
        case 'evenFooter':
        case 'firstHeader':
        case 'firstFooter':
          inHeaderFooter = false;
          sink.write(value.replace(HF_CODES, (m) => (m === '&&' ? '&' : ' ')).trim());
          sink.newline();
          break;
      }
    },
    text(t) {
      if (inValue || inHeaderFooter) value += t;
    },
  }, false, true);
}

