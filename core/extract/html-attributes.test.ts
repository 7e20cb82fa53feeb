// A tag whose attribute list is a long run of blanks or slashes with no name after it ("<a ////…=x>")
// was retried one character on at a time, each try reading the rest of the run again: a 200 KB page
// held the CLI's main thread, where no deadline can stop a call, for minutes. The run is now stepped
// over at once; what the reader writes is what it wrote before (html-reference.test-util.ts).
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlToText } from './html';
import { referenceHtmlToText } from './html-reference.test-util';
import { DEFAULT_LIMITS, TextSink } from './limits';

function read(html: string, reader = htmlToText): { text: string; links: string[] } {
  const sink = new TextSink(DEFAULT_LIMITS.maxTextChars);
  reader(html, sink);
  return { text: sink.text(), links: sink.links };
}

/** How many times a regular expression was run while `run` ran. */
function regexRuns(run: () => void): number {
  const exec = RegExp.prototype.exec;
  let runs = 0;
  vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, s: string) {
    runs++;
    return exec.call(this, s);
  });
  run();
  vi.restoreAllMocks();
  return runs;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a tag with a long run of separators before "="', () => {
  for (const [label, run] of [
    ['slashes', '/'],
    ['spaces', ' '],
    ['line breaks', '\n'],
  ] as const) {
    it(`${label}: the run is read once, not once per character, and the text after it is kept`, () => {
      const html = `<p>Trước</p><a ${run.repeat(20_000)}=x href="mailto:canbo@gmail.com">liên hệ</a><p>Sau</p>`;
      let out = { text: '', links: [] as string[] };
      // Before, one run per character of the run: 20 000.
      expect(regexRuns(() => (out = read(html)))).toBeLessThan(100);
      expect(out.text).toContain('Trước');
      expect(out.text).toContain('liên hệ');
      expect(out.text).toContain('Sau');
      expect(out.links).toEqual(['mailto:canbo@gmail.com']);
    });
  }
});

describe('the reader writes what it wrote before', () => {
  // Tags made of the characters the attribute loop treats differently.
  const piece = fc.constantFrom('<a', '<img', '<p', '</a>', '>', ' ', '/', '=', '"', "'", '\n', 'x', 'href', 'alt', 'mailto:a@b.vn', '<script>', '</script>', '&amp;', 'ô');
  const page = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

  it('on random tags and attributes', () => {
    fc.assert(
      fc.property(page, (html) => {
        expect(read(html)).toEqual(read(html, referenceHtmlToText));
      }),
      { numRuns: 3000 },
    );
  });
});
