// PowerPoint (.pptx, .ppsx, .pptm): slides in order, their notes and comments, and hyperlinks
// (a:hlinkClick targets live in each slide's relationships).
import type { Budget, TextSink } from './limits';
import { readPart, textOf } from './parts';
import { entriesMatching, hyperlinkTargets } from './xml';
import type { ZipArchive } from './zip';

export function extractPptx(zip: ZipArchive, sink: TextSink, budget: Budget): void {
  const slides = entriesMatching(zip, /^ppt\/slides\/slide\d+\.xml$/);
  const notes = entriesMatching(zip, /^ppt\/notesSlides\/notesSlide\d+\.xml$/);
  const comments = entriesMatching(zip, /^ppt\/comments\/[^/]+\.xml$/);
  let first = true;
  for (const part of [...slides, ...notes, ...comments]) {
    budget.checkTime();
    // Text runs are a:t in shapes and p:text in comments; paragraphs end a line.
    const tag = part.startsWith('ppt/comments/') ? 'text' : 't';
    readPart(zip, part, sink, textOf(sink, tag, ['p', 'cm', 'tc']), first);
    first = false;
    for (const target of hyperlinkTargets(zip, part)) sink.link(target);
  }
}
