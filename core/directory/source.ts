// IT's export of the directory, as Excel, an HR system or a script writes it: CSV (comma,
// semicolon as Vietnamese-locale Excel writes it, or tab as Excel's "Unicode Text") or JSON, in
// UTF-8 with or without a byte-order mark or UTF-16 with one. Every problem is named with its
// row; nothing is guessed (a file in a legacy code page is refused, not read as mojibake).
import { fold } from '../text/fold';
import type { DirectoryEntry } from './types';

export type DirectoryRowProblem =
  | 'encoding'
  | 'not-json'
  | 'no-columns'
  | 'missing-name'
  | 'bad-address'
  | 'not-official'
  | 'duplicate-official'
  | 'personal-is-official'
  | 'duplicate-personal'
  | 'empty';

export interface DirectoryRowError {
  /** Line of the CSV (the header is line 1) or position in the JSON list (from 1); 0: the file. */
  row: number;
  column?: 'name' | 'unit' | 'official' | 'personal';
  problem: DirectoryRowProblem;
  /** What was found, shortened. */
  value?: string;
  /** In IT's words (English, as the kit's other errors). */
  message: string;
}

export interface DirectorySourceResult {
  entries: DirectoryEntry[];
  errors: DirectoryRowError[];
  format: 'csv' | 'json';
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  delimiter?: string;
}

export interface DirectorySourceOptions {
  /** Whether an address is in the policy's official domains. */
  isOfficial(address: string): boolean;
}

const ADDRESS = /^[a-z0-9._%+-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
// Tabs and newlines separate the compact file's fields and rows; no name carries them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Decodes the bytes as Excel and editors save text; throws a row-0 error otherwise. */
export function decodeDirectoryBytes(bytes: Uint8Array): { text: string; encoding: DirectorySourceResult['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Name the first line that is not UTF-8, so IT can find it.
    let line = 1;
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let from = 0; from < body.length; line++) {
      const nl = body.indexOf(0x0a, from);
      const to = nl < 0 ? body.length : nl;
      try {
        strict.decode(body.subarray(from, to));
      } catch {
        break;
      }
      from = to + 1;
    }
    throw new DirectoryFileError({
      row: line,
      problem: 'encoding',
      message: `line ${line}: the file is neither UTF-8 nor UTF-16 (a legacy code page such as Windows-1258 or TCVN3?). In Excel choose "CSV UTF-8 (Comma delimited)" or "Unicode Text" when saving`,
    });
  }
}

export class DirectoryFileError extends Error {
  constructor(readonly error: DirectoryRowError) {
    super(error.message);
  }
}

/** RFC 4180 rows, with the delimiter the header line uses most. */
function csvRows(text: string): { rows: Array<{ line: number; cells: string[] }>; delimiter: string } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { rows, delimiter };
}

type Column = 'name' | 'unit' | 'official' | 'personal';

// Header words in Vietnamese (folded) and English.
const HEADERS: Record<Column, RegExp> = {
  name: /^(ho (va )?ten|ten|full ?name|name|display ?name)$/,
  unit: /^(don vi|co quan|phong ban|unit|agency|department)$/,
  official: /^((dia chi|hop thu|thu|e-?mail) (cong vu|chinh thuc)|official( address| e-?mail)?|e-?mail)$/,
  personal: /^((dia chi|hop thu|thu|e-?mail) (ca nhan|khac)|personal( addresses| e-?mail)?)$/,
};

