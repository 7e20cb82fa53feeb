// The scan shares files between the main thread (small files, under a tight budget) and
// workers (several files to a message). Wherever a file is read, the report is the one a
// worker alone would give: every file is reported, each failure with its own file.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAIN_THREAD } from './scan';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/congvu-guard.js');
const fixtures = join(root, 'test/fixtures/docs');

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ rule: string; addresses?: string[] }>; error?: string; notices?: Array<{ code: string }> }>;
}

function scan(...paths: string[]): { code: number | null; report: JsonReport } {
  const r = spawnSync(process.execPath, [bin, 'scan', '--json', '--preset', 'danang', ...paths], { cwd: root, encoding: 'utf8', timeout: 170_000, maxBuffer: 64 * 2 ** 20 });
  return { code: r.status, report: JSON.parse(r.stdout) as JsonReport };
}

const byName = (report: JsonReport) => Object.fromEntries(report.files.map((f) => [f.path.split('/').pop()!, f]));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'congvu-share-'));
});

describe('scan: files shared between the main thread and the workers', () => {
  it('reads in full a small docx that inflates past the main thread budget, and finds the address at its end', { timeout: 180_000 }, () => {
    // 20 MB of numbered letter lines, zipped into a few hundred KB (well under the ratio of a
    // bomb): small on disk, over the main thread's 16 MB.
    const parts = unzipSync(new Uint8Array(readFileSync(join(fixtures, 'cong-van-sach.docx'))));
    const xml = new TextDecoder().decode(parts['word/document.xml']);
    const filler = Array.from({ length: 100_000 }, (_, k) => `<w:p><w:r><w:t>Mục ${k}. Kính gửi các cơ quan, đơn vị trực thuộc Ủy ban nhân dân thành phố; đề nghị các đơn vị báo cáo kết quả triển khai trước ngày 30 hằng tháng.</w:t></w:r></w:p>`).join('');
    const contact = '<w:p><w:r><w:t>Liên hệ: vanthu.phuong@gmail.com</w:t></w:r></w:p>';
    parts['word/document.xml'] = strToU8(xml.replace('<w:body>', `<w:body>${filler}${contact}`));
    const file = join(dir, 'cong-van-dai.docx');
    writeFileSync(file, zipSync(parts, { level: 9 }));
    expect(statSync(file).size).toBeLessThan(MAIN_THREAD.maxBytes);
    expect(parts['word/document.xml']!.length).toBeGreaterThan(MAIN_THREAD.maxExpandedBytes);

    const { code, report } = scan(file);
    const [result] = report.files;
    expect(result?.error).toBeUndefined();
    expect(result?.findings.find((f) => f.rule === 'public-contact-in-document')?.addresses).toEqual(['vanthu.phuong@gmail.com']);
    expect(code).toBe(1);
  });

  it('a folder of small files read by the main thread and the workers: the damaged one is named, every other one is read', { timeout: 180_000 }, () => {
    const folder = join(dir, 'nhieu-van-ban');
    mkdirSync(folder);
    // Enough files for the workers to take batches of them beside the main thread.
    for (let k = 0; k < 60; k++) {
      const from = k % 2 === 0 ? 'cong-van-lien-he-gmail.docx' : 'cong-van-sach.docx';
      copyFileSync(join(fixtures, from), join(folder, `van-ban-${String(k).padStart(2, '0')}.docx`));
    }
    writeFileSync(join(folder, 'van-ban-31-hong.docx'), new Uint8Array(4096).map((_, k) => (k * 7919) % 251));
    const { code, report } = scan(folder);
    const files = byName(report);
    expect(Object.keys(files)).toHaveLength(61);
    expect(files['van-ban-31-hong.docx']?.error).toMatch(/^Không đọc được tệp này: /);
    for (let k = 0; k < 60; k++) {
      const f = files[`van-ban-${String(k).padStart(2, '0')}.docx`];
      expect(f?.error).toBeUndefined();
      expect(f?.notices).toBeUndefined();
      expect(f?.findings.some((x) => x.rule === 'public-contact-in-document')).toBe(k % 2 === 0);
    }
    expect(code).toBe(1);
  });
});
