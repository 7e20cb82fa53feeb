// End to end: the built command, run as IT and clerks run it, on real files.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../core/encoding';
import { encodeCp1258 } from '../test/fixtures/docs/cp1258';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/congvu-guard.js');
const fixtures = join(root, 'test/fixtures/docs');

function run(args: string[], input?: string | Uint8Array, timeout = 120_000) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', timeout });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonReport {
  files: Array<{ path: string; pathBase64?: string; findings: Array<{ rule: string; severity: string; message: string; citation: string; addresses?: string[] }>; error?: string }>;
  skipped: Array<{ path: string; pathBase64?: string; reason: string; code?: string }>;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'congvu-cli-'));
});

describe('congvu-guard scan', () => {
  it('prints exactly one JSON document naming the public contacts of each file, and exits 1', () => {
    const r = run(['scan', '--json', '--preset', 'danang', join(fixtures, 'cong-van-lien-he-gmail.docx'), join(fixtures, 'cong-van-sach.docx')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.files.map((f) => f.path)).toEqual([join(fixtures, 'cong-van-lien-he-gmail.docx'), join(fixtures, 'cong-van-sach.docx')]);
    const [flagged, clean] = report.files;
    const contact = flagged!.findings.find((f) => f.rule === 'public-contact-in-document');
    expect(contact?.severity).toBe('warn');
    expect(contact?.addresses).toEqual(expect.arrayContaining(['nguyenvana@gmail.com', 'lienhe.ubnd@yahoo.com.vn']));
    expect(contact?.citation).toBe('Mục 1c, Chỉ thị 06/CT-UBND ngày 27/5/2014 của Chủ tịch UBND thành phố Đà Nẵng');
    expect(contact?.message).toContain('cong-van-lien-he-gmail.docx');
    // An official letter with no digital signature: Đà Nẵng's preset says the unit signs (Art. 6.4).
    expect(clean!.findings.map((f) => [f.rule, f.severity])).toEqual([['unsigned-document', 'nudge']]);
    expect(clean!.error).toBeUndefined();
  });

  it('walks folders, speaks Vietnamese by default and English on request', () => {
    const vi = run(['scan', '--preset', 'danang', join(root, 'samples')]);
    expect(vi.code).toBe(1);
    expect(vi.out).toContain('Văn bản ghi địa chỉ thư công cộng');
    expect(vi.out).toMatch(/Đã kiểm tra 6 tệp: \d tệp có phát hiện, 0 tệp không đọc được\./);
    expect(vi.out).toBe(vi.out.normalize('NFC'));
    const en = run(['scan', '--lang', 'en', '--preset', 'danang', join(root, 'samples')]);
    expect(en.out).toContain('Public contact in a document');
    expect(en.out).toMatch(/6 files checked/);
  });

  it('exits 0 and says so when nothing is found', () => {
    const r = run(['scan', join(fixtures, 'cong-van-sach.docx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Không có phát hiện nào.');
  });

  it('takes no recipient of a received mail for its contact point: third-party mails to Gmail, web.de, Fastmail', () => {
    const mails = ['mailparser-delivery-status.eml', 'mailparser-simple.eml', 'mailparser-spam.eml', 'postal-mime-bounce.eml'];
    const r = run(['scan', '--json', '--preset', 'danang', ...mails.map((m) => join(root, 'test/fixtures/third-party', m))]);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.files.map((f) => [f.path.split('/').pop(), f.findings.flatMap((x) => x.addresses ?? []), f.error])).toEqual([
      ['mailparser-delivery-status.eml', [], undefined],
      ['mailparser-simple.eml', [], undefined],
      ['mailparser-spam.eml', [], undefined],
      ['postal-mime-bounce.eml', [], undefined],
    ]);
    expect(r.code).toBe(0);
  });

  it('reports unreadable files clearly and goes on with the rest', () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'hong.docx'), new Uint8Array(4096).map((_, k) => (k * 7919) % 251));
    // A zip bomb: one entry that inflates to 300 MB, over every bound.
    writeFileSync(join(folder, 'bom.docx'), zipSync({ '[Content_Types].xml': new Uint8Array(10), 'word/document.xml': new Uint8Array(300 * 1024 * 1024) }, { level: 9 }));
    copyFileSync(join(fixtures, 'cong-van-lien-he-gmail.docx'), join(folder, 'that.docx'));
    const r = run(['scan', '--json', folder]);
    const report = JSON.parse(r.out) as JsonReport;
    const byName: Record<string, JsonReport['files'][number]> = Object.fromEntries(report.files.map((f) => [f.path.split('/').pop(), f]));
    expect(byName['hong.docx']?.error).toMatch(/^Không đọc được tệp này: /);
    expect(byName['bom.docx']?.error).toContain('bom nén');
    expect(byName['that.docx']?.findings.some((f) => f.rule === 'public-contact-in-document')).toBe(true);
    expect(r.code).toBe(1);
    // Deflating the 300 MB bomb alone takes half a minute on a busy shared machine.
  }, 180_000);

  it('does not read a 200 MB file, but still says it is too large to send', () => {
    const big = join(dir, 'ho-so-lon.pdf');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const r = run(['scan', '--json', '--preset', 'danang', big]);
    const [file] = (JSON.parse(r.out) as JsonReport).files;
    expect(file?.error).toContain('100 MB');
    expect(file?.findings.map((f) => f.rule)).toEqual(['attachment-size']);
  });

  it('treats a bad command line as a usage error', () => {
    expect(run([]).code).toBe(2);
    expect(run(['scan']).code).toBe(2);
    expect(run(['scan', '--preset', 'hanoi', fixtures]).code).toBe(2);
    const missing = run(['scan', join(dir, 'khong-co')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or folder');
    expect(run(['scan', '--bogus', fixtures]).code).toBe(2);
  });

  it('names the bad fields of a policy file and scans with safe values for them', () => {
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ authority: 'danang', attachmentMaxFileMB: 'hai mươi', rules: { 'public-contact-in-document': 'block' } }));
    const r = run(['scan', '--json', '--policy', policy, join(fixtures, 'cong-van-lien-he-gmail.docx')]);
    expect(r.err).toContain('attachmentMaxFileMB');
    const [file] = (JSON.parse(r.out) as JsonReport).files;
    expect(file?.findings.find((f) => f.rule === 'public-contact-in-document')?.severity).toBe('block');
  });
});

