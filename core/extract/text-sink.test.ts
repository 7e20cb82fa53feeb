// TextSink copies small writes into a buffer of UTF-16 units and turns each full buffer into a
// string in one call. The text must come out unit for unit as written, whatever falls on a
// buffer's edge.
import { describe, expect, it } from 'vitest';
import { TextSink } from './limits';

function sinkText(writes: readonly string[]): string {
  const sink = new TextSink(Number.MAX_SAFE_INTEGER);
  for (const w of writes) sink.write(w);
  return sink.text();
}

describe('TextSink', () => {
  it('keeps lone surrogates and a pair split over two writes exactly as written', () => {
    // A UTF-16 decoder would turn the lone halves into U+FFFD.
    const writes = ['Tệp \uD800 lạ', '\t', 'biểu tượng \uD83D', '\uDE00 cuối', ' \uDC00'];
    expect(sinkText(writes)).toBe(writes.join(''));
  });

  it('keeps a U+FEFF that opens the text or a buffer', () => {
    // A decoder that honours byte-order marks would drop it as one.
    expect(sinkText(['\uFEFFMục 1', ' và 2'])).toBe('\uFEFFMục 1 và 2');
    const fill = 'ô'.repeat(32768);
    expect(sinkText([fill.slice(0, 8000), fill.slice(0, 8000), fill.slice(0, 8000), fill.slice(0, 8000), '\uFEFFsau'])).toBe(`${fill.slice(0, 32000)}\uFEFFsau`);
  });

  it('keeps the order of small writes and long ones over many buffers', () => {
    const writes: string[] = [];
    for (let k = 0; k < 30_000; k++) {
      writes.push(`Cán bộ ${k}`, '\t', k % 997 === 0 ? `Đoạn dài ${k}: ${'văn bản '.repeat(1500)}` : `canbo${k}@danang.gov.vn`, '\n');
    }
    const text = sinkText(writes);
    expect(text.length).toBe(writes.join('').length);
    expect(text).toBe(writes.join(''));
  });

  it('still cuts at its capacity and ends lines only where none ends', () => {
    const sink = new TextSink(12);
    sink.write('Hà Nội');
    sink.newline();
    sink.newline();
    sink.write('Đà Nẵng xa');
    expect(sink.text()).toBe('Hà Nội\nĐà Nẵ');
    expect(sink.truncated).toBe(true);
    const spaced = new TextSink(100);
    spaced.write('a\u00a0');
    spaced.space();
    spaced.write('b');
    spaced.space();
    spaced.write('c');
    expect(spaced.text()).toBe('a\u00a0b c');
  });
});
