// The Exchange Online path of "Báo cáo thư rác": a Graph token through nested app authentication
// (real MSAL.js against the simulated host bridge, test/outlook-sim/naa-bridge-sim.js), Microsoft
// Graph sendMail with the EML attached, then move to junkemail; on office-addin-mock
// (test-office.ts) and a fake Graph behind fetch that, like the real one, answers 401
// InvalidAuthenticationToken to any token but the one the bridge issued (the Office SSO token
// included).
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../core/messages';
import { graphUsable, GRAPH_BASE } from './graph';
import type { NaaLoader } from './naa';
import { createReportSpamHandlers, NOTIFICATION_MAX, ReportedLedger, type ReportSpamOptions } from './report-spam';
import { fail, fakeEvent, fakeGraph, fakeOffice, HANG, installNaaBridge, ITEM_ID, ORIGINAL_MIME, ORIGINAL_MIME_B64, policy, type FakeOptions, type GraphAnswer, type NaaBridgeConfig } from './test-office';

const ADDRESS = 'chanthurac@danang.gov.vn';
const SSO_TOKEN = 'eyJ0eXAi.office-sso.token';
// Office SSO is offered too: the add-in must not use it for Graph.
const ONLINE: FakeOptions = { mailbox: '1.14', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx', hostName: 'OutlookWebApp', sso: SSO_TOKEN, naa: true };
const REST_ID = ITEM_ID.replace(/\//g, '-').replace(/\+/g, '_');
const g = globalThis as { Office?: unknown };
/** naa.js as the page would load it: the real module, with MSAL. */
const naaModule: NaaLoader = () => import('./naa-token').then((m) => ({ acquireGraphToken: m.acquireGraphToken }));
let removeBridge: (() => void) | undefined;

async function setup(o: FakeOptions = {}, answer?: GraphAnswer, bridgeConfig: NaaBridgeConfig = {}) {
  const fake = fakeOffice({ ...ONLINE, ...o });
  g.Office = fake.office;
  const bridge = await installNaaBridge(bridgeConfig);
  removeBridge = bridge.remove;
  const graph = fakeGraph(answer, bridge.token);
  const options = (extra: Partial<ReportSpamOptions> = {}): Omit<ReportSpamOptions, 'policy'> => ({ fetch: graph.fetch, naa: naaModule, naaClientId: async () => bridge.clientId, ...extra });
  return { fake, graph, bridge, options };
}

afterEach(() => {
  delete g.Office;
  removeBridge?.();
  removeBridge = undefined;
});

const last = <T>(list: T[]): T | undefined => list[list.length - 1];
const sendMails = (graph: ReturnType<typeof fakeGraph>) => graph.requests.filter((r) => r.url === `${GRAPH_BASE}/me/sendMail`);
const moves = (graph: ReturnType<typeof fakeGraph>) => graph.requests.filter((r) => r.url.endsWith('/move'));

describe('report spam on Exchange Online through Microsoft Graph with a NAA token', () => {
  it('chooses Graph only on Exchange Online with NestedAppAuth 1.1', () => {
    const mailboxOf = (o: FakeOptions) => (fakeOffice(o).office.context as { mailbox: Office.Mailbox }).mailbox;
    g.Office = fakeOffice(ONLINE).office;
    expect(graphUsable((g.Office as { context: { mailbox: Office.Mailbox } }).context.mailbox)).toBe(true);
    g.Office = fakeOffice({ ...ONLINE, naa: false }).office; // Office SSO alone is not enough
    expect(graphUsable((g.Office as { context: { mailbox: Office.Mailbox } }).context.mailbox)).toBe(false);
    g.Office = fakeOffice({ naa: true }).office; // on-premises: EWS, not Graph
    expect(graphUsable(mailboxOf({ naa: true }))).toBe(false);
  });

  it('silent NAA token: exactly one sendMail with the EML attached as message/rfc822, then the move; the SSO token is never used', async () => {
    const { fake, graph, bridge, options } = await setup();
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), ...options() }).reportSpamCommand(event);

    expect(fake.ews).toHaveLength(0);
    expect(fake.tokenCalls).toEqual([]);
    expect(bridge.requests.map((r) => r.method)).toEqual(['GetInitContext', 'GetToken']);
    expect(bridge.requests[1]).toMatchObject({ clientId: bridge.clientId, scope: 'Mail.Send Mail.ReadWrite' });
    expect(graph.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${GRAPH_BASE}/me/sendMail`,
      `POST ${GRAPH_BASE}/me/messages/${encodeURIComponent(REST_ID)}/move`,
    ]);
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${bridge.token}`, `Bearer ${bridge.token}`]);
    const send = sendMails(graph)[0]!;
    expect(send.headers['content-type']).toBe('application/json');
    const body = JSON.parse(send.body!);
    expect(body.saveToSentItems).toBe(true);
    expect(body.message.toRecipients).toEqual([{ emailAddress: { address: ADDRESS } }]);
    expect(body.message.subject).toBe('Báo cáo thư rác: Trúng thưởng');
    expect(body.message.body).toEqual({ contentType: 'Text', content: t('vi', 'report-spam.note') });
    expect(body.message.attachments).toEqual([
      { '@odata.type': '#microsoft.graph.fileAttachment', name: 'thu-rac.eml', contentType: 'message/rfc822', contentBytes: ORIGINAL_MIME_B64 },
    ]);
    expect(Buffer.from(body.message.attachments[0].contentBytes, 'base64').toString('utf8')).toBe(ORIGINAL_MIME);
    expect(JSON.parse(moves(graph)[0]!.body!)).toEqual({ destinationId: 'junkemail' });

    expect(event.calls).toEqual([[]]);
    expect(last(fake.notifications)!.details).toMatchObject({ type: 'informationalMessage', message: t('vi', 'report-spam.sent-moved', { address: ADDRESS }) });
    expect(fake.savedProperties.get('congvuSpamReported')).toBeTruthy();
  });

  it('does not move when the policy says not to, and a second click sends nothing more (the token comes from MSAL\'s cache)', async () => {
    const { graph, bridge, options } = await setup();
    const handlers = createReportSpamHandlers({ policy: policy({ moveReportedSpamToJunk: false }), ...options() });
    await handlers.reportSpamCommand(fakeEvent());
    await handlers.reportSpamCommand(fakeEvent());
    expect(sendMails(graph)).toHaveLength(1);
    expect(moves(graph)).toHaveLength(0);
    expect(bridge.requests.filter((r) => r.method === 'GetToken')).toHaveLength(1);
  });

  it('without getAsFileAsync (before Mailbox 1.14) reads the MIME from GET /me/messages/{id}/$value', async () => {
    const { graph, options } = await setup({ mailbox: '1.13' });
    await createReportSpamHandlers({ policy: policy(), ...options() }).reportSpamCommand(fakeEvent());
    expect(graph.requests[0]).toMatchObject({ method: 'GET', url: `${GRAPH_BASE}/me/messages/${encodeURIComponent(REST_ID)}/$value` });
    const body = JSON.parse(sendMails(graph)[0]!.body!);
    expect(Buffer.from(body.message.attachments[0].contentBytes, 'base64').toString('utf8')).toBe(ORIGINAL_MIME);
  });

  it('sendMail 500: an error notification, nothing moved, and a retry is allowed', async () => {
    let status = 500;
    const { fake, graph, options } = await setup({}, (req) =>
      req.url.endsWith('/sendMail') && status !== 202 ? new Response(JSON.stringify({ error: { code: 'ErrorInternalServerError', message: 'x' } }), { status }) : undefined,
    );
    const handlers = createReportSpamHandlers({ policy: policy(), ...options() });
    const event = fakeEvent();
    await handlers.reportSpamCommand(event);
    expect(event.calls).toEqual([[]]);
    expect(moves(graph)).toHaveLength(0);
    expect(fake.forms).toHaveLength(0);
    const note = last(fake.notifications)!.details;
    expect(note.type).toBe('errorMessage');
    expect(note.message).toContain('Chưa gửi được');
    expect(note.message).toContain('thư vẫn ở chỗ cũ');
    expect(note.message).toContain('500');
    expect(fake.savedProperties.size).toBe(0);

    status = 202;
    await handlers.reportSpamCommand(fakeEvent());
    expect(sendMails(graph)).toHaveLength(2);
    expect(moves(graph)).toHaveLength(1);
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.sent-moved', { address: ADDRESS }));
  });

  it('integrated spam reporting (no UI) with interaction required: silent only, the forward form, nothing sent, nothing moved', async () => {
    const { fake, graph, bridge, options } = await setup({}, undefined, { silent: 'interaction_required' });
    const handlers = createReportSpamHandlers({ policy: policy(), ...options() });
    const event = fakeEvent();
    await handlers.onSpamReport(event);
    expect(bridge.requests.map((r) => r.method)).toEqual(['GetInitContext', 'GetToken']);
    expect(graph.requests).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    expect(fake.forms[0]!.toRecipients).toEqual([ADDRESS]);
    expect(fake.forms[0]!.attachments).toEqual([{ type: 'item', itemId: ITEM_ID, name: 'Trúng thưởng' }]);
    expect(event.calls).toHaveLength(1);
    expect(event.calls[0]![0]).toMatchObject({ moveItemTo: 'noMove', onErrorDeleteItem: false });
    const note = last(fake.notifications)!.details;
    expect(note.message.length).toBeLessThanOrEqual(NOTIFICATION_MAX);
    expect(note.message).toContain('cần đăng nhập Microsoft 365');
    expect(note.message).toContain('Đã soạn thư chuyển tiếp');
    expect(fake.savedProperties.size).toBe(0);
  });

  it('the ribbon button with interaction required: the host\'s sign-in window (GetTokenPopup), then one report', async () => {
    const { graph, bridge, options } = await setup({}, undefined, { silent: 'interaction_required' });
    await createReportSpamHandlers({ policy: policy(), ...options() }).reportSpamCommand(fakeEvent());
    expect(bridge.requests.map((r) => r.method)).toEqual(['GetInitContext', 'GetToken', 'GetTokenPopup']);
    expect(sendMails(graph)).toHaveLength(1);
    expect(sendMails(graph)[0]!.headers.authorization).toBe(`Bearer ${bridge.token}`);
  });

  it('the user closes the sign-in window: the forward form, nothing sent', async () => {
    const { fake, graph, options } = await setup({}, undefined, { silent: 'interaction_required', popup: 'cancel' });
    await createReportSpamHandlers({ policy: policy({ language: 'en' }), ...options() }).reportSpamCommand(fakeEvent());
    expect(graph.requests).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    expect(last(fake.notifications)!.details.message).toContain('Microsoft 365 sign-in needed');
  });

  it('NestedAppAuth not supported: no token asked for, no Graph request, the forward form', async () => {
    const { fake, graph, bridge, options } = await setup({ naa: false });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), ...options() }).reportSpamCommand(event);
    expect(bridge.requests).toHaveLength(0);
    expect(fake.tokenCalls).toEqual([]);
    expect(graph.requests).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.form-opened', { address: ADDRESS }));
    expect(event.calls).toEqual([[]]);
  });

  it('a runtime without a DOM (classic Outlook\'s JavaScript-only runtime) cannot load naa.js: the forward form, calmly, no token asked for', async () => {
    const { fake, graph, bridge, options } = await setup();
    const { naa: _naa, ...withoutLoader } = options();
    expect(_naa).toBeDefined();
    await createReportSpamHandlers({ policy: policy(), ...withoutLoader }).onSpamReport(fakeEvent());
    expect(bridge.requests).toHaveLength(0);
    expect(graph.requests).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.form-opened', { address: ADDRESS }));
  });

  it.each([
    ['no app registration (naa.json missing)', { naaClientId: async () => undefined }, 'Microsoft 365: NoAppRegistration'],
    ['naa.js fails to load', { naa: async () => undefined }, 'Microsoft 365: NAAUnavailable'],
    ['a client ID the directory does not know', { naaClientId: async () => '00000000-0000-4000-8000-000000000000' }, 'unauthorized_client'],
  ] as [string, Partial<ReportSpamOptions>, string][])('%s: the forward form, and the notification says why', async (_label, extra, reason) => {
    const { fake, graph, options } = await setup();
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), ...options(extra) }).reportSpamCommand(event);
    expect(graph.requests).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    const note = last(fake.notifications)!.details;
    expect(note.type).toBe('errorMessage');
    expect(note.message.length).toBeLessThanOrEqual(NOTIFICATION_MAX);
    expect(note.message).toContain(reason);
    expect(note.message).toContain('Đã soạn thư chuyển tiếp');
    expect(event.calls).toEqual([[]]);
  });

  it.each([401, 403])('sendMail %i: consent or permission missing, the forward form instead, nothing moved', async (status) => {
    const { fake, graph, options } = await setup({}, (req) => (req.url.endsWith('/sendMail') ? new Response(JSON.stringify({ error: { code: 'ErrorAccessDenied' } }), { status }) : undefined));
    await createReportSpamHandlers({ policy: policy({ language: 'en' }), ...options() }).reportSpamCommand(fakeEvent());
    expect(moves(graph)).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    const note = last(fake.notifications)!.details.message;
    expect(note).toContain('consent or permission missing');
    expect(note).toContain('forward to');
  });

  it('a hung fetch: completes once within the bound, nothing moved, says the outcome is uncertain', async () => {
    const { fake, graph, options } = await setup({}, (req) => (req.url.endsWith('/sendMail') ? HANG : undefined));
    const event = fakeEvent();
    const started = Date.now();
    // The hung sendMail gives up at stepMs; the 600 ms reserve leaves the final notification room
    // even when setting up took a few hundred ms on a loaded machine.
    await createReportSpamHandlers({ policy: policy(), ...options(), boundMs: 2_500, stepMs: 1_000, reserveMs: 600 }).reportSpamCommand(event);
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((r) => setTimeout(r, 2_600));
    expect(event.calls).toEqual([[]]);
    expect(sendMails(graph)).toHaveLength(1);
    expect(moves(graph)).toHaveLength(0);
    expect(last(fake.notifications)!.details.message).toContain('Chưa rõ báo cáo đã gửi đi hay chưa');
  });

  it('a token that never comes: completes once within the bound with the forward form', async () => {
    const { fake, graph, options } = await setup({}, undefined, { silent: 'hang' });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), ...options(), boundMs: 1_500, stepMs: 700, reserveMs: 200 }).reportSpamCommand(event);
    await new Promise((r) => setTimeout(r, 1_600));
    expect(event.calls).toEqual([[]]);
    expect(graph.requests).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
  });

  it('two clicks at once send one report (the ledger)', async () => {
    const { graph, options } = await setup();
    const ledger = new ReportedLedger();
    const handlers = createReportSpamHandlers({ policy: policy(), ...options(), ledger });
    await Promise.all([handlers.reportSpamCommand(fakeEvent()), handlers.reportSpamCommand(fakeEvent())]);
    expect(sendMails(graph)).toHaveLength(1);
  });

  it('integrated spam reporting with a silent token: Graph sends, the client moves through completed({ moveItemTo })', async () => {
    const { graph, bridge, options } = await setup();
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), ...options() }).onSpamReport(event);
    expect(bridge.requests.map((r) => r.method)).not.toContain('GetTokenPopup');
    expect(sendMails(graph)).toHaveLength(1);
    expect(moves(graph)).toHaveLength(0);
    expect(event.calls[0]![0]).toMatchObject({ moveItemTo: 'junkFolder', onErrorDeleteItem: false });
  });

  it('getAsFileAsync failing falls back to GET $value', async () => {
    const { graph, options } = await setup({ getAsFile: fail('GenericResponseError') });
    await createReportSpamHandlers({ policy: policy(), ...options() }).reportSpamCommand(fakeEvent());
    expect(graph.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
  });
});