describe('congvu-guard scan of e-mail', () => {
  // postal-mime's decoders are bundled with PartsBlob (scripts/postal-mime-blob.ts), since Node's
  // Blob is slow to build from one piece per line (bench/large-mail.bench.ts). Here Node's Blob
  // cannot be constructed at all: the mail and what is attached to it must still be read.
  it('reads a mail and the document attached to it without constructing Node\'s Blob', () => {
    const noBlob = join(dir, 'no-blob.cjs');
    writeFileSync(noBlob, "globalThis.Blob = class Blob { constructor() { throw new Error('Node Blob constructed'); } };\n");
    const mail = join(fixtures, 'thu-dinh-kem-cong-van.eml');
    const r = spawnSync(process.execPath, ['--require', noBlob, bin, 'scan', '--json', '--preset', 'danang', mail], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files[0]!.error).toBeUndefined();
    const contact = report.files[0]!.findings.find((f) => f.rule === 'public-contact-in-document');
    // Both addresses stand in the docx attached to the mail, none in its body.
    expect(contact?.addresses).toEqual(expect.arrayContaining(['nguyenvana@gmail.com', 'lienhe.ubnd@yahoo.com.vn']));
    expect(r.status).toBe(1);
  });
});

describe('congvu-guard scan of a folder', () => {
  const gmailDocx = join(fixtures, 'cong-van-lien-he-gmail.docx');
  const nameOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);

  it('reads every name the reader reads, dot-files and names with a trailing space, and lists the rest with why', () => {
    const folder = join(dir, 'kinds');
    mkdirSync(folder);
    copyFileSync(gmailDocx, join(folder, 'mau-cong-van.dotm'));
    copyFileSync(join(fixtures, 'bao-cao-hoi-nghi.pptx'), join(folder, 'trinh-chieu.ppsx'));
    copyFileSync(join(fixtures, 'bao-cao-hoi-nghi.pptx'), join(folder, 'bao-cao-macro.pptm'));
    copyFileSync(join(fixtures, 'cong-van-lien-he-gmail.odt'), join(folder, 'mau.ott'));
    copyFileSync(join(fixtures, 'thu-dinh-kem-cong-van.eml'), join(folder, 'thu-luu.mht'));
    copyFileSync(gmailDocx, join(folder, '.cong-van-an.docx'));
    copyFileSync(gmailDocx, join(folder, 'cong van cuoi.docx '));
    copyFileSync(join(root, 'extension/icons/16.png'), join(folder, 'con-dau.png'));
    writeFileSync(join(folder, '~$mau-cong-van.dotm'), new Uint8Array(162));
    const r = run(['scan', '--json', folder]);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.files.map((f) => nameOf(f.path)).sort()).toEqual(
      ['.cong-van-an.docx', 'bao-cao-macro.pptm', 'cong van cuoi.docx ', 'mau-cong-van.dotm', 'mau.ott', 'thu-luu.mht', 'trinh-chieu.ppsx'].sort(),
    );
    for (const f of report.files) expect(f.findings.some((x) => x.rule === 'public-contact-in-document'), f.path).toBe(true);
    expect(Object.fromEntries(report.skipped.map((s) => [nameOf(s.path), s.reason]))).toEqual({
      'con-dau.png': 'not-a-document',
      '~$mau-cong-van.dotm': 'office-lock-file',
    });
    const text = run(['scan', '--lang', 'en', folder]);
    expect(text.out).toContain('2 skipped, not checked:');
    expect(text.out).toContain(`○ ${join(folder, 'con-dau.png')} — not a kind of file that can be checked`);
    expect(text.out).toContain('7 files checked: 7 with findings');
  });

  it('lists an unreadable kind of file in a folder but exits 0 when nothing else is found (README: exit codes)', () => {
    const folder = join(dir, 'clean-and-image');
    mkdirSync(folder);
    copyFileSync(join(fixtures, 'cong-van-sach.docx'), join(folder, 'cong-van-sach.docx'));
    copyFileSync(join(root, 'extension/icons/16.png'), join(folder, 'anh-chup.png'));
    const r = run(['scan', folder]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 mục bị bỏ qua, không được kiểm tra:');
    expect(r.out).toContain('anh-chup.png — không phải loại tệp kiểm tra được');
  });

  it('opens no named pipe, socket, device or link to one, and finishes within seconds', async () => {
    const folder = join(dir, 'special');
    mkdirSync(folder);
    copyFileSync(gmailDocx, join(folder, 'cong-van.docx'));
    expect(spawnSync('mkfifo', [join(folder, 'ong-dan.txt')]).status).toBe(0);
    symlinkSync(join(folder, 'ong-dan.txt'), join(folder, 'lien-ket-ong.txt'));
    symlinkSync('vong-b.txt', join(folder, 'vong-a.txt'));
    symlinkSync('vong-a.txt', join(folder, 'vong-b.txt'));
    symlinkSync(folder, join(folder, 'chinh-no'));
    symlinkSync('/dev/zero', join(folder, 'thiet-bi.txt'));
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(join(folder, 'o-cam.eml'), resolve));
    try {
      const started = Date.now();
      // A scan that opened the pipe would block here until spawnSync's timeout kills it.
      const r = run(['scan', '--json', folder], undefined, 30_000);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out) as JsonReport;
      expect(report.files.map((f) => nameOf(f.path))).toEqual(['cong-van.docx']);
      expect(report.skipped.map((s) => [nameOf(s.path), s.reason, s.code])).toEqual([
        ['chinh-no', 'folder-link', undefined],
        ['lien-ket-ong.txt', 'not-a-regular-file', undefined],
        ['o-cam.eml', 'not-a-regular-file', undefined],
        ['ong-dan.txt', 'not-a-regular-file', undefined],
        ['thiet-bi.txt', 'not-a-regular-file', undefined],
        ['vong-a.txt', 'broken-link', 'ELOOP'],
        ['vong-b.txt', 'broken-link', 'ELOOP'],
      ]);
      // Named on the command line, a pipe is not opened either, and counts as not read.
      const named = run(['scan', '--json', join(folder, 'ong-dan.txt')], undefined, 30_000);
      expect(named.code).toBe(1);
      expect((JSON.parse(named.out) as JsonReport).skipped).toEqual([{ path: join(folder, 'ong-dan.txt'), reason: 'not-a-regular-file' }]);
    } finally {
      server.close();
    }
  });

  it('reads a file whose name is not UTF-8 (TCVN3) and keeps its exact bytes in the JSON', () => {
    const folder = join(dir, 'tcvn3-names');
    mkdirSync(folder);
    // "Báo cáo" typed on a TCVN3 system: á is the single byte 0xB8.
    const name = Buffer.from([0x42, 0xb8, 0x6f, 0x20, 0x63, 0xb8, 0x6f, 0x2e, 0x64, 0x6f, 0x63, 0x78]);
    const raw = Buffer.concat([Buffer.from(`${folder}/`), name]);
    copyFileSync(gmailDocx, raw);
    const r = run(['scan', '--json', folder]);
    expect(r.code).toBe(1);
    const [file] = (JSON.parse(r.out) as JsonReport).files;
    expect(file?.error).toBeUndefined();
    expect(file?.path).toBe(`${folder}/B\\xB8o c\\xB8o.docx`);
    expect(Buffer.from(file?.pathBase64 ?? '', 'base64').equals(raw)).toBe(true);
    expect(file?.findings.some((f) => f.rule === 'public-contact-in-document')).toBe(true);
    expect(run(['scan', folder]).out).toContain(`${folder}/B\\xB8o c\\xB8o.docx`);
  });

  it('never prints a file name’s ESC, CR or BS raw to the terminal', () => {
    const folder = join(dir, 'control-names');
    mkdirSync(folder);
    copyFileSync(gmailDocx, join(folder, 'bao\u001b[2J\u001b[31mcao\rxoa\b.docx'));
    const text = run(['scan', folder]);
    // eslint-disable-next-line no-control-regex
    expect(text.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text.out).toContain('bao\\u001b[2J\\u001b[31mcao\\rxoa\\b.docx');
    const json = JSON.parse(run(['scan', '--json', folder]).out) as JsonReport;
    expect(json.files[0]?.path).toBe(join(folder, 'bao\u001b[2J\u001b[31mcao\rxoa\b.docx'));
  });
});

