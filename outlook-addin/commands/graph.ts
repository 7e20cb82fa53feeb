// The Exchange Online path of "Báo cáo thư rác": Microsoft Graph with a token from nested app
// authentication (NAA, naa.ts). Exchange Online has turned off the legacy tokens
// makeEwsRequestAsync needs, so this is how a report is sent there without the user's help.
//
// Why not the Office SSO token (Office.auth.getAccessToken): Microsoft documents it as an access
// token for the add-in's own web API, which a server swaps on-behalf-of for a Graph token; Graph
// itself rejects it (401 InvalidAuthenticationToken). The add-in's files are static, so it asks
// the Outlook host for a Graph token through NAA (requirement set NestedAppAuth 1.1) instead.
//
// What it needs, set up once by IT (docs/outlook-addin.md): an app registration in Microsoft
// Entra ID with the single-page-application redirect URI brk-multihub://<add-in host>, the
// delegated Microsoft Graph permissions Mail.Send and Mail.ReadWrite with admin consent, and its
// client ID in naa.json beside policy.json (`congvu-guard policy build --azure-app-id`).
//
// Facts from Microsoft's documentation this file follows:
// - item.getAsFileAsync (Mailbox 1.14) gives the open message as base64 EML; otherwise
//   GET /me/messages/{id}/$value returns its MIME. Graph takes REST ids, from
//   mailbox.convertToRestId(itemId, RestVersion.v2_0).
// - POST /me/sendMail answers 202 Accepted with no body; a fileAttachment carries base64
//   contentBytes. A request with attachments inline is limited to 4 MB.
// - POST /me/messages/{id}/move with destinationId "junkemail" answers 201 Created.
// - A token Graph does not accept gets 401 with { error: { code: "InvalidAuthenticationToken" } }.
import { officeCall, StepError, withTimeout } from './office-call';

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';
/** The sendMail request with its attachment inline must stay under 4 MB (documented). */
export const GRAPH_REQUEST_CAP = 4 * 1024 * 1024;

function office(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

export function isSetSupported(name: string, version: string): boolean {
  try {
    return office()?.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

// Exchange Online's EWS endpoints; the add-in's legacy tokens no longer work there. New
// Outlook on Windows connects to Microsoft 365 and Outlook.com accounts only.
const ONLINE_EWS_HOST = /(^|\.)(outlook\.office365\.com|outlook\.office\.com|office365\.us|outlook\.office365\.us|partner\.outlook\.cn)$/i;

export function isExchangeOnline(mailbox: Office.Mailbox): boolean {
  if (mailbox.diagnostics?.hostName === 'newOutlookWindows') return true;
  try {
    return Boolean(mailbox.ewsUrl) && ONLINE_EWS_HOST.test(new URL(mailbox.ewsUrl).hostname);
  } catch {
    return false;
  }
}

/** Graph through NAA: Exchange Online, a client with NestedAppAuth 1.1, and fetch. */
export function graphUsable(mailbox: Office.Mailbox): boolean {
  return isExchangeOnline(mailbox) && isSetSupported('NestedAppAuth', '1.1') && typeof globalThis.fetch === 'function';
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The open item's REST id (Graph), from its EWS id. */
export function toRestId(mailbox: Office.Mailbox, itemId: string): string {
  if (typeof mailbox.convertToRestId !== 'function') return itemId;
  try {
    return mailbox.convertToRestId(itemId, office()?.MailboxEnums?.RestVersion?.v2_0 ?? 'v2.0') || itemId;
  } catch {
    return itemId;
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The Graph error code from an error response body ({ error: { code } }), if any. */
async function errorCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    const code = body?.error?.code;
    return typeof code === 'string' && code ? `${response.status} ${code}` : `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

export interface GraphReport {
  to: string;
  subject: string;
  note: string;
  attachmentName: string;
  /** The original's EML, base64. */
  emlBase64: string;
}

/** The JSON body of POST /me/sendMail. */
export function sendMailBody(r: GraphReport): string {
  return JSON.stringify({
    message: {
      subject: r.subject,
      body: { contentType: 'Text', content: r.note },
      toRecipients: [{ emailAddress: { address: r.to } }],
      attachments: [
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: r.attachmentName,
          contentType: 'message/rfc822',
          contentBytes: r.emlBase64,
        },
      ],
    },
    saveToSentItems: true,
  });
}

/** The Graph calls of the report, each bounded by `budget()` ms and aborted after it. */
export class GraphClient {
  constructor(
    private readonly token: string,
    private readonly fetchFn: FetchLike,
    private readonly budget: () => number,
  ) {}

  private async call(label: string, path: string, init: RequestInit, expect: number): Promise<Response> {
    const ms = this.budget();
    if (ms <= 0) throw new StepError('timeout', 'Timeout', `${label}: no time left`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    let response: Response;
    try {
      // withTimeout as well: a fetch that ignores the signal must not hold the run.
      response = await withTimeout(
        Promise.resolve().then(() =>
          this.fetchFn(`${GRAPH_BASE}${path}`, { ...init, headers: { Authorization: `Bearer ${this.token}`, ...init.headers }, signal: controller.signal }),
        ),
        ms,
        label,
      );
    } catch (e) {
      if (e instanceof StepError) throw e;
      if (controller.signal.aborted) throw new StepError('timeout', 'Timeout', `${label}: no answer within ${ms} ms`);
      throw new StepError('graph', 'NetworkError', `${label}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      clearTimeout(timer);
    }
    if (response.status === expect) return response;
    const code = await withTimeout(errorCode(response), Math.max(1, Math.min(1_000, this.budget())), label).catch(() => `HTTP ${response.status}`);
    throw new StepError(response.status === 401 || response.status === 403 ? 'consent' : 'graph', code, `${label}: ${code}`);
  }

  /** The message's MIME through Graph, base64. */
  async mime(restId: string): Promise<string> {
    const response = await this.call('GET $value', `/me/messages/${encodeURIComponent(restId)}/$value`, { method: 'GET' }, 200);
    const bytes = new Uint8Array(await withTimeout(response.arrayBuffer(), Math.max(1, this.budget()), 'GET $value body'));
    if (bytes.length === 0) throw new StepError('graph', 'EmptyMime', 'the message MIME is empty');
    return bytesToBase64(bytes);
  }

  async sendMail(body: string): Promise<void> {
    await this.call('sendMail', '/me/sendMail', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, 202);
  }

  async moveToJunk(restId: string): Promise<void> {
    await this.call('move', `/me/messages/${encodeURIComponent(restId)}/move`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ destinationId: 'junkemail' }) }, 201);
  }
}

