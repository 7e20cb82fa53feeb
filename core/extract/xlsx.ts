// Excel (.xlsx, .xlsm): sheet names, cell values (shared, inline and literal strings), headers
// and footers, comments, and hyperlinks from each sheet's relationships.
import { ExtractError, type Budget, type TextSink } from './limits';
import { readPart, textOf } from './parts';
import { attr, entriesMatching, hyperlinkTargets, parseZipXml, readRels, resolvePart } from './xml';
import type { ZipArchive } from './zip';

/** Header/footer codes: &L &C &R &P &N &D &T &A &F &Z &G &B &I &U &E &S &X &Y, &K colours, &"font", &12. */
const HF_CODES = /&(?:"[^"]*"|K[0-9A-Fa-f]{6}|[0-9]+|[A-Za-z&])/g;

/** Shared strings, at most `maxChars` characters in all (the text budget bounds them too). */
function readSharedStrings(zip: ZipArchive, path: string, maxChars: number, sink: TextSink): string[] {
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let phonetic = 0;
  let size = 0;
  try {
    parseZipXml(zip, path, {
      stop: () => size > maxChars,
      open(name) {
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && !phonetic) inT = true;
      },
      close(name) {
        if (name === 'si') {
          strings.push(current);
          size += current.length;
        } else if (name === 'rPh') phonetic--;
        else if (name === 't') inT = false;
      },
      text(t) {
        if (inT) current += t;
      },
    });
  } catch (err) {
    if (!(err instanceof ExtractError) || err.code !== 'corrupt') throw err;
    sink.damaged = true;
  }
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

function readSheet(zip: ZipArchive, path: string, sink: TextSink, shared: string[]): void {
  let type = '';
  let inValue = false;
  let inInline = false;
  let inHeaderFooter = false;
  let value = '';
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
          const text = type === 's' ? (shared[Number(value)] ?? '') : type === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value;
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
  });
}