describe('congvu-guard convert-text', () => {
  const sentence = 'Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc';

  it('converts TCVN3 bytes on standard input to NFC Unicode', () => {
    const legacy = encodeLegacy(sentence, 'tcvn3');
    const bytes = Uint8Array.from(legacy, (c) => c.charCodeAt(0));
    const r = run(['convert-text'], bytes);
    expect(r.code).toBe(0);
    expect(r.out).toBe(sentence);
  });

  it('decodes text in the Windows-1258 code page', () => {
    expect(run(['convert-text'], encodeCp1258(sentence)).out).toBe(sentence);
  });

  it('converts VNI text that arrives as UTF-8 mojibake, and leaves Unicode alone', () => {
    expect(run(['convert-text'], encodeLegacy(sentence, 'vni')).out).toBe(sentence);
    expect(run(['convert-text'], `${sentence}\nL'été à Nîmes.`).out).toBe(`${sentence}\nL'été à Nîmes.`);
  });
});

describe('congvu-guard policy', () => {
  it('validates a good file with exit 0 and a bad one with the field named', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ authority: 'danang', officialDomains: ['danang.gov.vn'] }));
    expect(run(['policy', 'validate', good]).code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"spamReportAddress": "chanthurac", "rules": {"attachment-size": "loud"}}');
    const r = run(['policy', 'validate', '--json', bad]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { valid: boolean; errors: Array<{ field: string }> };
    expect(out.valid).toBe(false);
    expect(out.errors.map((e) => e.field)).toEqual(['spamReportAddress', 'rules.attachment-size']);
    writeFileSync(bad, '{ not json');
    expect(run(['policy', 'validate', bad]).out).toContain('không phải JSON hợp lệ');
  });

  it('builds the deployment kit, validating each file, and names a bad override', () => {
    const out = join(dir, 'kit');
    const r = run(['policy', 'build', '--preset', 'danang', '--addin-url', 'https://mail.danang.gov.vn/congvu-guard/', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${out}/windows/congvu-guard-chrome-edge.reg`);
    expect(r.out).toContain(`${out}/outlook-addin/manifest.xml`);
    expect(readFileSync(join(out, 'outlook-addin/manifest.xml'), 'utf8')).toContain('https://mail.danang.gov.vn/congvu-guard/');
    // The folder IT copies as it is: the add-in's files with the base URL baked into the launch script.
    for (const p of ['launchevent.js', 'commands.html', 'compose.js', 'read.js', 'office-js/office.js', 'assets/icon-80.png', 'policy.json']) expect(existsSync(join(out, 'outlook-addin', p)), p).toBe(true);
    expect(readFileSync(join(out, 'outlook-addin/launchevent.js'), 'utf8')).toMatch(/^var __congvuGuardHosting = \{"baseUrl":"https:\/\/mail\.danang\.gov\.vn\/congvu-guard\/","policy":\{"authority":"danang"/);
    const bad = join(dir, 'overrides.json');
    writeFileSync(bad, JSON.stringify({ attachmentMaxFileMB: 'hai mươi', officialDomains: ['danang.gov.vn', 'sai tên miền'] }));
    const refused = run(['policy', 'build', '--preset', 'danang', '--policy', bad, '--out', join(dir, 'kit-bad')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('attachmentMaxFileMB');
    expect(refused.err).toContain('officialDomains[1]');
    expect(existsSync(join(dir, 'kit-bad'))).toBe(false);
    expect(run(['policy', 'build', '--preset', 'danang', '--addin-url', 'http://plain.example/', '--out', join(dir, 'kit-http')]).code).toBe(2);
  });

  it('--azure-app-id writes naa.json for nested app authentication (no WebApplicationInfo); a bad one is a usage error naming the flag', () => {
    const appId = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    const out = join(dir, 'kit-sso');
    const r = run(['policy', 'build', '--preset', 'danang', '--addin-url', 'https://addin.example.gov.vn/congvu-guard/', '--azure-app-id', appId, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'outlook-addin/naa.json'), 'utf8'))).toEqual({ clientId: appId });
    expect(readFileSync(join(out, 'outlook-addin/manifest.xml'), 'utf8')).not.toContain('WebApplicationInfo');
    expect(readFileSync(join(dir, 'kit', 'outlook-addin/manifest.xml'), 'utf8')).not.toContain('WebApplicationInfo');
    const bad = run(['policy', 'build', '--preset', 'danang', '--addin-url', 'https://addin.example.gov.vn/congvu-guard/', '--azure-app-id', 'not-a-guid', '--out', join(dir, 'kit-sso-bad')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--azure-app-id');
    expect(existsSync(join(dir, 'kit-sso-bad'))).toBe(false);
    const alone = run(['policy', 'build', '--preset', 'danang', '--azure-app-id', appId, '--out', join(dir, 'kit-sso-alone')]);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--addin-url');
  });

  it('--addin-url from a CLI bundle without the add-in files: a clear error naming the fix, nothing written', () => {
    // A copy of the bundle beside dist/cli (same node_modules and manifest.xml), minus outlook-addin/.
    const bare = mkdtempSync(join(root, 'dist', 'cli-bare-'));
    try {
      cpSync(join(root, 'dist/cli'), bare, { recursive: true, filter: (src) => !src.includes(`${join(root, 'dist/cli/outlook-addin')}`) });
      expect(existsSync(join(bare, 'outlook-addin'))).toBe(false);
      const out = join(dir, 'kit-no-addin');
      const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(bare, 'main.cjs'))}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; });`, 'policy', 'build', '--preset', 'danang', '--addin-url', 'https://mail.danang.gov.vn/congvu-guard/', '--out', out], { cwd: root, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('npm run build');
      expect(r.stderr).toContain(join(bare, 'outlook-addin'));
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('names a 5,000-deep array as one bad field instead of crashing, in validate, scan and build', () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{"officialDomains": ${'['.repeat(5000)}${']'.repeat(5000)}, "attachmentMaxFileMB": 15}`);
    const validate = run(['policy', 'validate', '--json', deep]);
    expect(validate.err).not.toContain('RangeError');
    expect(validate.code).toBe(1);
    const out = JSON.parse(validate.out) as { errors: Array<{ field: string; problem: string }>; policy: { attachmentMaxFileMB: number } };
    expect(out.errors.map((e) => [e.field, e.problem])).toEqual([['officialDomains', 'too-deep']]);
    expect(out.policy.attachmentMaxFileMB).toBe(15);
    const scan = run(['scan', '--json', '--policy', deep, join(fixtures, 'cong-van-lien-he-gmail.docx')]);
    expect(scan.code).toBe(1);
    expect(scan.err).not.toContain('RangeError');
    expect(scan.err).toContain('“officialDomains” lồng quá nhiều lớp');
    expect((JSON.parse(scan.out) as JsonReport).files[0]?.findings.some((f) => f.rule === 'public-contact-in-document')).toBe(true);
    const build = run(['policy', 'build', '--preset', 'danang', '--policy', deep, '--out', join(dir, 'kit-deep')]);
    expect(build.code).toBe(2);
    expect(build.err).toContain('officialDomains');
    expect(build.err).not.toContain('RangeError');
  });

  it('refuses rule names that are not rules (own "__proto__", "constructor", "toString") and writes no kit with them', () => {
    const file = join(dir, 'proto-rules.json');
    writeFileSync(file, '{"rules": {"__proto__": "off", "constructor": "warn", "toString": "block", "attachment-size": "warn"}}');
    const validate = run(['policy', 'validate', '--json', file]);
    expect(validate.code).toBe(1);
    const out = JSON.parse(validate.out) as { errors: Array<{ field: string }>; policy: { rules: Record<string, string> } };
    expect(out.errors.map((e) => e.field)).toEqual(['rules.__proto__', 'rules.constructor', 'rules.toString']);
    expect(Object.keys(out.policy.rules)).not.toContain('constructor');
    const build = run(['policy', 'build', '--preset', 'danang', '--policy', file, '--out', join(dir, 'kit-proto')]);
    expect(build.code).toBe(2);
    expect(build.err).toContain('rules.constructor');
    expect(existsSync(join(dir, 'kit-proto'))).toBe(false);
  });

  it('refuses risky overrides in policy build (exit 2, field named) and warns on likely mistakes', () => {
    const refused: Array<[object, string]> = [
      [{ officialDomains: ['danang.gov.vn', 'gmail.com'] }, 'officialDomains[1] (gmail.com is a public webmail domain'],
      [{ officialDomains: ['com.vn'] }, 'officialDomains[0] (com.vn is a public suffix'],
      [{ extraPublicDomains: ['gov.vn'] }, 'extraPublicDomains[0] (gov.vn is a government domain'],
      [{ spamReportAddress: 'baocao.spam@gmail.com' }, 'spamReportAddress (baocao.spam@gmail.com is a public mailbox'],
      [{ officialWebmailUrl: 'https://mail.danang.gov.vn@evil.com' }, 'officialWebmailUrl (The address carries a user name'],
      [{ officialWebmailUrl: 'https://mail.danang.gov.vn/\u202Emoc.live' }, 'officialWebmailUrl (The address contains invisible control'],
      [{ officialDomains: [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.gov.vn`] }, 'officialDomains[0] ('],
    ];
    for (const [overrides, named] of refused) {
      const file = join(dir, 'risky.json');
      writeFileSync(file, JSON.stringify(overrides));
      const out = join(dir, 'kit-risky');
      const r = run(['policy', 'build', '--preset', 'danang', '--policy', file, '--out', out]);
      expect(r.code, named).toBe(2);
      expect(r.err, named).toContain(named);
      expect(existsSync(out), named).toBe(false);
    }
    const warned = join(dir, 'warned.json');
    writeFileSync(warned, JSON.stringify({ officialDomains: ['danang.gov.vn', 'mail.danang.gov.vn'], spamReportAddress: 'abuse@vnpt.com.vn' }));
    const r = run(['policy', 'build', '--preset', 'danang', '--policy', warned, '--out', join(dir, 'kit-warned')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('xin kiểm tra lại “officialDomains[1]” = "mail.danang.gov.vn"');
    expect(r.err).toContain('xin kiểm tra lại “spamReportAddress” = "abuse@vnpt.com.vn"');
    expect(JSON.parse(readFileSync(join(dir, 'kit-warned', 'outlook-addin/policy.json'), 'utf8'))).toMatchObject({ spamReportAddress: 'abuse@vnpt.com.vn' });
    const validate = run(['policy', 'validate', '--json', warned]);
    expect(validate.code).toBe(0);
    expect((JSON.parse(validate.out) as { warnings: Array<{ field: string }> }).warnings.map((w) => w.field)).toEqual(['officialDomains[1]', 'spamReportAddress']);
  });

  it('prints the schema as JSON', () => {
    const schema = JSON.parse(run(['policy', 'schema']).out) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('officialDomains');
  });
});
