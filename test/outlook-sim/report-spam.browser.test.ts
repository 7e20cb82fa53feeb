// "Báo cáo thư rác" in a real browser: the commands bundle built from outlook-addin/commands/
// index.ts, loaded in Debian's Chromium on a fake HTTPS origin after office-sim.js (the
// simulated Outlook host and on-premises Exchange), and run the way Outlook runs an
// ExecuteFunction command. Every request besides the served files is refused and recorded, but
// for https://graph.microsoft.com/v1.0/…, served by a fake Microsoft Graph (recorded; 202 for
// sendMail, 201 for move) for the Exchange Online path. Like the real Graph, it answers 401
// InvalidAuthenticationToken to any token but the one the simulated NAA bridge
// (naa-bridge-sim.js) issued; the Office SSO token is offered too and must never reach it. naa.js
// (MSAL) is the file outlook-addin/build.ts writes, served beside commands.html with naa.json.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danangPreset } from '../../core/policy/presets/danang';
import { buildNaaScript } from '../../outlook-addin/build';
import { launchChromium } from './serve';

const ROOT = new URL('../..', import.meta.url).pathname;
const ORIGIN = 'https://addin.danang.gov.vn';
const PAGE = `${ORIGIN}/outlook/commands.html`;
const ADDRESS = 'chanthurac@danang.gov.vn';
const ORIGINAL_MIME = [
  'Received: from mail.evil.example (203.0.113.9) by mail.danang.gov.vn (15.2.1544.4); Tue, 4 Nov 2025 08:00:00 +0700',
  'Return-Path: <bulk@evil.example>',
  'DKIM-Signature: v=1; a=rsa-sha256; d=evil.example; s=k1; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AbCd',
  'From: "Khuyen mai" <bulk@evil.example>',
  'To: canbo@danang.gov.vn',
  'Subject: =?utf-8?B?VHLDunQgdGjGsOG7n25nIDxzY3JpcHQ+ICYgcXXDoA==?=',
  'Message-ID: <spam-1@evil.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Chúc mừng! Bấm vào đây để nhận quà.',
  '',
].join('\r\n');

