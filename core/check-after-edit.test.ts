// issue 11: a host checks a long draft again after every few keystrokes, and the survey, the
// address reading and the stamp search then read only what the edit reaches. What the user is
// told must be what a check of the same draft, read whole by a fresh core, tells them.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { vietnameseText } from '../bench/vietnamese-text';
import { compactDirectory, loadDirectory } from './directory';
import { sampleDirectory } from './directory/sample-directory.test-util';
import { encodeLegacy } from './encoding';
import { PRESETS } from './policy/presets';
import { attachment, draft } from './rules/test-helpers';

type Core = typeof import('./check');

async function freshCore(): Promise<Core> {
  vi.resetModules();
  return import('./check');
}

describe('check() of a long draft after an edit', () => {
  const people = sampleDirectory(300, { personalShare: 0.2 });
  const env = { directory: loadDirectory(compactDirectory(people)) };
  const someone = people.find((p) => p.personal.length > 0)!;
  // What a keystroke or a paste puts in: an address public or official, hidden or wrapped, a
  // stamp line, a legacy-encoded phrase, an invisible character, blanks, or nothing.
  const put = fc.constantFrom('', ' ', '\n', 'a', '@', '.', ')', 'nhé ', 'ten@gmail.com', ' [at] yahoo [dot] com', 'x@gmail.\ncom', someone.official, someone.personal[0]!, `${someone.name} <${someone.personal[0]}>`, '\nMẬT\n', 'Độ mật: Tối mật', encodeLegacy('Cộng hoà xã hội chủ nghĩa Việt Nam', 'tcvn3'), '\u200b', '＠');

  it('finds what a fresh core finds in the edited draft', async () => {
    const kept = await freshCore();
    const texts = [0.01, 0.14].map((rate, k) => vietnameseText(40_000, 7 + k, rate).text);
    // A long document attached, or two: each check reads them beside the body being typed into.
    const documents = [vietnameseText(30_000, 11, 0.05).text, `TỐI MẬT\n${vietnameseText(20_000, 12, 0.1).text}`];
    const message = (body: string, files: number) => draft({ bodyText: body, attachments: documents.slice(0, files).map((d, k) => attachment(`tai-lieu-${k}.docx`, d)) });
    await fc.assert(
      fc.asyncProperty(fc.nat(1), fc.nat(2), fc.array(fc.tuple(fc.nat(), fc.integer({ min: -40, max: 40 }), fc.nat({ max: 30 }), put), { minLength: 1, maxLength: 4 }), async (which, files, edits) => {
        let text = texts[which]!;
        kept.check(message(text, files), PRESETS.danang, env);
        for (const [n, offset, cut, p] of edits) {
          // Near an at-sign most of the time: where the edit changes what is found.
          const ats = [...text.matchAll(/@/g)].map((m) => m.index);
          const at = Math.min(text.length, Math.max(0, n % 3 && ats.length ? ats[n % ats.length]! + offset : n % (text.length + 1)));
          text = text.slice(0, at) + p + text.slice(at + cut);
          const edited = kept.check(message(text, files), PRESETS.danang, env);
          const fresh = (await freshCore()).check(message(text, files), PRESETS.danang, env);
          expect(edited).toEqual(fresh);
          // Read afresh, as a page reads its body for every check: an equal string, made anew.
          expect(kept.check(message(text.split('').join(''), files), PRESETS.danang, env)).toEqual(fresh);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
