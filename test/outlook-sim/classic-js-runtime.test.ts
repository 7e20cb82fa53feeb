// Issue 9 item 2: classic Outlook runs launch events and integrated spam reporting in a
// JavaScript-only runtime with no `location`. The launch-event script is taken from the folder
// `congvu-guard policy build --addin-url` writes (as IT copies it to its web server), served from
// that folder, and run there (js-runtime.ts) at Mailbox 1.12 (no Office.context.urls: the base
// URL baked in by the kit) and 1.14 (Office.context.urls.javascriptRuntimeUrl).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLERS } from '../../outlook-addin/handler-names';
import { runInJsRuntime, serverFetch, type WebServer } from './js-runtime';
import { ROOT } from './serve';
import { mailWith } from '../fixtures/mail';

const MB = 1024 * 1024;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const BASE = 'https://mail.danang.gov.vn/congvu-guard/';
const SPAM_ADDRESS = 'baocaothurac@stttt.danang.gov.vn';

let dir: string;
let folder: string;
let script: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'congvu-classic-'));
  const overrides = join(dir, 'overrides.json');
  writeFileSync(overrides, JSON.stringify({ attachmentMaxFileMB: 5, spamReportAddress: SPAM_ADDRESS }));
  const out = join(dir, 'kit');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/congvu-guard.js'), 'policy', 'build', '--preset', 'danang', '--policy', overrides, '--addin-url', BASE, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`policy build failed: ${r.stderr}`);
  folder = join(out, 'outlook-addin');
  script = readFileSync(join(folder, 'launchevent.js'), 'utf8');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const work = { subject: 'V/v báo cáo quý IV', to: ['vanphong@danang.gov.vn'], body: 'Kính gửi Văn phòng UBND thành phố,\nXin gửi báo cáo.' };
const eightMb = { ...work, attachments: [{ id: 'a1', name: 'bien-ban-hop.pdf', contentType: 'application/pdf', size: 8 * MB, content: 'AAAA' }] };
const compose = (sets: string, item: object, extra: object = {}) => ({ mode: 'compose', supportedSets: { Mailbox: sets }, latencyMs: 5, item, ...extra });

async function send(sim: Record<string, unknown>, server: WebServer) {
  const { record, globals } = await runInJsRuntime({ script, sim, handler: HANDLERS.messageSend, fetch: serverFetch(server) });
  expect(globals).toMatchObject({ window: 'undefined', document: 'undefined', location: 'undefined', self: 'undefined' });
  expect(record.calls).toHaveLength(1);
  return record.calls[0]![0] as { allowEvent: boolean; errorMessage?: string };
}

