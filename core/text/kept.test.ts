import { describe, expect, it } from 'vitest';
import { KeptReadings, keptTextEqualTo, SHORTEST_KEPT, TEXTS_KEPT } from './kept';

const long = (seed: string) => `${seed} `.repeat(2000);

describe('KeptReadings', () => {
  it('keeps a body and the documents beside it, each found again by its text', () => {
    const kept = new KeptReadings<{ text: string; n: number }>();
    const texts = Array.from({ length: TEXTS_KEPT }, (_, k) => long(`văn bản ${k}`));
    texts.forEach((text, n) => kept.keep({ text, n }));
    // Read in turn on every check: none pushes another out.
    for (let round = 0; round < 3; round++) for (const [n, text] of texts.entries()) expect(kept.of(text)?.n).toBe(n);
    // One more text: the one used longest ago goes.
    kept.keep({ text: long('thêm'), n: 9 });
    expect(kept.of(texts[0]!)).toBeUndefined();
    expect(kept.of(texts[1]!)?.n).toBe(1);
  });

  it('knows which kept text another is an edit of, and keeps the edit in its place', () => {
    const kept = new KeptReadings<{ text: string; n: number }>();
    const body = long('Kính gửi');
    const document = long('Báo cáo');
    kept.keep({ text: body, n: 1 });
    kept.keep({ text: document, n: 2 });
    const typed = `${body.slice(0, 5000)}nhé ${body.slice(5000)}`;
    const edited = kept.editedFrom(typed)!;
    expect(edited.reading.n).toBe(1);
    expect(edited.edit).toEqual({ head: 5000, tail: body.length - 5000 });
    kept.keep({ text: typed, n: 3 }, edited.reading);
    expect(kept.of(body)).toBeUndefined();
    expect(kept.of(document)?.n).toBe(2);
    // A text sharing little with any kept one is another text, read whole; so is a short letter
    // that opens as a long document does.
    expect(kept.editedFrom(long('Quyết định'))).toBeUndefined();
    expect(kept.editedFrom(document.slice(0, 4096))).toBeUndefined();
  });

  it('neither keeps nor finds a short text, so a subject never pushes the body out', () => {
    const kept = new KeptReadings<{ text: string; n: number }>();
    const texts = Array.from({ length: TEXTS_KEPT }, (_, k) => long(`văn bản ${k}`));
    texts.forEach((text, n) => kept.keep({ text, n }));
    const subject = 'V/v báo cáo tháng 12'.padEnd(SHORTEST_KEPT - 1, '.');
    expect(kept.keeps(subject)).toBe(false);
    kept.keep({ text: subject, n: 9 });
    expect(kept.of(subject)).toBeUndefined();
    for (const [n, text] of texts.entries()) expect(kept.of(text)?.n).toBe(n);
    // A short text cut from a kept one is no edit of it either: it is read whole.
    const letter = 'Kính gửi các đơn vị. '.repeat(250);
    kept.keep({ text: letter, n: 10 });
    expect(kept.editedFrom(`${letter.slice(0, 2000)}${letter.slice(-2000)}`)).toBeUndefined();
    expect(kept.editedFrom(`${letter.slice(0, 2000)}nhé${letter.slice(2000)}`)?.reading.n).toBe(10);
    expect(kept.keeps(subject.padEnd(SHORTEST_KEPT, '.'))).toBe(true);
  });

  it('finds a text read afresh, and a new text once it is kept, an overtyped one included', () => {
    const kept = new KeptReadings<{ text: string; n: number }>();
    const body = long('Kính gửi');
    kept.keep({ text: body, n: 1 });
    // Read afresh: an equal string made anew, as a page's innerText is.
    const afresh = keptTextEqualTo([...body].join(''));
    expect(afresh).toBe(body);
    expect(kept.of(afresh)?.n).toBe(1);
    // Overtyped: the same length, one letter changed near the end.
    const overtyped = `${body.slice(0, -3)}X${body.slice(-2)}`;
    expect(keptTextEqualTo(overtyped)).toBe(overtyped);
    expect(kept.of(overtyped)).toBeUndefined();
    kept.keep({ text: overtyped, n: 2 }, kept.editedFrom(overtyped)?.reading);
    expect(kept.of(overtyped)?.n).toBe(2);
    expect(kept.of(keptTextEqualTo([...overtyped].join('')))?.n).toBe(2);
    expect(kept.of(body)).toBeUndefined();
  });
});