function foldHeader(h: string): string {
  return fold(h).replace(/[_*:]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "Nguyễn Văn Ánh <AnhNV@DaNang.gov.vn>", "mailto:x@y" → the bare address, lower case. */
function bareAddress(raw: string): string {
  const s = raw.trim().replace(/^mailto:/i, '');
  const angle = /<([^<>]+)>\s*$/.exec(s);
  return (angle ? angle[1]! : s).trim().toLowerCase();
}

interface RawRow {
  row: number;
  name: string;
  unit: string;
  official: string;
  personal: string[];
}

function splitPersonal(value: string): string[] {
  return value.split(/[\s,;|]+/).filter((s) => s.length > 0);
}

function fromCsv(text: string, errors: DirectoryRowError[]): { rows: RawRow[]; delimiter: string } {
  const { rows, delimiter } = csvRows(text);
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonEmpty.shift();
  if (!header) return { rows: [], delimiter };
  const columns = new Map<Column, number>();
  header.cells.forEach((h, k) => {
    const folded = foldHeader(h);
    for (const col of Object.keys(HEADERS) as Column[]) if (!columns.has(col) && HEADERS[col].test(folded)) columns.set(col, k);
  });
  if (!columns.has('name') || !columns.has('official')) {
    errors.push({
      row: header.line,
      problem: 'no-columns',
      value: short(header.cells.join(delimiter)),
      message: `line ${header.line}: the header must name the columns, e.g. "Họ và tên${delimiter}Đơn vị${delimiter}Địa chỉ công vụ${delimiter}Địa chỉ cá nhân" (or name, unit, official, personal)`,
    });
    return { rows: [], delimiter };
  }
  const cell = (r: { cells: string[] }, col: Column) => (columns.has(col) ? (r.cells[columns.get(col)!] ?? '') : '');
  return {
    delimiter,
    rows: nonEmpty.map((r) => ({ row: r.line, name: cell(r, 'name'), unit: cell(r, 'unit'), official: cell(r, 'official'), personal: splitPersonal(cell(r, 'personal')) })),
  };
}

function fromJson(text: string, errors: DirectoryRowError[]): RawRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    errors.push({ row: 0, problem: 'not-json', message: `the file is not valid JSON: ${(e as Error).message}` });
    return [];
  }
  const list = Array.isArray(value) ? value : (value as { entries?: unknown })?.entries;
  if (!Array.isArray(list)) {
    errors.push({ row: 0, problem: 'not-json', message: 'the JSON must be a list of {"name", "unit", "official", "personal"} objects, or {"entries": [...]}' });
    return [];
  }
  return list.map((item, k) => {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const personal = Array.isArray(o.personal) ? o.personal.map(str) : splitPersonal(str(o.personal));
    return { row: k + 1, name: str(o.name), unit: str(o.unit), official: str(o.official), personal };
  });
}

/** Reads IT's export and checks every row; `entries` holds only the rows without errors. */
export function parseDirectorySource(bytes: Uint8Array, opts: DirectorySourceOptions): DirectorySourceResult {
  const errors: DirectoryRowError[] = [];
  let decoded: ReturnType<typeof decodeDirectoryBytes>;
  try {
    decoded = decodeDirectoryBytes(bytes);
  } catch (e) {
    if (e instanceof DirectoryFileError) return { entries: [], errors: [e.error], format: 'csv', encoding: 'utf-8' };
    throw e;
  }
  const text = decoded.text;
  const json = /^\s*[[{]/.test(text);
  const where = (row: number) => (json ? `entry ${row}` : `line ${row}`);
  let rows: RawRow[];
  let delimiter: string | undefined;
  if (json) rows = fromJson(text, errors);
  else ({ rows, delimiter } = fromCsv(text, errors));

  const officialRow = new Map<string, number>();
  const personalRow = new Map<string, number>();
  const entries: DirectoryEntry[] = [];
  for (const r of rows) {
    const before = errors.length;
    const bad = (column: Column, problem: DirectoryRowProblem, value: string, why: string) =>
      errors.push({ row: r.row, column, problem, value: short(value), message: `${where(r.row)}: ${why}` });
    const name = r.name.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().normalize('NFC');
    const unit = r.unit.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().normalize('NFC');
    const official = bareAddress(r.official);
    if (!name) bad('name', 'missing-name', r.name, 'the name is empty');
    if (!ADDRESS.test(official)) bad('official', 'bad-address', r.official, `"${short(r.official)}" is not an e-mail address`);
    else if (!opts.isOfficial(official)) bad('official', 'not-official', official, `${official} is not in the policy's official domains`);
    else if (officialRow.has(official)) bad('official', 'duplicate-official', official, `${official} is already listed on ${where(officialRow.get(official)!)}`);
    const personal: string[] = [];
    for (const raw of r.personal) {
      const p = bareAddress(raw);
      if (!ADDRESS.test(p)) bad('personal', 'bad-address', raw, `"${short(raw)}" is not an e-mail address`);
      else if (opts.isOfficial(p)) bad('personal', 'personal-is-official', p, `${p} is an official address, not a personal one`);
      else if (personalRow.has(p) && personalRow.get(p) !== r.row) bad('personal', 'duplicate-personal', p, `${p} is already listed for someone else on ${where(personalRow.get(p)!)}`);
      else if (!personal.includes(p)) personal.push(p);
    }
    if (errors.length > before) continue;
    officialRow.set(official, r.row);
    for (const p of personal) personalRow.set(p, r.row);
    entries.push({ name, unit, official, personal });
  }
  if (entries.length === 0 && errors.length === 0) errors.push({ row: 0, problem: 'empty', message: 'the file lists nobody' });
  return { entries, errors, format: json ? 'json' : 'csv', encoding: decoded.encoding, delimiter };
}
