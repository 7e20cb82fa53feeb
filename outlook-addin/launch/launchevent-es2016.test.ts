// The launch-event file classic Outlook on Windows runs as is: one ES2016 script, no
// import/export, every handler defined by name, loadable in a bare global scope.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext, runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeLegacy } from '../../core/encoding';
import { buildAddin } from '../build';
import { ADDIN_FILES, HANDLERS } from '../handler-names';
import { fakeEvent, installFakeOffice, uninstallFakeOffice, type FakeOptions } from '../office/fake-office.test-util';
import { flateBomb, pdfWith } from '../../test/fixtures/docs/crafted';
import { LAUNCH_HANDLER_NAMES, makeHandlers } from './handlers';

// What the launch file's pdfjs stub does (build.ts), for the source handlers it is compared with.
vi.mock('pdfjs-dist/legacy/build/pdf.min.mjs', async () => {
  const { ExtractError } = await import('../../core/extract/limits');
  return {
    getDocument() {
      throw new ExtractError('unsupported', 'PDF is checked in the task pane');
    },
  };
});
vi.mock('pdfjs-dist/legacy/build/pdf.worker.min.mjs', () => ({}));

let dir: string;
let code: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cvg-addin-'));
  await buildAddin({ outDir: dir, copyOfficeJs: false });
  code = readFileSync(join(dir, ADDIN_FILES.launchEvent), 'utf8');
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Classic Outlook downloads and evaluates this file afresh for every event. It was 708 KB with
// the public-webmail list as an array literal and tldts and postal-mime built at load, 625 KB
// with the list grouped and the issue 13 and 14 rules in. Issue 11's second pass brought it to
// 401 KB: the list as hashes (139 → 48 KB), the suffix list as hashes (114 → 39 KB), only the
// messages the launch code names (63 → 31 KB), lowered \p{…} classes as characters (-14 KB).
// Issue 11 asks for 150 KB; what is still in (the readers, policy validation, the spam report,
// lowered regular expressions) is listed in the closing note. The faster check (the address
// extractor's stretch watch, firstLegacyRun) added 10 KB at the merge: 411 KB. The guard fails
// any growth back. Issue 11's third pass: 392 KB (tldts-core out, the suffix list walked on a
// host name's labels; json-schema's unused format checkers out; messages as JSON strings). At its
// merge, the edit-aware legacy check and the one-call zip inflate added 1.4 KB: 394 KB. Issue 11's fourth pass: the PDF bomb guard's one-call inflate and the
// encrypted-PDF embedded-file cap (+4.1 KB), the per-check address memo and the TextSink buffer:
// 399 KB. Stubbing the PDF reader here would save 17 KB but turn a PDF bomb at send into "checked
// in the task pane" instead of the zip-bomb notice; not done. Issue 11's fifth pass: the address
// list handed to the rules without per-address objects (+0.5 KB): 400 KB; the xlsx scanner is
// stubbed here (saxes reads every part at send, as before) to stay within it. Issue 11's sixth
// pass: 330 KB (409 → 338 KB): the policy schema's own checker for @cfworker/json-schema (-15.7
// KB); the XML scanner for every part and the EWS answers, saxes out (-17.4 KB; a part with a
// DOCTYPE is unreadable here); postal-mime's entity names for the characters a rule reads (-13.1
// KB); \p{L}/\p{M}/\p{N} carried once (-22 KB); message keys once (-3.2 KB). At the merge, a
// PDF's listed attachments read before its pages and Word styles read only when they may name a
// legacy font added 1.1 KB, the text survey shared by the legacy and address scans 1.3 KB, the
// one-call decoding of ASCII chunks 0.2 KB: 333 KB. Issue 11's seventh pass: 315 KB (340,179 →
// 321,284 B): detect.ts's non-ASCII letter class from the \p{L} text carried once (-6.2 KB); the
// PDF reader cut to the bomb guard it runs before pdfjs, so a bomb still reads as one (-12.4
// KB); the legacy-encoding detector built on first use (+1 KB of lazy wrappers). At that merge,
// the shared fold table (+0.8 KB), the one-range survey (+0.4 KB) and the hostile-input guards
// (+3.3 KB: the bomb guard decodes ASCIIHex/ASCII85/RunLength chains and escaped filter names,
// so a bomb in armour still reads as one here; linear HTML attribute and XML duplicate scans):
// 320 KB. Issue 11's eighth pass: the lazy facades keep only the names they call (-1.4 KB); the
// edit machinery the launch file can never use stubbed out (after-edit.ts, kept.ts: each event runs
// fresh); the stamp search that tries its patterns only where a stamp can stand (+0.6 KB: a long
// body saying "bảo mật" cost ~35 ms per M characters at send): 327,929 B, 321 KB. Issue 11's
// ninth pass: kept.ts itself rather than a smaller copy of it, edits.ts stubbed instead (+0.5 KB);
// check() finding a body read afresh as the string the rules kept (+0.4 KB: an unchanged 10 M draft
// checked again by a page cost 21 ms, 11 ms with it; no gain here, where each event runs fresh, but
// a third stub for 0.4 KB is more to keep right than it saves); findings decorated field by field
// (+0.1 KB: a spread was 8 ms per check for a directory's findings): 328,977 B, 322 KB. Blob,
// TextEncoder, TextDecoder and URL of its own where the runtime has none (+7.9 KB: the
// JavaScript-only runtime promises none of them; without TextDecoder the file stopped at load, and
// without Blob every attached e-mail was "not checked here"; load 1.04x): 336,896 B. After review,
// IPv4 hosts read as the URL Standard reads them and the decoder writing into one typed buffer
// (2x faster where it stands in): 337,845 B. A webmail host in Vietnamese read as its Punycode
// (punycode.js, +2.5 KB; refused before, so such a policy field was unreadable only here): 340,303 B;
// read-through (utf8Bytes's hand encoder gone, the single-byte table built once): 339,849 B.
// postal-mime's decoders always on PartsBlob (scripts/postal-mime-blob.ts), which writes ASCII
// parts unit by unit and takes a Blob's type rule: 340,259 B, 333 KB.
const LAUNCH_FILE_BUDGET_BYTES = 333 * 1024;

