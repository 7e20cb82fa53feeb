// The Exchange Online path of "Báo cáo thư rác": Office SSO token, Microsoft Graph sendMail with
// the EML attached, then move to junkemail; on office-addin-mock (test-office.ts) and a fake
// Graph behind fetch.
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../core/messages';
import { graphUsable, GRAPH_BASE, TOKEN_OPTIONS } from './graph';
import { createReportSpamHandlers, NOTIFICATION_MAX, ReportedLedger } from './report-spam';
import { fail, fakeEvent, fakeGraph, fakeOffice, HANG, ITEM_ID, ORIGINAL_MIME, ORIGINAL_MIME_B64, policy, type FakeOptions, type GraphAnswer } from './test-office';

const ADDRESS = 'chanthurac@danang.gov.vn';
const ONLINE: FakeOptions = { mailbox: '1.14', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx', hostName: 'OutlookWebApp', sso: 'eyJ0eXAi.token' };
const REST_ID = ITEM_ID.replace(/\//g, '-').replace(/\+/g, '_');
const g = globalThis as { Office?: unknown };

function setup(o: FakeOptions = {}, answer?: GraphAnswer) {
  const fake = fakeOffice({ ...ONLINE, ...o });
  g.Office = fake.office;
  const graph = fakeGraph(answer);
  return { fake, graph };
}

afterEach(() => {
  delete g.Office;
});

const last = <T>(list: T[]): T | undefined => list[list.length - 1];
const sendMails = (graph: ReturnType<typeof fakeGraph>) => graph.requests.filter((r) => r.url === `${GRAPH_BASE}/me/sendMail`);
const moves = (graph: ReturnType<typeof fakeGraph>) => graph.requests.filter((r) => r.url.endsWith('/move'));

describe('report spam on Exchange Online through Microsoft Graph', () => {
  it('chooses Graph only on Exchange Online with IdentityAPI 1.3 and getAccessToken', () => {
    const { fake } = setup();
    const mailbox = (fake.office.context as { mailbox: Office.Mailbox }).mailbox;
    expect(graphUsable(mailbox)).toBe(true);
    g.Office = fakeOffice({ ...ONLINE, sso: undefined }).office;
    expect(graphUsable((g.Office as { context: { mailbox: Office.Mailbox } }).context.mailbox)).toBe(false);
    g.Office = fakeOffice({ sso: 'tok' }).office; // on-premises: EWS, not Graph
    expect(graphUsable((g.Office as { context: { mailbox: Office.Mailbox } }).context.mailbox)).toBe(false);
  });

  it('sends exactly one sendMail with the EML attached as message/rfc822 to the policy address, then moves it', async () => {
    const { fake, graph } = setup();
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), fetch: graph.fetch }).reportSpamCommand(event);

    expect(fake.ews).toHaveLength(0);
    expect(fake.tokenCalls).toEqual([TOKEN_OPTIONS]);
    expect(TOKEN_OPTIONS).toEqual({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true });
    expect(graph.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${GRAPH_BASE}/me/sendMail`,
      `POST ${GRAPH_BASE}/me/messages/${encodeURIComponent(REST_ID)}/move`,
    ]);
    const send = sendMails(graph)[0]!;
    expect(send.headers.authorization).toBe('Bearer eyJ0eXAi.token');
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

  it('does not move when the policy says not to, and a second click sends nothing more', async () => {
    const { graph } = setup();
    const handlers = createReportSpamHandlers({ policy: policy({ moveReportedSpamToJunk: false }), fetch: graph.fetch });
    await handlers.reportSpamCommand(fakeEvent());
    await handlers.reportSpamCommand(fakeEvent());
    expect(sendMails(graph)).toHaveLength(1);
    expect(moves(graph)).toHaveLength(0);
  });

  it('without getAsFileAsync (before Mailbox 1.14) reads the MIME from GET /me/messages/{id}/$value', async () => {
    const { graph } = setup({ mailbox: '1.13' });
    await createReportSpamHandlers({ policy: policy(), fetch: graph.fetch }).reportSpamCommand(fakeEvent());
    expect(graph.requests[0]).toMatchObject({ method: 'GET', url: `${GRAPH_BASE}/me/messages/${encodeURIComponent(REST_ID)}/$value` });
    const body = JSON.parse(sendMails(graph)[0]!.body!);
    expect(Buffer.from(body.message.attachments[0].contentBytes, 'base64').toString('utf8')).toBe(ORIGINAL_MIME);
  });

  it('sendMail 500: an error notification, nothing moved, and a retry is allowed', async () => {
    let status = 500;
    const { fake, graph } = setup({}, (req) =>
      req.url.endsWith('/sendMail') && status !== 202 ? new Response(JSON.stringify({ error: { code: 'ErrorInternalServerError', message: 'x' } }), { status }) : undefined,
    );
    const handlers = createReportSpamHandlers({ policy: policy(), fetch: graph.fetch });
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

  it.each([
    ['13001 (not signed in)', { code: 13001 }, 'Microsoft 365: 13001'],
    ['13003 (user type not supported)', { code: 13003 }, 'Microsoft 365: 13003'],
    ['13005 (consent missing)', { code: 13005 }, 'chưa được cấp quyền Microsoft 365, mã 13005'],
  ])('token failure %s: the forward form, and the notification says so', async (_label, sso, reason) => {
    const { fake, graph } = setup({ sso });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), fetch: graph.fetch }).reportSpamCommand(event);
    expect(graph.requests).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    expect(fake.forms[0]!.toRecipients).toEqual([ADDRESS]);
    expect(fake.forms[0]!.attachments).toEqual([{ type: 'item', itemId: ITEM_ID, name: 'Trúng thưởng' }]);
    const note = last(fake.notifications)!.details;
    expect(note.type).toBe('errorMessage');
    expect(note.message.length).toBeLessThanOrEqual(NOTIFICATION_MAX);
    expect(note.message).toContain(reason);
    expect(note.message).toContain('Đã soạn thư chuyển tiếp');
    expect(event.calls).toEqual([[]]);
  });

  it.each([401, 403])('sendMail %i: consent or permission missing, the forward form instead, nothing moved', async (status) => {
    const { fake, graph } = setup({}, (req) => (req.url.endsWith('/sendMail') ? new Response(JSON.stringify({ error: { code: 'ErrorAccessDenied' } }), { status }) : undefined));
    await createReportSpamHandlers({ policy: policy({ language: 'en' }), fetch: graph.fetch }).reportSpamCommand(fakeEvent());
    expect(moves(graph)).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    const note = last(fake.notifications)!.details.message;
    expect(note).toContain('consent or permission missing');
    expect(note).toContain('forward to');
  });

  it('a hung fetch: completes once within the bound, nothing moved, says the outcome is uncertain', async () => {
    const { fake, graph } = setup({}, (req) => (req.url.endsWith('/sendMail') ? HANG : undefined));
    const event = fakeEvent();
    const started = Date.now();
    await createReportSpamHandlers({ policy: policy(), fetch: graph.fetch, boundMs: 600, stepMs: 300, reserveMs: 100 }).reportSpamCommand(event);
    expect(Date.now() - started).toBeLessThan(900);
    await new Promise((r) => setTimeout(r, 700));
    expect(event.calls).toEqual([[]]);
    expect(sendMails(graph)).toHaveLength(1);
    expect(moves(graph)).toHaveLength(0);
    expect(last(fake.notifications)!.details.message).toContain('Chưa rõ báo cáo đã gửi đi hay chưa');
  });

  it('a token that never comes: completes once within the bound with the forward form', async () => {
    const { fake, graph } = setup({ sso: HANG });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), fetch: graph.fetch, boundMs: 600, stepMs: 300, reserveMs: 100 }).reportSpamCommand(event);
    await new Promise((r) => setTimeout(r, 700));
    expect(event.calls).toEqual([[]]);
    expect(graph.requests).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
  });

  it('two clicks at once send one report (the ledger)', async () => {
    const { graph } = setup();
    const ledger = new ReportedLedger();
    const handlers = createReportSpamHandlers({ policy: policy(), fetch: graph.fetch, ledger });
    await Promise.all([handlers.reportSpamCommand(fakeEvent()), handlers.reportSpamCommand(fakeEvent())]);
    expect(sendMails(graph)).toHaveLength(1);
  });

  it('integrated spam reporting: Graph sends, the client moves through completed({ moveItemTo })', async () => {
    const { graph } = setup();
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), fetch: graph.fetch }).onSpamReport(event);
    expect(sendMails(graph)).toHaveLength(1);
    expect(moves(graph)).toHaveLength(0);
    expect(event.calls[0]![0]).toMatchObject({ moveItemTo: 'junkFolder', onErrorDeleteItem: false });
  });

  it('getAsFileAsync failing falls back to GET $value', async () => {
    const { graph } = setup({ getAsFile: fail('GenericResponseError') });
    await createReportSpamHandlers({ policy: policy(), fetch: graph.fetch }).reportSpamCommand(fakeEvent());
    expect(graph.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
  });
});
