// Reading stays linear in the text: counted as characters copied, not timed (speed is measured
// in bench/). The former sink re-joined everything it held every 4,096 writes, so a 100,000-row
// spreadsheet copied its text hundreds of times over.
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractDocument } from './index';
import { TextSink } from './limits';

/** Counts the characters every Array.prototype.join call produces while `run` runs. */
async function charactersJoined(run: () => unknown): Promise<{ calls: number; chars: number }> {
  const join = Array.prototype.join;
  let calls = 0;
  let chars = 0;
  vi.spyOn(Array.prototype, 'join').mockImplementation(function (this: unknown[], separator?: string) {
    const out = join.call(this, separator);
    calls++;
    chars += out.length;
    return out;
  });
  await run();
  vi.restoreAllMocks();
  return { calls, chars };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('TextSink', () => {
  it('a million small writes are joined once, when the text is asked for', async () => {
    const sink = new TextSink(Number.MAX_SAFE_INTEGER);
    const writes = await charactersJoined(() => {
      for (let k = 0; k < 1_000_000; k++) sink.write(`ô${k % 1000} `);
    });
    expect(writes).toEqual({ calls: 0, chars: 0 });
    let text = '';
    const read = await charactersJoined(() => (text = sink.text()));
    expect(text.length).toBe(4_890_000);
    expect(read).toEqual({ calls: 1, chars: text.length });
  });
});

describe('a 20,000-row spreadsheet', () => {
  it('is read copying its text a bounded number of times', async () => {
    const rows: string[] = [];
    const strings: string[] = [];
    for (let r = 1; r <= 20_000; r++) {
      strings.push(`Cán bộ ${r}`, `canbo${r}@danang.gov.vn`);
      rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${2 * r - 2}</v></c><c r="B${r}" t="s"><v>${2 * r - 1}</v></c><c r="C${r}"><v>${r}</v></c></row>`);
    }
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8(`<workbook ${ns}><sheets/></workbook>`),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${ns}><sheetData>${rows.join('')}</sheetData></worksheet>`),
      'xl/sharedStrings.xml': strToU8(`<sst ${ns}>${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`),
    });
    let text = '';
    const counted = await charactersJoined(async () => (text = (await extractDocument('danh-ba.xlsx', xlsx)).text));
    expect(text).toContain('canbo20000@danang.gov.vn');
    expect(text.split('\n').filter((l) => l.includes('@danang.gov.vn'))).toHaveLength(20_000);
    // The text once, plus small joins (a few words) here and there: not the text again and again.
    expect(counted.chars).toBeLessThan(2 * text.length);
  });
});
