// TextSink under millions of tiny writes (a spreadsheet's cells, a PDF's glyph runs), beside
// (a) one array push per write and a single join, the floor, and (b) the former strategy of
// re-joining everything every 4,096 writes, which copies the text over and over.
import { TextSink } from '../core/extract/limits';
import { showSpread } from './stats';

function floor(pieces: readonly string[]): number {
  const chunks: string[] = [];
  for (const p of pieces) chunks.push(p);
  return chunks.join('').length;
}

function rejoinEvery4096(pieces: readonly string[]): number {
  let chunks: string[] = [];
  for (const p of pieces) {
    chunks.push(p);
    if (chunks.length > 4096) chunks = [chunks.join('')];
  }
  return chunks.join('').length;
}

function sink(pieces: readonly string[]): number {
  const s = new TextSink(Number.MAX_SAFE_INTEGER);
  for (const p of pieces) s.write(p);
  return s.text().length;
}

export function runTextSinkBench(rounds = 5) {
  const rows = [];
  for (const writes of [250_000, 1_000_000, 2_000_000]) {
    const pieces = Array.from({ length: writes }, (_, k) => `ô${k % 1000} `);
    const row: Record<string, string | number> = { writes: writes.toLocaleString('en'), chars: floor(pieces).toLocaleString('en') };
    for (const [name, fn] of Object.entries({ 'push + one join': floor, 're-join every 4,096': rejoinEvery4096, TextSink: sink })) {
      const times: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        fn(pieces);
        times.push(performance.now() - t0);
      }
      row[`${name} ms: median (IQR, min–max)`] = showSpread(times, 0);
    }
    rows.push(row);
  }
  return rows;
}