describe('the kit’s launchevent.js in classic Outlook’s JavaScript-only runtime', () => {
  it('Mailbox 1.12: finds policy.json through the baked base URL and stops an 8 MB file at the policy’s 5 MB', async () => {
    const server: WebServer = { sites: { [BASE]: folder }, requests: [] };
    const done = await send(compose('1.12', eightMb), server);
    expect(server.requests).toEqual([`${BASE}policy.json`]);
    expect(done.allowEvent).toBe(false);
    expect(done.errorMessage).toContain('bien-ban-hop.pdf');
    expect(done.errorMessage).toContain('5 MB');
  });

  it('Mailbox 1.14: finds policy.json beside Office.context.urls.javascriptRuntimeUrl, even after the folder moved', async () => {
    const moved = 'https://congvu.danang.gov.vn/addin/';
    const server: WebServer = { sites: { [moved]: folder }, requests: [] };
    const done = await send(compose('1.14', eightMb, { javascriptRuntimeUrl: `${moved}launchevent.js` }), server);
    expect(server.requests).toEqual([`${moved}policy.json`]);
    expect(done.allowEvent).toBe(false);
    expect(done.errorMessage).toContain('5 MB');
  });

  it('a fresh policy.json wins over the snapshot: IT lowered the limit to 3 MB on the server after building the kit', async () => {
    const edited = mkdtempSync(join(dir, 'edited-'));
    writeFileSync(join(edited, 'policy.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(folder, 'policy.json'), 'utf8')), attachmentMaxFileMB: 3 }));
    const server: WebServer = { sites: { [BASE]: edited }, requests: [] };
    // 4 MB: under the snapshot's 5 MB and the default 20 MB, over the fresh 3 MB.
    const done = await send(compose('1.12', { ...work, attachments: [{ id: 'a4', name: 'to-trinh.docx', contentType: 'application/octet-stream', size: 4 * MB, content: 'AAAA' }] }), server);
    expect(done.allowEvent).toBe(false);
    expect(done.errorMessage).toContain('3 MB');
  });

  it('server down: the baked snapshot still stops the 8 MB file, and the info bar says the packaged policy is in use', async () => {
    const server: WebServer = { sites: { [BASE]: folder }, requests: [], down: true };
    const done = await send(compose('1.12', eightMb), server);
    expect(done.allowEvent).toBe(false);
    expect(done.errorMessage).toContain('5 MB');

    const { record, state } = await runInJsRuntime({ script, sim: compose('1.12', eightMb), handler: HANDLERS.newMessageCompose, fetch: serverFetch(server) });
    expect(record.calls).toHaveLength(1);
    const bars = Object.values(state.notifications).map((n) => n.message);
    expect(bars).toContain('Công Vụ Guard chưa tải được chính sách mới nhất nên đang dùng bản chính sách cơ quan đóng gói sẵn. Anh/chị có thể báo bộ phận CNTT.');
  });

  it('reads an attached docx in the JavaScript-only runtime: the reading stack, loaded on the first read, finds its Gmail contact', async () => {
    // launchevent.js builds its readers only when a file must be read (issue 11): that path
    // must work where there is no DOM, no location and nothing from an earlier event.
    const docx = readFileSync(join(ROOT, 'test/fixtures/docs/cong-van-lien-he-gmail.docx')).toString('base64');
    const server: WebServer = { sites: { [BASE]: folder }, requests: [] };
    const item = { ...work, attachments: [{ id: 'd1', name: 'cong-van.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: docx }] };
    const done = await send(compose('1.12', item), server);
    expect(done.allowEvent).toBe(false);
    expect(done.errorMessage).toContain('cong-van.docx');
    expect(done.errorMessage).toContain('nguyenvana@gmail.com');
  });

  // An attached e-mail is parsed by postal-mime, which gathers every decoded part in a Blob and
  // decodes its text with TextDecoder. The runtime gives neither: before launchevent.js brought
  // its own Blob, each one was "not checked here", whatever it held.
  const eml = (name: string, bytes: Uint8Array) => ({ id: `e-${name}`, name, contentType: 'message/rfc822', content: Buffer.from(bytes).toString('base64') });

  it('reads an attached e-mail where the runtime has no Blob: a forwarded mail carrying a secret docx stops the send and names the file inside it', async () => {
    const forwarded = mailWith('Kinh gui anh chi, gui kem cong van.', [['cong-van-mat.docx', DOCX_TYPE, readFileSync(join(ROOT, 'test/fixtures/docs/cong-van-mat.docx'))]]);
    const server: WebServer = { sites: { [BASE]: folder }, requests: [] };
    const { record, given } = await runInJsRuntime({ script, sim: compose('1.12', { ...work, attachments: [eml('thu-chuyen-tiep.eml', Buffer.from(forwarded))] }), handler: HANDLERS.messageSend, fetch: serverFetch(server) });
    expect(given).toMatchObject({ Blob: 'undefined', FileReader: 'undefined', TextDecoder: 'undefined', TextEncoder: 'undefined', URL: 'undefined' });
    const done = record.calls[0]![0] as { allowEvent: boolean; errorMessage?: string; sendModeOverride?: string };
    expect(done.allowEvent).toBe(false);
    expect(done.errorMessage).toContain('Tệp “thu-chuyen-tiep.eml › cong-van-mat.docx” có dấu độ mật “MẬT”');
    expect(done.errorMessage).not.toContain('Chưa kiểm tra được');
    // A block, not the "review and send anyway" prompt of a file that could not be read.
    expect(done.sendModeOverride).toBeUndefined();
  });

  it('reads mail made by others (postal-mime’s bounce, mailparser’s spam sample) to the end there: nothing to say, the send goes', async () => {
    const server: WebServer = { sites: { [BASE]: folder }, requests: [] };
    const attachments = ['postal-mime-bounce.eml', 'mailparser-spam.eml'].map((name) => eml(name, readFileSync(join(ROOT, 'test/fixtures/third-party', name))));
    const { record, state } = await runInJsRuntime({ script, sim: compose('1.12', { ...work, attachments }), handler: HANDLERS.messageSend, fetch: serverFetch(server) });
    // Each mail's content was fetched, and none is left unread: a skipped file would not be asked for.
    const fetched = (state.calls as { name: string; args: unknown[] }[]).filter((c) => c.name === 'getAttachmentContentAsync').map((c) => c.args[0]);
    expect(fetched.sort()).toEqual(attachments.map((a) => a.id).sort());
    expect(record.calls).toEqual([[{ allowEvent: true }]]);
  });

  it('says an attached docx whose text part has a DOCTYPE was not checked there, and points to the pane', async () => {
    // Office never writes a DOCTYPE; the launch file reads office parts with the XML scanner
    // alone (no saxes, issue 11), so such a part makes the file unreadable there, said as such.
    const files = unzipSync(readFileSync(join(ROOT, 'test/fixtures/docs/cong-van-lien-he-gmail.docx')));
    const xml = strFromU8(files['word/document.xml']!);
    files['word/document.xml'] = strToU8(xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}<!DOCTYPE w:document>`));
    const server: WebServer = { sites: { [BASE]: folder }, requests: [] };
    const item = { ...work, attachments: [{ id: 'd2', name: 'co-doctype.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: Buffer.from(zipSync(files)).toString('base64') }] };
    const done = await send(compose('1.12', item), server);
    expect(done.allowEvent).toBe(false);
    expect(done.errorMessage).toContain('Chưa kiểm tra được nội dung tệp “co-doctype.docx”');
    expect(done.errorMessage).not.toContain('nguyenvana@gmail.com');
  });

  const mime = ['From: "Khuyen mai" <bulk@evil.example>', 'To: canbo@danang.gov.vn', 'Subject: Trung thuong', 'Message-ID: <spam-9@evil.example>', '', 'Bam vao day.', ''].join('\r\n');
  const reportSpam = (server: WebServer) =>
    runInJsRuntime({
      script,
      sim: { mode: 'read', supportedSets: { Mailbox: '1.14' }, javascriptRuntimeUrl: `${BASE}launchevent.js`, item: { subject: 'Trung thuong', mime, from: 'bulk@evil.example', to: ['canbo@danang.gov.vn'] } },
      handler: HANDLERS.reportSpam,
      extra: { type: 'SpamReporting', options: [], freeText: 'Lừa đảo' },
      fetch: serverFetch(server),
    });

  it('integrated spam reporting (Mailbox 1.14) reports to the policy’s spamReportAddress', async () => {
    const server: WebServer = { sites: { [BASE]: folder }, requests: [] };
    const { record, state } = await reportSpam(server);
    expect(server.requests).toEqual([`${BASE}policy.json`]);
    expect(record.calls).toHaveLength(1);
    expect(state.sent).toHaveLength(1);
    expect(state.sent[0]!.to).toEqual([SPAM_ADDRESS]);
    expect(state.sent[0]!.attachments[0]!.contentType).toBe('message/rfc822');
    expect(record.calls[0]![0]).toMatchObject({ onErrorDeleteItem: false, showPostProcessingDialog: { description: expect.stringContaining(SPAM_ADDRESS) } });
  });

  it('integrated spam reporting with the server down still reports to the snapshot’s address', async () => {
    const { record, state } = await reportSpam({ sites: { [BASE]: folder }, requests: [], down: true });
    expect(record.calls).toHaveLength(1);
    expect(state.sent.map((m) => m.to)).toEqual([[SPAM_ADDRESS]]);
  });
});