let dir: string;
let bundle: string;
let naaScript: string;
let browser: Browser;
const sim = readFileSync(join(ROOT, 'test/outlook-sim/office-sim.js'), 'utf8');
const bridgeSim = readFileSync(join(ROOT, 'test/outlook-sim/naa-bridge-sim.js'), 'utf8');
const CLIENT_ID = '5d1c7f3a-2b44-4c1e-9a57-0e2f6b8d4c31';
const NAA_TOKEN = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6Im5hYSJ9.graph-mail.naa-sim';
const SSO_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.office-sso.token';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congvu-commands-'));
  await build({
    entryPoints: [join(ROOT, 'outlook-addin/commands/index.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2017',
    outfile: join(dir, 'commands.js'),
    logLevel: 'silent',
  });
  bundle = readFileSync(join(dir, 'commands.js'), 'utf8');
  await buildNaaScript(join(dir, 'naa.js'));
  naaScript = readFileSync(join(dir, 'naa.js'), 'utf8');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const GRAPH = 'https://graph.microsoft.com/v1.0';

interface GraphRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** The fake Graph's answer; undefined for the default (202 sendMail, 201 move, 404 else). */
type GraphReply = (req: GraphRequest) => { status: number; body?: string } | undefined;

interface Session {
  page: Page;
  graph: GraphRequest[];
  stray: string[];
  errors: string[];
  close(): Promise<void>;
}

/** Opens commands.html as Outlook would, with the sim configured by `simConfig`. */
async function open(simConfig: Record<string, unknown>, policy: unknown = { ...danangPreset }, graphReply: GraphReply = () => undefined): Promise<Session> {
  const context = await browser.newContext();
  const stray: string[] = [];
  const graph: GraphRequest[] = [];
  const errors: string[] = [];
  const files: Record<string, { body: string; type: string }> = {
    [PAGE]: {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><title>Công Vụ Guard</title>
<script>window.__officeSim = ${JSON.stringify(simConfig).replace(/</g, '\\u003c')};</script>
<script src="naa-bridge-sim.js"></script>
<script src="office-sim.js"></script>
<script src="commands.js"></script>`,
    },
    [`${ORIGIN}/outlook/naa-bridge-sim.js`]: { type: 'text/javascript', body: bridgeSim },
    [`${ORIGIN}/outlook/office-sim.js`]: { type: 'text/javascript', body: sim },
    [`${ORIGIN}/outlook/naa.js`]: { type: 'text/javascript', body: naaScript },
    [`${ORIGIN}/outlook/naa.json`]: { type: 'application/json', body: JSON.stringify({ clientId: CLIENT_ID }) },
    [`${ORIGIN}/outlook/commands.js`]: { type: 'text/javascript', body: bundle },
    [`${ORIGIN}/outlook/policy.json`]: { type: 'application/json', body: JSON.stringify(policy) },
  };
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url().split('?')[0]!;
    if (url.startsWith(`${GRAPH}/`)) {
      const cors = { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Headers': 'authorization, content-type', 'Access-Control-Allow-Methods': 'GET, POST' };
      if (request.method() === 'OPTIONS') {
        await route.fulfill({ status: 204, headers: cors });
        return;
      }
      const req: GraphRequest = { method: request.method(), url, headers: await request.allHeaders(), body: request.postData() };
      graph.push(req);
      if (req.headers.authorization !== `Bearer ${NAA_TOKEN}`) {
        const error = { code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.', innerError: { date: new Date().toISOString(), 'request-id': 'sim', 'client-request-id': 'sim' } };
        await route.fulfill({ status: 401, headers: { ...cors, 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm=""' }, body: JSON.stringify({ error }) });
        return;
      }
      const custom = graphReply(req);
      const status = custom?.status ?? (url.endsWith('/me/sendMail') ? 202 : url.endsWith('/move') ? 201 : 404);
      const body = custom?.body ?? (status === 201 ? JSON.stringify({ id: 'moved' }) : status === 202 ? '' : JSON.stringify({ error: { code: 'ErrorItemNotFound' } }));
      await route.fulfill({ status, headers: { ...cors, 'Content-Type': 'application/json' }, body });
      return;
    }
    const file = files[url];
    if (file) await route.fulfill({ status: 200, contentType: file.type, body: file.body });
    else {
      stray.push(url);
      await route.abort();
    }
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(PAGE);
  await page.waitForFunction(() => typeof (window as unknown as { __officeSim: { state: { actions: Record<string, unknown> } } }).__officeSim.state.actions.reportSpamCommand === 'function');
  return { page, graph, stray, errors, close: () => context.close() };
}

interface SimState {
  sent: { to: string[]; subject: string; body: string; bodyType: string; disposition: string; attachments: { name: string; contentType: string; content: string }[] }[];
  moved: { from: string; to: string; folder: string }[];
  forms: Office.MessageForm[];
  notifications: Record<string, { type: string; message: string; icon?: string }>;
  notificationLog: { key: string; type: string; message: string }[];
  items: Record<string, { folder: string }>;
  openItemId: string;
  customProperties: Record<string, Record<string, unknown>>;
}

async function click(page: Page, extra: Record<string, unknown> = {}): Promise<{ calls: unknown[][]; threw?: string }> {
  return page.evaluate(
    (ev) => (window as unknown as { __officeSim: { invoke(n: string, e: unknown, w: number): Promise<{ calls: unknown[][]; threw?: string }> } }).__officeSim.invoke('reportSpamCommand', ev, 25_000),
    extra,
  );
}

async function state(page: Page): Promise<SimState> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __officeSim: { state: unknown } }).__officeSim.state)) as SimState);
}

const settle = (page: Page, ms = 300) => page.waitForTimeout(ms);

const onPremises = {
  supportedSets: { Mailbox: '1.5' },
  hostName: 'OutlookWebApp',
  item: { subject: 'Trúng thưởng <script> & quà', mime: ORIGINAL_MIME, from: 'bulk@evil.example', to: ['canbo@danang.gov.vn'] },
};

describe('Report spam in Chromium against the simulated Outlook host', () => {
  it('sends one report with the original attached, headers intact; a second click sends nothing more', async () => {
    const s = await open(onPremises);
    try {
      const first = await click(s.page);
      await settle(s.page);
      expect(first.calls).toEqual([[]]);
      expect(first.threw).toBeUndefined();

      let st = await state(s.page);
      expect(st.sent).toHaveLength(1);
      const report = st.sent[0]!;
      expect(report.to).toEqual([ADDRESS]);
      expect(report.disposition).toBe('SendAndSaveCopy');
      expect(report.subject).toBe('Báo cáo thư rác: Trúng thưởng <script> & quà');
      expect(report.body).toContain('Tôi xin báo cáo thư rác đính kèm');
      expect(report.attachments).toHaveLength(1);
      const att = report.attachments[0]!;
      expect(att.contentType).toBe('message/rfc822');
      expect(att.name).toBe('thu-rac.eml');
      const forwarded = Buffer.from(att.content, 'base64').toString('utf8');
      expect(forwarded).toBe(ORIGINAL_MIME);
      expect(forwarded).toMatch(/^Received: from mail\.evil\.example/m);
      expect(forwarded).toContain('Message-ID: <spam-1@evil.example>');
      expect(forwarded).toContain('DKIM-Signature: v=1;');

      // Đà Nẵng's policy moves reported spam to Junk Email.
      expect(st.moved).toEqual([expect.objectContaining({ from: st.openItemId, folder: 'junkemail' })]);
      const note = Object.values(st.notifications)[0]!;
      expect(note.type).toBe('informationalMessage');
      expect(note.message).toBe(`Đã gửi báo cáo thư rác tới ${ADDRESS} và chuyển thư này vào mục Thư rác.`);
      expect(st.notificationLog[0]!.type).toBe('progressIndicator');

      const second = await click(s.page);
      await settle(s.page);
      expect(second.calls).toEqual([[]]);
      st = await state(s.page);
      expect(st.sent).toHaveLength(1);
      expect(Object.values(st.notifications)[0]!.message).toBe('Thư này đã được báo cáo trước đó, không gửi lại nữa.');
      expect(s.errors).toEqual([]);
      expect(s.stray.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('with makeEwsRequestAsync failing: an error notification, nothing sent, the original not moved', async () => {
    const s = await open({ ...onPremises, faults: { makeEwsRequestAsync: { name: 'GenericResponseError', message: 'The remote server returned an error: (401) Unauthorized.', code: 9020 } } });
    try {
      const run = await click(s.page);
      await settle(s.page);
      expect(run.calls).toEqual([[]]);
      const st = await state(s.page);
      expect(st.sent).toHaveLength(0);
      expect(st.moved).toHaveLength(0);
      expect(st.items[st.openItemId]!.folder).toBe('inbox');
      const note = Object.values(st.notifications)[0]!;
      expect(note.type).toBe('errorMessage');
      expect(note.message).toContain('Chưa gửi được');
      expect(note.message).toContain('thư vẫn ở chỗ cũ');
      expect(note.message).toContain(ADDRESS);
      // Exchange 2016/2019 stop at Mailbox 1.5: no forward form to fall back on.
      expect(st.forms).toHaveLength(0);
    } finally {
      await s.close();
    }
  });

  it('with makeEwsRequestAsync never answering: completed once within the bound', async () => {
    const s = await open({ ...onPremises, faults: { makeEwsRequestAsync: 'hang' } });
    try {
      const started = Date.now();
      const run = await click(s.page);
      expect(Date.now() - started).toBeLessThan(21_000);
      await settle(s.page, 500);
      expect(run.calls).toEqual([[]]);
      const st = await state(s.page);
      expect(st.sent).toHaveLength(0);
      expect(st.moved).toHaveLength(0);
      expect(Object.values(st.notifications)[0]!.type).toBe('errorMessage');
    } finally {
      await s.close();
    }
  }, 40_000);

  it('a message over the 1 MB EWS cap opens the forward form (Mailbox 1.6) and says so', async () => {
    const big = `${ORIGINAL_MIME}${`${'A'.repeat(76)}\r\n`.repeat(12_000)}`; // ≈ 940 KB
    const s = await open({ ...onPremises, supportedSets: { Mailbox: '1.6' }, item: { ...onPremises.item, mime: big } });
    try {
      const run = await click(s.page);
      await settle(s.page);
      expect(run.calls).toEqual([[]]);
      const st = await state(s.page);
      expect(st.sent).toHaveLength(0);
      expect(st.forms).toHaveLength(1);
      expect(st.forms[0]!.toRecipients).toEqual([ADDRESS]);
      expect(st.forms[0]!.attachments).toEqual([{ type: 'item', itemId: st.openItemId, name: 'Trúng thưởng <script> & quà' }]);
      expect(Object.values(st.notifications)[0]!.message).toContain('quá lớn để gửi tự động');
      expect(st.moved).toHaveLength(0);
    } finally {
      await s.close();
    }
  });

  it('Exchange Online with integrated spam reporting: no EWS, a forward form, the message kept', async () => {
    const s = await open({ ...onPremises, supportedSets: { Mailbox: '1.14' }, ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx' });
    try {
      const run = await click(s.page, { type: 'SpamReporting', options: [], freeText: 'Lừa đảo trúng thưởng' });
      await settle(s.page);
      const st = await state(s.page);
      expect(st.sent).toHaveLength(0);
      expect(st.forms).toHaveLength(1);
      expect(st.forms[0]!.htmlBody).toContain('Ghi chú của người báo cáo: Lừa đảo trúng thưởng');
      expect(run.calls).toHaveLength(1);
      expect(run.calls[0]![0]).toMatchObject({ onErrorDeleteItem: false, moveItemTo: 'noMove', showPostProcessingDialog: { title: 'Báo cáo thư rác' } });
    } finally {
      await s.close();
    }
  });
});

interface TokenState {
  tokenRequests: unknown[];
  naaRequests: { method: string; clientId?: string; scope?: string }[];
}

const online = {
  ...onPremises,
  supportedSets: { Mailbox: '1.14', IdentityAPI: '1.3', NestedAppAuth: '1.1' },
  ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx',
  // Office SSO is offered too; Graph rejects its token.
  sso: { token: SSO_TOKEN },
  naa: { clientId: CLIENT_ID, token: NAA_TOKEN, silent: 'ok', popup: 'ok' },
};

describe('Report spam on Exchange Online through Microsoft Graph with a NAA token, in Chromium', () => {
  it('one sendMail with the original attached as message/rfc822, headers intact; then the move; a second click sends nothing', async () => {
    const s = await open(online);
    try {
      const run = await click(s.page);
      await settle(s.page);
      expect(run.calls).toEqual([[]]);
      const st = (await state(s.page)) as SimState & TokenState;
      expect(st.tokenRequests).toEqual([]);
      expect(st.naaRequests.map((r) => r.method)).toEqual(['GetInitContext', 'GetToken']);
      expect(st.naaRequests[1]).toMatchObject({ clientId: CLIENT_ID, scope: 'Mail.Send Mail.ReadWrite' });
      expect(st.sent).toHaveLength(0); // no EWS
      expect(st.forms).toHaveLength(0);

      const sends = s.graph.filter((r) => r.url === `${GRAPH}/me/sendMail`);
      expect(sends).toHaveLength(1);
      expect(sends[0]!.method).toBe('POST');
      expect(s.graph.map((r) => r.headers.authorization)).toEqual([`Bearer ${NAA_TOKEN}`, `Bearer ${NAA_TOKEN}`]);
      const body = JSON.parse(sends[0]!.body!) as { message: { subject: string; toRecipients: unknown; attachments: { '@odata.type': string; name: string; contentType: string; contentBytes: string }[] }; saveToSentItems: boolean };
      expect(body.saveToSentItems).toBe(true);
      expect(body.message.toRecipients).toEqual([{ emailAddress: { address: ADDRESS } }]);
      expect(body.message.subject).toBe('Báo cáo thư rác: Trúng thưởng <script> & quà');
      expect(body.message.attachments).toHaveLength(1);
      const att = body.message.attachments[0]!;
      expect(att['@odata.type']).toBe('#microsoft.graph.fileAttachment');
      expect(att.contentType).toBe('message/rfc822');
      expect(att.name).toBe('thu-rac.eml');
      const forwarded = Buffer.from(att.contentBytes, 'base64').toString('utf8');
      expect(forwarded).toBe(ORIGINAL_MIME);
      expect(forwarded).toMatch(/^Received: from mail\.evil\.example/m);
      expect(forwarded).toContain('DKIM-Signature: v=1;');
      expect(forwarded).toContain('Message-ID: <spam-1@evil.example>');

      const moves = s.graph.filter((r) => r.url.endsWith('/move'));
      expect(moves).toHaveLength(1);
      expect(moves[0]!.url).toBe(`${GRAPH}/me/messages/${encodeURIComponent(st.openItemId.replace(/\//g, '-').replace(/\+/g, '_'))}/move`);
      expect(JSON.parse(moves[0]!.body!)).toEqual({ destinationId: 'junkemail' });
      expect(s.graph.indexOf(moves[0]!)).toBeGreaterThan(s.graph.indexOf(sends[0]!));
      expect(Object.values(st.notifications)[0]!.message).toBe(`Đã gửi báo cáo thư rác tới ${ADDRESS} và chuyển thư này vào mục Thư rác.`);

      await click(s.page);
      await settle(s.page);
      expect(s.graph.filter((r) => r.url === `${GRAPH}/me/sendMail`)).toHaveLength(1);
      expect(s.graph.some((r) => r.headers.authorization?.includes(SSO_TOKEN))).toBe(false);
      expect(s.errors).toEqual([]);
      expect(s.stray.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('sendMail 500: an error notification, nothing moved', async () => {
    const s = await open(online, { ...danangPreset }, (req) => (req.url.endsWith('/sendMail') ? { status: 500, body: JSON.stringify({ error: { code: 'ErrorInternalServerError' } }) } : undefined));
    try {
      const run = await click(s.page);
      await settle(s.page);
      expect(run.calls).toEqual([[]]);
      expect(s.graph.filter((r) => r.url.endsWith('/move'))).toHaveLength(0);
      const note = Object.values((await state(s.page)).notifications)[0]!;
      expect(note.type).toBe('errorMessage');
      expect(note.message).toContain('Chưa gửi được');
      expect(note.message).toContain('thư vẫn ở chỗ cũ');
    } finally {
      await s.close();
    }
  });

  it('integrated spam reporting (no UI) with interaction required: no sign-in window, no Graph request, the forward form; a second report sends nothing either', async () => {
    const s = await open({ ...online, naa: { ...online.naa, silent: 'interaction_required' } });
    try {
      const spamEvent = { type: 'SpamReporting', options: [], freeText: '' };
      const run = await click(s.page, spamEvent);
      await settle(s.page);
      expect(run.calls).toHaveLength(1);
      expect(run.calls[0]![0]).toMatchObject({ onErrorDeleteItem: false, moveItemTo: 'noMove' });
      let st = (await state(s.page)) as SimState & TokenState;
      expect(st.naaRequests.map((r) => r.method)).toEqual(['GetInitContext', 'GetToken']);
      expect(st.tokenRequests).toEqual([]);
      expect(s.graph).toHaveLength(0);
      expect(st.sent).toHaveLength(0);
      expect(st.forms).toHaveLength(1);
      expect(st.forms[0]!.toRecipients).toEqual([ADDRESS]);
      expect(st.forms[0]!.attachments).toEqual([{ type: 'item', itemId: st.openItemId, name: 'Trúng thưởng <script> & quà' }]);
      expect(st.items[st.openItemId]!.folder).toBe('inbox');
      const note = Object.values(st.notifications)[0]!;
      expect(note.message).toContain('cần đăng nhập Microsoft 365');
      expect(note.message).toContain('Đã soạn thư chuyển tiếp');

      await click(s.page, spamEvent);
      await settle(s.page);
      st = (await state(s.page)) as SimState & TokenState;
      expect(st.naaRequests.map((r) => r.method)).not.toContain('GetTokenPopup');
      expect(s.graph).toHaveLength(0);
      expect(st.sent).toHaveLength(0);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('NestedAppAuth not supported: no token, no Graph request, the forward form', async () => {
    const s = await open({ ...online, naa: undefined, supportedSets: { Mailbox: '1.14', IdentityAPI: '1.3' } });
    try {
      const run = await click(s.page);
      await settle(s.page);
      expect(run.calls).toEqual([[]]);
      const st = (await state(s.page)) as SimState & TokenState;
      expect(st.tokenRequests).toEqual([]);
      expect(s.graph).toHaveLength(0);
      expect(st.forms).toHaveLength(1);
      expect(Object.values(st.notifications)[0]!.message).toContain(`Đã soạn sẵn thư chuyển tiếp tới ${ADDRESS}`);
      expect(s.stray.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
