import { describe, expect, it } from 'vitest';
import { compactDirectory, loadDirectory, nameKeys, parseCompactDirectory, parseDirectorySource, serializeDirectory, type DirectoryEntry } from '.';
import { makeClassifier } from '../address/classify';
import { PRESETS } from '../policy/presets';
import { sampleDirectory } from './sample-directory.test-util';

const classifier = makeClassifier(PRESETS.danang);
const isOfficial = (a: string) => classifier.classify(a) === 'official';
const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16le(s: string, bom = true): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...[...s].flatMap((c) => [...c].map((_, k) => c.charCodeAt(k)))];
  return new Uint8Array(new Uint16Array(units).buffer);
}

const ANH: DirectoryEntry = { name: 'Nguyễn Văn Ánh', unit: 'Sở Nội vụ', official: 'anhnv@danang.gov.vn', personal: ['anh.nguyenvan@gmail.com'] };

describe('Vietnamese name keys', () => {
  it('sets diacritics, case and word order aside in the folded key, and keeps them in the exact key', () => {
    const a = nameKeys('Nguyễn Văn Ánh');
    expect(nameKeys('Ánh Nguyễn Văn').folded).toBe(a.folded);
    expect(nameKeys('nguyen van anh').folded).toBe(a.folded);
    expect(nameKeys('NGUYỄN  VĂN  ÁNH').exact).toBe(a.exact);
    // Decomposed input (as some Mac and web forms send it) is the same name.
    expect(nameKeys('Nguyễn Văn Ánh'.normalize('NFD')).exact).toBe(a.exact);
    expect(nameKeys('Nguyễn Văn Anh').exact).not.toBe(a.exact);
    expect(nameKeys('Đặng Thị Hà').folded).toBe('dang ha thi');
    expect(nameKeys('nguyen van anh').marked).toBe(false);
  });
});

describe('reading IT’s export', () => {
  it('reads Excel’s Vietnamese-locale CSV: UTF-16 with BOM, semicolons, quoted cells, CRLF', () => {
    const csv = 'Họ và tên;Đơn vị;Địa chỉ công vụ;Địa chỉ cá nhân\r\nNguyễn Văn Ánh;"Sở Nội vụ; Phòng CCHC";AnhNV@DaNang.gov.vn;anh.nguyenvan@gmail.com\r\nTrần Thị Bình;Sở Tài chính;binhtt@danang.gov.vn;\r\n';
    const r = parseDirectorySource(utf16le(csv), { isOfficial });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ format: 'csv', encoding: 'utf-16le', delimiter: ';' });
    expect(r.entries).toEqual([
      { name: 'Nguyễn Văn Ánh', unit: 'Sở Nội vụ; Phòng CCHC', official: 'anhnv@danang.gov.vn', personal: ['anh.nguyenvan@gmail.com'] },
      { name: 'Trần Thị Bình', unit: 'Sở Tài chính', official: 'binhtt@danang.gov.vn', personal: [] },
    ]);
  });

  it('reads UTF-8 with and without BOM, commas or tabs, and English headers', () => {
    const body = 'name,unit,official,personal\nLê Minh Châu,Sở Tư pháp,chaulm@danang.gov.vn,"chau.lm@yahoo.com, chau@gmail.com"\n';
    for (const bytes of [utf8(body), utf8(`\uFEFF${body}`)]) {
      const r = parseDirectorySource(bytes, { isOfficial });
      expect(r.errors).toEqual([]);
      expect(r.entries[0]!.personal).toEqual(['chau.lm@yahoo.com', 'chau@gmail.com']);
    }
    expect(parseDirectorySource(utf8(`\uFEFF${body}`), { isOfficial }).encoding).toBe('utf-8-bom');
    const tabbed = parseDirectorySource(utf16le('Họ và tên\tĐơn vị\tĐịa chỉ công vụ\nLê Minh Châu\tSở Tư pháp\tchaulm@danang.gov.vn\n'), { isOfficial });
    expect(tabbed.delimiter).toBe('\t');
    expect(tabbed.entries).toHaveLength(1);
  });

  it('names each bad row: bad address, duplicate, a "personal" address that is official, an address outside the official domains', () => {
    const csv = [
      'Họ và tên;Đơn vị;Địa chỉ công vụ;Địa chỉ cá nhân',
      'Nguyễn Văn Ánh;Sở Nội vụ;anhnv@danang.gov.vn;anh@gmail.com',
      'Trần Thị Bình;Sở Tài chính;binhtt(at)danang.gov.vn;',
      'Lê Văn Cường;Sở Y tế;anhnv@danang.gov.vn;',
      'Phạm Thị Dung;Sở Y tế;dungpt@danang.gov.vn;dungpt2@quangnam.gov.vn',
      'Hồ Văn Em;Sở Y tế;emhv@gmail.com;',
      ';Sở Y tế;x@danang.gov.vn;',
      'Vũ Thị Gấm;Sở Y tế;gamvt@danang.gov.vn;anh@gmail.com',
    ].join('\r\n');
    const r = parseDirectorySource(utf8(csv), { isOfficial });
    expect(r.errors.map((e) => [e.row, e.problem])).toEqual([
      [3, 'bad-address'],
      [4, 'duplicate-official'],
      [5, 'personal-is-official'],
      [6, 'not-official'],
      [7, 'missing-name'],
      [8, 'duplicate-personal'],
    ]);
    expect(r.errors[1]!.message).toBe('line 4: anhnv@danang.gov.vn is already listed on line 2');
    expect(r.entries.map((e) => e.official)).toEqual(['anhnv@danang.gov.vn']);
  });

  it('refuses a file in a legacy code page, naming the line, instead of reading it as mojibake', () => {
    const bytes = utf8('name;unit;official\nA;B;a@danang.gov.vn\n');
    const latin = new Uint8Array([...bytes, ...[0x4e, 0x67, 0x75, 0x79, 0xea, 0x6e, 0x3b, 0x42, 0x3b, 0x62, 0x40, 0x64, 0x61, 0x6e, 0x61, 0x6e, 0x67, 0x2e, 0x67, 0x6f, 0x76, 0x2e, 0x76, 0x6e, 0x0a]]);
    const r = parseDirectorySource(latin, { isOfficial });
    expect(r.entries).toEqual([]);
    expect(r.errors).toMatchObject([{ row: 3, problem: 'encoding' }]);
  });

  it('reads a JSON export and says which entry is wrong', () => {
    const r = parseDirectorySource(utf8(JSON.stringify([ANH, { name: 'X Y Z', unit: 'U', official: 'nope' }])), { isOfficial });
    expect(r.entries).toEqual([ANH]);
    expect(r.errors).toMatchObject([{ row: 2, problem: 'bad-address', message: 'entry 2: "nope" is not an e-mail address' }]);
  });

  it('says the header lacks its columns, and that an empty file lists nobody', () => {
    expect(parseDirectorySource(utf8('a;b;c\n1;2;3\n'), { isOfficial }).errors[0]!.problem).toBe('no-columns');
    for (const empty of [new Uint8Array(0), utf16le(''), utf8('Họ và tên;Địa chỉ công vụ\r\n')]) expect(parseDirectorySource(empty, { isOfficial }).errors).toMatchObject([{ problem: 'empty', message: 'the file lists nobody' }]);
  });
});