export interface GraphRun {
  mailbox: Office.Mailbox;
  item: Office.MessageRead;
  /** The item's EWS id (the ledger's key); converted to a REST id here. */
  ewsId: string;
  report: Omit<GraphReport, 'emlBase64'>;
  move: boolean;
  fetch?: FetchLike;
  /** A Graph token within `ms` (naa.ts), or a StepError. */
  token(ms: number): Promise<string>;
  /** Time one step may take now (already capped by the run's deadline). */
  budget(): number;
  /** True once the run's bound was reached: nothing may be sent after that. */
  aborted(): boolean;
  phase(p: 'sending' | 'sent' | 'moving'): void;
  /** Called once the report left: ledger and custom property. */
  sent(): Promise<void>;
}

export type GraphOutcome =
  | { kind: 'sent'; moved: 'yes' | 'no' | 'failed' }
  /** Nothing was sent; the forward form is the way on. */
  | { kind: 'fallback'; why: 'too-large' | 'graph-failed'; reason?: StepError }
  | { kind: 'failed'; reason: StepError }
  | { kind: 'uncertain'; reason: StepError };

async function emlOf(run: GraphRun, client: GraphClient, restId: string): Promise<string> {
  if (isSetSupported('Mailbox', '1.14') && typeof run.item.getAsFileAsync === 'function') {
    try {
      const eml = await officeCall<string>('getAsFileAsync', run.budget(), (cb) => run.item.getAsFileAsync(cb));
      if (eml) return eml;
    } catch (e) {
      if (e instanceof StepError && e.kind === 'timeout') throw e;
      // A client that has the set but not the call for this item: Graph has the MIME too.
    }
  }
  return client.mime(restId);
}

/**
 * Sends the report through Graph, then moves the original when asked. Throws only when the run's
 * bound was reached before sending (the caller says what happened).
 */
export async function reportViaGraph(run: GraphRun): Promise<GraphOutcome> {
  const fetchFn = run.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  let client: GraphClient;
  let body: string;
  const restId = toRestId(run.mailbox, run.ewsId);
  try {
    client = new GraphClient(await run.token(run.budget()), fetchFn, run.budget);
    const emlBase64 = await emlOf(run, client, restId);
    body = sendMailBody({ ...run.report, emlBase64 });
    if (new TextEncoder().encode(body).length > GRAPH_REQUEST_CAP) return { kind: 'fallback', why: 'too-large' };
  } catch (e) {
    // Nothing has been sent yet: the forward form needs neither a token nor Graph.
    return { kind: 'fallback', why: 'graph-failed', reason: e instanceof StepError ? e : new StepError('unexpected', 'Error', String(e)) };
  }

  if (run.aborted()) throw new StepError('timeout', 'Timeout', 'bound reached before sending');
  run.phase('sending');
  try {
    await client.sendMail(body);
  } catch (e) {
    const err = e instanceof StepError ? e : new StepError('unexpected', 'Error', String(e));
    // 401/403: Graph refused it, nothing left; the form works without the permission.
    if (err.kind === 'consent') return { kind: 'fallback', why: 'graph-failed', reason: err };
    // Any other status is Graph's refusal too; a timeout or a lost connection may have come
    // after the message left, so the user is asked to look in Sent Items.
    if (err.kind === 'graph' && err.code !== 'NetworkError') return { kind: 'failed', reason: err };
    return { kind: 'uncertain', reason: err };
  }
  run.phase('sent');
  await run.sent();

  if (!run.move) return { kind: 'sent', moved: 'no' };
  run.phase('moving');
  try {
    await client.moveToJunk(restId);
    return { kind: 'sent', moved: 'yes' };
  } catch {
    return { kind: 'sent', moved: 'failed' };
  }
}