describe('launchevent.js', () => {
  it(`stays within its ${LAUNCH_FILE_BUDGET_BYTES / 1024} KB budget`, () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(LAUNCH_FILE_BUDGET_BYTES);
  });

  it('parses as one ES2016 script (no import/export, nothing newer)', () => {
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
    expect(code).not.toMatch(/\bimport\s*\(|^\s*(import|export)\s/m);
  });

  it('defines every launch handler by name on the global object and associates it', () => {
    const associated: string[] = [];
    const scope: Record<string, unknown> = { Office: { actions: { associate: (name: string) => associated.push(name) } }, setTimeout, clearTimeout, console };
    runInNewContext(code, scope);
    for (const name of LAUNCH_HANDLER_NAMES) expect(typeof scope[name], name).toBe('function');
    // The read-mode command (commands/index.ts, another module) joins this file when present.
    const all = existsSync(new URL('../commands/index.ts', import.meta.url)) ? Object.values(HANDLERS) : [...LAUNCH_HANDLER_NAMES];
    for (const name of all) expect(typeof scope[name], name).toBe('function');
    expect(associated).toEqual(expect.arrayContaining([...LAUNCH_HANDLER_NAMES]));
  });

  it('loads where Office.actions is missing (older hosts read the globals)', () => {
    const scope: Record<string, unknown> = { Office: {}, setTimeout, clearTimeout };
    expect(() => runInNewContext(code, scope)).not.toThrow();
    expect(typeof scope[HANDLERS.messageSend]).toBe('function');
  });

  it('keeps pdfjs out and writes commands.html and the Đà Nẵng policy.json', () => {
    expect(code).not.toContain('pdfjs-dist');
    expect(code).toContain('PDF is checked in the task pane');
    const html = readFileSync(join(dir, ADDIN_FILES.commands), 'utf8');
    expect(html).toMatch(/<script src="office-js\/office\.js"><\/script>\s*<script src="launchevent\.js"><\/script>/);
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(JSON.parse(readFileSync(join(dir, ADDIN_FILES.policy), 'utf8'))).toMatchObject({ authority: 'danang', spamReportAddress: 'chanthurac@danang.gov.vn' });
  });

  // The legacy-encoding detector is built on first use in this file, not at load, and its PDF
  // reader is the bomb guard alone (issue 11): a draft that needs them must get what the source
  // handlers give it.
  const legacy = encodeLegacy('Kính gửi Văn phòng UBND thành phố báo cáo quý IV', 'tcvn3');
  const drafts: FakeOptions[] = [
    { to: ['a@danang.gov.vn'], subject: legacy, body: 'Kính gửi các đồng chí.' },
    { to: ['a@danang.gov.vn', 'b@gmail.com'], subject: 'Báo cáo', body: `${'Nội dung báo cáo quý IV. '.repeat(200)}\n${legacy}\nLiên hệ: nguoi.lam@gmail.com` },
    { to: ['a@danang.gov.vn'], subject: 'Báo cáo quý IV', body: 'Kính gửi các đồng chí.' },
  ];
  const serve = async () => new Response(readFileSync(join(dir, ADDIN_FILES.policy), 'utf8'), { status: 200, headers: { 'content-type': 'application/json' } });
  /** What each handler named leaves for `draft`: its completions and info bars. */
  const run = async (draft: FakeOptions, handlers: () => Record<string, (e: unknown) => Promise<void>>, names: string[] = [HANDLERS.recipientsChanged, HANDLERS.messageSend]) => {
    const out: unknown[] = [];
    for (const name of names) {
      const office = installFakeOffice(draft);
      (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office.context.urls = { javascriptRuntimeUrl: 'https://mail.danang.gov.vn/congvu-guard/launchevent.js' };
      const e = fakeEvent();
      await handlers()[name]!(e);
      // The record a read leaves (after send, a read goes on in the background: not yet there).
      out.push({ name, completions: e.completions, bars: [...office.bars], ...(name === HANDLERS.attachmentsChanged ? { session: [...office.session] } : {}) });
      uninstallFakeOffice();
    }
    return out;
  };

  /**
   * The handlers of the built file, evaluated in a fresh context (`prepare` may change its globals
   * first). The context has no TextEncoder, TextDecoder, URL or Blob, as classic Outlook's runtime
   * promises none: the file's own stand in, and must answer as the source handlers do with Node's.
   */
  const builtHandlers = (prepare?: (scope: Record<string, unknown>) => void) => {
    const scope = createContext({ Office: (globalThis as { Office?: unknown }).Office, fetch: serve, setTimeout, clearTimeout, console });
    prepare?.(scope);
    runInContext(code, scope);
    return scope as unknown as Record<string, (e: unknown) => Promise<void>>;
  };

  it('answers a send, a compose check and a read of attached PDFs as the source handlers do', async () => {
    vi.stubGlobal('fetch', serve);
    try {
      for (const draft of drafts) {
        const built = await run(draft, () => builtHandlers());
        const source = await run(draft, () => makeHandlers() as unknown as Record<string, (e: unknown) => Promise<void>>);
        expect(built, draft.subject).toEqual(source);
      }
      // The legacy subject was found, so the detector did run in the built file.
      expect(JSON.stringify(await run(drafts[0]!, () => makeHandlers() as unknown as Record<string, (e: unknown) => Promise<void>>))).toMatch(/TCVN3|legacy|mã cũ|phông/i);
      // The launch file's PDF reader is the bomb guard alone (build.ts's pdf-reader-stub): a PDF
      // reads as before, unsupported there, and a flate bomb inside one is still a bomb.
      const pdf = (id: string, name: string, bytes: Uint8Array) => ({ id, name, size: bytes.length, contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64'), format: 'base64' as const });
      const fixture = new Uint8Array(readFileSync(new URL('../../test/fixtures/docs/cong-van-lien-he-gmail.pdf', import.meta.url)));
      const bomb = pdfWith({ dict: '/Filter /FlateDecode', data: flateBomb('BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET', 64) });
      const pdfDrafts: FakeOptions[] = [
        { to: ['a@danang.gov.vn'], subject: 'Công văn', body: 'Gửi kèm công văn.', attachments: [pdf('p-1', 'cong-van.pdf', fixture)] },
        { to: ['a@danang.gov.vn'], subject: 'Công văn', body: 'Gửi kèm công văn.', attachments: [pdf('p-2', 'bom.pdf', bomb)] },
      ];
      const reads: unknown[] = [];
      for (const draft of pdfDrafts) {
        const names = [HANDLERS.attachmentsChanged, HANDLERS.messageSend];
        const built = await run(draft, () => builtHandlers(), names);
        const source = await run(draft, () => makeHandlers() as unknown as Record<string, (e: unknown) => Promise<void>>, names);
        expect(built, draft.attachments![0]!.name).toEqual(source);
        reads.push(built);
      }
      expect(JSON.stringify(reads[0])).toContain('unsupported: PDF is checked in the task pane');
      expect(JSON.stringify(reads[1])).toContain('zip-bomb: ');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  // The file targets ES2016, whose engines have no look-behind (ES2018). build.ts guards the
  // literal patterns; the legacy detector builds its own from text, and must not throw there.
  it('finds a legacy subject and body in an engine without look-behind, as the source handlers do', async () => {
    vi.stubGlobal('fetch', serve);
    try {
      for (const draft of drafts) {
        const built = await run(draft, () =>
          builtHandlers((scope) => {
          const intrinsic = runInContext('RegExp', scope) as RegExpConstructor;
          const reject = (args: unknown[]) => {
            if (/\(\?<[=!]/.test(String(args[0]))) throw new (runInContext('SyntaxError', scope) as SyntaxErrorConstructor)(`Invalid regular expression: /${String(args[0]).slice(0, 40)}/: Invalid group`);
          };
          scope.RegExp = new Proxy(intrinsic, {
            construct: (target, args) => (reject(args), Reflect.construct(target, args)),
            apply: (target, self, args) => (reject(args), Reflect.apply(target, self, args)),
          });
        }));
        expect(built, draft.subject).toEqual(await run(draft, () => makeHandlers() as unknown as Record<string, (e: unknown) => Promise<void>>));
      }
      expect(JSON.stringify(await run(drafts[1]!, () => makeHandlers() as unknown as Record<string, (e: unknown) => Promise<void>>))).toMatch(/TCVN3|legacy|mã cũ|phông/i);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  // Every reader decodes text with TextDecoder, and postal-mime gathers parts in a Blob: where the
  // runtime has neither (builtHandlers' context), the file's own must read each kind of file, in
  // each encoding, as the source handlers read it with Node's.
  it('reads office files, mail and text in several encodings with its own Encoding API and Blob, as the source handlers do with Node’s', async () => {
    vi.stubGlobal('fetch', serve);
    const file = (path: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url)));
    const b64 = (id: string, name: string, contentType: string, bytes: Uint8Array) => ({ id, name, size: bytes.length, contentType, content: Buffer.from(bytes).toString('base64'), format: 'base64' as const });
    const eml = (id: string, name: string, bytes: Uint8Array) => ({ id, name, size: bytes.length, contentType: 'message/rfc822', content: Buffer.from(bytes).toString('utf8'), format: 'eml' as const });
    const text = 'Kính gửi: Văn phòng UBND — liên hệ nguyenvana@gmail.com, “Độ mật: Mật” €';
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    // "Liên hệ: … — €5 “đ”" as Windows-1258 writes it (ê precomposed, the dot below combining), and
    // Windows-1252's dash, euro sign and quotes, which the two share.
    const cp1258 = Uint8Array.from([...Buffer.from('Li'), 0xea, ...Buffer.from('n h'), 0xea, 0xf2, ...Buffer.from(': nguyenvana@gmail.com '), 0x97, 0x20, 0x80, 0x35, 0x20, 0x93, 0xf0, 0x94]);
    const attachments = [
      b64('o-1', 'cong-van.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', file('docs/cong-van-lien-he-gmail.docx')),
      b64('o-2', 'danh-ba.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file('docs/danh-ba-lien-he.xlsx')),
      b64('o-3', 'cong-van.odt', 'application/vnd.oasis.opendocument.text', file('docs/cong-van-lien-he-gmail.odt')),
      b64('o-4', 'cong-van-vntime.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', file('docs/cong-van-vntime.docx')),
      eml('m-1', 'thu-dinh-kem.eml', file('docs/thu-dinh-kem-cong-van.eml')),
      eml('m-2', 'mimetorture.eml', file('third-party/mimetorture.eml')),
      b64('t-1', 'ghi-chu-utf16.txt', 'text/plain', utf16),
      b64('t-2', 'ghi-chu-1258.txt', 'text/plain', cp1258),
      b64('t-3', 'ghi-chu.txt', 'text/plain', Buffer.from(text, 'utf8')),
    ];
    const names = [HANDLERS.attachmentsChanged, HANDLERS.messageSend];
    try {
      const reads: unknown[] = [];
      for (const attachment of attachments) {
        const draft: FakeOptions = { to: ['a@danang.gov.vn'], subject: 'Công văn', body: 'Gửi kèm tệp.', attachments: [attachment] };
        const built = await run(draft, () => builtHandlers(), names);
        expect(built, attachment.name).toEqual(await run(draft, () => makeHandlers() as unknown as Record<string, (e: unknown) => Promise<void>>, names));
        reads.push(built);
      }
      // Each was read and spoke: the contacts, the legacy font, the secret field were found.
      const said = JSON.stringify(reads);
      expect(said).not.toMatch(/Chưa kiểm tra được nội dung|Blob|TextDecoder/);
      expect(said.match(/gmail\.com/g)!.length).toBeGreaterThanOrEqual(6);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps MSAL out: naa.js carries it, for the spam report to load on demand', () => {
    // Markers only MSAL.js brings: its bridge global and its library name.
    expect(code).not.toContain('nestedAppAuthBridge');
    expect(code).not.toMatch(/msal\.js\.browser|createNestablePublicClientApplication/);
    const naa = readFileSync(join(dir, ADDIN_FILES.naa), 'utf8');
    expect(naa).toContain('nestedAppAuthBridge');
    expect(() => parse(naa, { ecmaVersion: 2018, sourceType: 'script' })).not.toThrow();
    const scope: Record<string, unknown> = { setTimeout, clearTimeout, TextEncoder, TextDecoder, URL, console };
    scope.window = scope;
    runInNewContext(naa, scope);
    expect(typeof (scope.__congvuGuardNaa as { acquireGraphToken?: unknown })?.acquireGraphToken).toBe('function');
  });
});