describe('compact file and lookups', () => {
  const entries: DirectoryEntry[] = [
    ANH,
    { name: 'Nguyễn Văn Anh', unit: 'Sở Y tế', official: 'anhnv1@danang.gov.vn', personal: [] },
    { name: 'Trần Thị Bình', unit: 'Sở Tài chính', official: 'binhtt@danang.gov.vn', personal: [] },
    { name: 'Lê Hà', unit: 'Sở Tư pháp', official: 'hal@danang.gov.vn', personal: [] },
    { name: 'Phạm Minh Đức', unit: 'Sở Y tế', official: 'ducpm@danang.gov.vn', personal: [] },
    { name: 'Phạm Minh Đức', unit: 'Sở Xây dựng', official: 'ducpm1@danang.gov.vn', personal: [] },
  ];
  const index = loadDirectory(parseCompactDirectory(serializeDirectory(compactDirectory(entries))));

  it('finds a person by an official or a listed personal address, in any case', () => {
    expect(index.byAddress('Anh.NguyenVan@Gmail.com')).toEqual({ name: 'Nguyễn Văn Ánh', unit: 'Sở Nội vụ', official: 'anhnv@danang.gov.vn', via: 'address' });
    expect(index.byAddress('binhtt@danang.gov.vn')?.name).toBe('Trần Thị Bình');
    expect(index.byAddress('someone@gmail.com')).toBeUndefined();
  });

  it('matches a name in any order and case, and without diacritics only when one person carries it', () => {
    expect(index.byName('Bình Trần Thị')?.official).toBe('binhtt@danang.gov.vn');
    expect(index.byName('tran thi binh')?.official).toBe('binhtt@danang.gov.vn');
    // "Ánh" and "Anh" fold alike: typed without diacritics the name is ambiguous …
    expect(index.byName('nguyen van anh')).toBeUndefined();
    // … with them, each singles out its own person.
    expect(index.byName('Ánh Nguyễn Văn')?.official).toBe('anhnv@danang.gov.vn');
    expect(index.byName('Nguyễn Văn Anh')?.official).toBe('anhnv1@danang.gov.vn');
    // Two people with the same full name: nobody is suggested.
    expect(index.byName('Phạm Minh Đức')).toBeUndefined();
    // Two syllables are too common to single anyone out.
    expect(index.byName('Lê Hà')).toBeUndefined();
    // Diacritics that are not the listed person's are another name.
    expect(index.byName('Trần Thị Bính')).toBeUndefined();
  });

  it('changes its revision when a row changes, and keeps it when nothing does', () => {
    const a = compactDirectory(entries);
    expect(compactDirectory(entries).revision).toBe(a.revision);
    expect(compactDirectory([...entries.slice(1), { ...ANH, unit: 'Sở Y tế' }]).revision).not.toBe(a.revision);
  });

  it('refuses a file that is not a directory', () => {
    expect(() => parseCompactDirectory('{"format":"x"}')).toThrow(/not a Công Vụ Guard directory/);
    expect(() => parseCompactDirectory('<html>')).toThrow(/not JSON/);
  });

  it('holds a real-size directory: 50,000 generated people, every one found by address', () => {
    const big = sampleDirectory(50_000);
    const parsed = parseDirectorySource(utf8(JSON.stringify(big)), { isOfficial });
    expect(parsed.errors).toEqual([]);
    const idx = loadDirectory(parseCompactDirectory(serializeDirectory(compactDirectory(parsed.entries))));
    expect(idx.size).toBe(50_000);
    const missed = big.filter((e) => idx.byAddress(e.official)?.name !== e.name || e.personal.some((p) => idx.byAddress(p)?.official !== e.official));
    expect(missed).toEqual([]);
    // Common names repeat in a real-size list, and are then never suggested by name alone.
    const counts = new Map<string, number>();
    for (const e of big) counts.set(nameKeys(e.name).folded, (counts.get(nameKeys(e.name).folded) ?? 0) + 1);
    const repeated = big.find((e) => counts.get(nameKeys(e.name).folded)! > 1 && nameKeys(e.name).syllables >= 3)!;
    expect(idx.byName(nameKeys(repeated.name).folded)).toBeUndefined();
  });
});
