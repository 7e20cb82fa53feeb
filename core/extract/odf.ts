// OpenDocument (.odt, .ods, .odp and templates): content.xml then styles.xml (page headers and
// footers live there), text:a links, annotations, table names as sheet titles.
import type { Budget, TextSink } from './limits';
import { readPart } from './parts';
import { attr } from './xml';
import type { ZipArchive } from './zip';

/** The most spaces one <text:s text:c="n"/> gives: less than the element's own length. */
const MOST_SPACES = 16;

/** Elements whose text is not document text (binary images, sequence declarations). */
const SKIP = new Set(['binary-data', 'sequence-decls', 'tracked-changes', 'note-citation']);

export function extractOdf(zip: ZipArchive, sink: TextSink, budget: Budget, spreadsheet: boolean, presentation: boolean): void {
  // In a presentation styles.xml holds only master-slide placeholders ("<number>"), no content.
  for (const part of presentation ? ['content.xml'] : ['content.xml', 'styles.xml']) {
    budget.checkTime();
    readOdfPart(zip, part, sink, part === 'content.xml', spreadsheet);
  }
}

function readOdfPart(zip: ZipArchive, part: string, sink: TextSink, main: boolean, spreadsheet: boolean): void {
  let skip = 0;
  let textDepth = 0; // inside a text:p / text:h (where character data is document text)
  readPart(
    zip,
    part,
    sink,
    {
      open(name, a) {
        if (skip || SKIP.has(name)) {
          skip++;
          return;
        }
        switch (name) {
          case 'p':
          case 'h':
            textDepth++;
            break;
          case 'a':
            sink.link(attr(a, 'href'));
            break;
          case 'tab':
            if (textDepth) sink.write('\t');
            break;
          case 'line-break':
            if (textDepth) sink.write('\n');
            break;
          case 's':
            // A run of spaces means nothing to any rule, and a long one would let a small file
            // fill the text budget and push the words after it out unread: kept to 16.
            if (textDepth) sink.write(' '.repeat(Math.min(MOST_SPACES, Math.max(1, Number(attr(a, 'c') ?? 1) || 1))));
            break;
          case 'table': {
            // In a spreadsheet the table name (table:name) is the sheet name the user sees.
            const sheet = spreadsheet ? attr(a, 'name') : undefined;
            if (sheet) {
              sink.newline();
              sink.write(sheet);
              sink.newline();
            }
            break;
          }
        }
      },
      close(name) {
        if (skip) {
          skip--;
          return;
        }
        switch (name) {
          case 'p':
          case 'h':
            textDepth--;
            sink.newline();
            break;
          case 'table-cell':
            sink.space();
            break;
        }
      },
      text(t) {
        if (!skip && textDepth) sink.write(t);
      },
    },
    main,
  );
}
