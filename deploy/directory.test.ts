// policy build --directory: IT's export, as Excel in a Vietnamese locale saves it, becomes the
// hosted directory file, and the policy in every kit file names where it is hosted.
import { describe, expect, it } from 'vitest';
import { loadDirectory, parseCompactDirectory } from '../core/directory';
import { sampleDirectory } from '../core/directory/sample-directory.test-util';
import { directoryUrl } from './directory';
import { buildKit, KitError } from './kit';

const URL_OVERRIDE = 'https://addin.danang.gov.vn/congvu-guard/directory.json';

/** What Excel writes for "Unicode Text"/CSV in a vi-VN locale: UTF-16LE with a BOM, ";" between cells, CRLF. */
function excelVietnameseCsv(rows: string[][]): Uint8Array {
  const cell = (c: string) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = `${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let k = 0; k < text.length; k++) {
    bytes[2 + 2 * k] = text.charCodeAt(k) & 0xff;
    bytes[3 + 2 * k] = text.charCodeAt(k) >> 8;
  }
  return bytes;
}

const HEADER = ['Họ và tên', 'Đơn vị', 'Địa chỉ công vụ', 'Địa chỉ cá nhân'];
const people = sampleDirectory(5000, { personalShare: 0.1 });
const csv = excelVietnameseCsv([HEADER, ...people.map((p) => [p.name, p.unit, p.official.toUpperCase(), p.personal.join('; ')])]);

const text = (kit: ReturnType<typeof buildKit>, path: string) => {
  const f = kit.find((k) => k.path === path);
  if (!f) throw new Error(`no ${path}`);
  return typeof f.content === 'string' ? f.content : new TextDecoder('utf-16le').decode(f.content.subarray(2));
};

describe('policy build --directory', () => {
  it('turns Excel’s UTF-16 semicolon CSV into the hosted directory, and every policy file names its URL', () => {
    const kit = buildKit({ preset: 'danang', overrides: { officialDirectoryUrl: URL_OVERRIDE }, directory: { name: 'danh-ba.csv', bytes: csv } });
    const dir = parseCompactDirectory(text(kit, 'outlook-addin/directory.json'));
    expect(dir.count).toBe(5000);
    const index = loadDirectory(dir);
    const someone = people.find((p) => p.personal.length > 0)!;
    expect(index.byAddress(someone.personal[0]!)).toMatchObject({ name: someone.name, official: someone.official, unit: someone.unit });
    expect(JSON.parse(text(kit, 'outlook-addin/policy.json')).officialDirectoryUrl).toBe(URL_OVERRIDE);
    expect(text(kit, 'windows/congvu-guard-chrome-edge.reg')).toContain(`"officialDirectoryUrl"="${URL_OVERRIDE}"`);
    expect(text(kit, 'windows/admx/congvu-guard.admx')).toMatch(/<policy name="Chrome_officialDirectoryUrl"[^>]*>.*<text id="Chrome_officialDirectoryUrl" valueName="officialDirectoryUrl"/);
    expect(text(kit, 'windows/admx/vi-VN/congvu-guard.adml')).toContain('<string id="Edge_officialDirectoryUrl">Danh bạ địa chỉ công vụ (tệp do bộ triển khai tạo)</string>');
    const firefox = JSON.parse(text(kit, 'firefox/policies.json')) as { policies: { '3rdparty': { Extensions: Record<string, { officialDirectoryUrl: string }> } } };
    expect(Object.values(firefox.policies['3rdparty'].Extensions)[0]!.officialDirectoryUrl).toBe(URL_OVERRIDE);
    expect(text(kit, 'linux/chromium/congvu-guard.json')).toContain(URL_OVERRIDE);
    expect(text(kit, 'README.txt')).toContain('outlook-addin/directory.json');
  });

  it('stops with every bad row named, and writes nothing', () => {
    const bad = excelVietnameseCsv([
      HEADER,
      ['Nguyễn Văn Ánh', 'Sở Nội vụ', 'anhnv@danang.gov.vn', 'anh.nguyenvan@gmail.com'],
      ['Trần Thị Bình', 'Sở Tài chính', 'binhtt@danang,gov.vn', ''],
      ['Lê Văn Cường', 'Sở Y tế', 'anhnv@danang.gov.vn', ''],
      ['Phạm Thị Dung', 'Sở Y tế', 'dungpt@danang.gov.vn', 'dungpt@quangnam.gov.vn'],
    ]);
    let error: unknown;
    try {
      buildKit({ preset: 'danang', overrides: { officialDirectoryUrl: URL_OVERRIDE }, directory: { name: 'danh-ba.csv', bytes: bad } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KitError);
    expect((error as Error).message).toBe(
      [
        'the directory danh-ba.csv has 3 problems; nothing was written:',
        '  line 3: "binhtt@danang,gov.vn" is not an e-mail address',
        '  line 4: anhnv@danang.gov.vn is already listed on line 2',
        '  line 5: dungpt@quangnam.gov.vn is an official address, not a personal one',
      ].join('\n'),
    );
  });

  it('hosts the directory beside the add-in unless IT names another place, and needs one of the two', () => {
    expect(directoryUrl(undefined, 'https://mail.danang.gov.vn/congvu-guard')).toBe('https://mail.danang.gov.vn/congvu-guard/directory.json');
    expect(directoryUrl({ officialDirectoryUrl: URL_OVERRIDE }, 'https://mail.danang.gov.vn/congvu-guard/')).toBe(URL_OVERRIDE);
    expect(() => buildKit({ preset: 'danang', directory: { name: 'danh-ba.csv', bytes: csv } })).toThrow(/--directory needs --addin-url/);
  });

  it('leaves the directory out, and the field empty, when IT gives none', () => {
    const kit = buildKit({ preset: 'danang' });
    expect(kit.some((k) => k.path.endsWith('directory.json'))).toBe(false);
    expect(JSON.parse(text(kit, 'outlook-addin/policy.json')).officialDirectoryUrl).toBe('');
  });
});
