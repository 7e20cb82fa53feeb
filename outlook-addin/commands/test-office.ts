// A fake Outlook read item and on-premises Exchange for the unit tests, on office-addin-mock.
// Callbacks answer asynchronously, as Office.js does; EWS answers follow the SOAP shapes of
// Microsoft's EWS reference (ResponseClass, ResponseCode, t:MimeContent, item:Size).
import { OfficeMockObject } from 'office-addin-mock';
import { SaxesParser } from 'saxes';
import type { Policy } from '../../core/policy/schema';
import { danangPreset } from '../../core/policy/presets/danang';
import type { CompletableEvent, PolicyProvider } from './report-spam';

export const ORIGINAL_MIME = [
  'Received: from mail.evil.example (203.0.113.9) by mail.danang.gov.vn; Tue, 4 Nov 2025 08:00:00 +0700',
  'Return-Path: <bulk@evil.example>',
  'From: "Khuyen mai" <bulk@evil.example>',
  'To: canbo@danang.gov.vn',
  'Subject: =?utf-8?B?VHLDunQgdGjGsOG7n25n?=',
  'Message-ID: <spam-1@evil.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Click here',
  '',
].join('\r\n');
export const ORIGINAL_MIME_B64 = Buffer.from(ORIGINAL_MIME, 'utf8').toString('base64');
export const ITEM_ID = 'AAMkAGI2TG93AAA+/=';
export const ENVELOPE_OPEN =
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:ServerVersionInfo xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" MajorVersion="15" MinorVersion="2"/></s:Header><s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">';
const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const T = 'http://schemas.microsoft.com/exchange/services/2006/types';

export function ewsResponse(op: 'GetItem' | 'CreateItem' | 'MoveItem', inner: string, cls = 'Success', code = 'NoError'): string {
  return (
    `${ENVELOPE_OPEN}<m:${op}Response xmlns:m="${M}" xmlns:t="${T}"><m:ResponseMessages>` +
    `<m:${op}ResponseMessage ResponseClass="${cls}">${cls === 'Success' ? '' : `<m:MessageText>${code}</m:MessageText>`}<m:ResponseCode>${code}</m:ResponseCode>${inner}</m:${op}ResponseMessage>` +
    `</m:ResponseMessages></m:${op}Response></s:Body></s:Envelope>`
  );
}

/** A simple element-text view of an XML request, by local name (first occurrence wins). */
export function xmlTexts(xml: string): { texts: Map<string, string[]>; attrs: Map<string, Record<string, string>[]> } {
  const texts = new Map<string, string[]>();
  const attrs = new Map<string, Record<string, string>[]>();
  const p = new SaxesParser({ xmlns: true });
  let buf = '';
  p.on('opentag', (tag) => {
    buf = '';
    const a: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) a[k] = v.value;
    attrs.set(tag.local, [...(attrs.get(tag.local) ?? []), a]);
  });
  p.on('text', (t) => (buf += t));
  p.on('closetag', (tag) => {
    texts.set(tag.local, [...(texts.get(tag.local) ?? []), buf]);
    buf = '';
  });
  p.write(xml).close();
  return { texts, attrs };
}

export type AsyncResult = { status: 'succeeded' | 'failed'; value?: unknown; error?: { name: string; message: string; code: number } };
export const ok = (value?: unknown): AsyncResult => ({ status: 'succeeded', value });
export const fail = (name: string, message = name, code = 9020): AsyncResult => ({ status: 'failed', value: undefined, error: { name, message, code } });
/** A call that never calls back. */
export const HANG = Symbol('hang');

export interface FakeOptions {
  /** Highest Mailbox requirement set the client supports ("1.5" for on-premises Exchange 2016/2019). */
  mailbox?: string;
  ewsUrl?: string;
  hostName?: string;
  hostVersion?: string;
  itemSize?: number;
  subject?: string;
  itemId?: string;
  /** Replace an EWS answer: return a response string, an AsyncResult, HANG, or undefined for the default. */
  ews?: (xml: string, op: string) => string | AsyncResult | typeof HANG | undefined;
  /** Throw from makeEwsRequestAsync itself. */
  ewsThrows?: boolean;
  notifications?: 'ok' | 'hang' | 'fail';
  customProperties?: Record<string, unknown> | 'hang' | 'fail';
  noDisplayNewMessageForm?: boolean;
  noMakeEws?: boolean;
  /** Office SSO (IdentityAPI 1.3): the token, a rejection like { code: 13001 }, or HANG. Absent: no Office.auth. */
  sso?: string | { code: number; name?: string; message?: string } | typeof HANG;
  /** The client supports NestedAppAuth 1.1 (the bridge itself: installNaaBridge). */
  naa?: boolean;
  /** item.getAsFileAsync's answer (Mailbox 1.14): default the original's EML. */
  getAsFile?: AsyncResult | typeof HANG;
}

export interface Fake {
  office: Record<string, unknown>;
  ews: { op: string; xml: string }[];
  forms: Office.MessageForm[];
  notifications: { key: string; details: Office.NotificationMessageDetails }[];
  savedProperties: Map<string, unknown>;
  sent(): { op: string; xml: string }[];
  moved(): { op: string; xml: string }[];
  /** The options each Office.auth.getAccessToken call got. */
  tokenCalls: unknown[];
}

function versionLE(v: string, max: string): boolean {
  const [a1 = 0, a2 = 0] = v.split('.').map(Number);
  const [b1 = 0, b2 = 0] = max.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

export function opOf(xml: string): string {
  if (xml.includes('<m:CreateItem')) return 'CreateItem';
  if (xml.includes('<m:MoveItem')) return 'MoveItem';
  if (xml.includes('IncludeMimeContent')) return 'GetItem(MimeContent)';
  return 'GetItem(Size)';
}

export function fakeOffice(o: FakeOptions = {}): Fake {
  const later = (fn: () => void) => setTimeout(fn, 1);
  const ews: Fake['ews'] = [];
  const forms: Office.MessageForm[] = [];
  const notifications: Fake['notifications'] = [];
  const stored = new Map<string, unknown>(typeof o.customProperties === 'object' ? Object.entries(o.customProperties) : []);
  const savedProperties = new Map<string, unknown>();
  const itemId = o.itemId ?? ITEM_ID;
  const tokenCalls: unknown[] = [];

  const defaultEws = (op: string): string => {
    switch (op) {
      case 'GetItem(Size)':
        return ewsResponse('GetItem', `<m:Items><t:Message><t:ItemId Id="${itemId}" ChangeKey="CQAAAB"/><t:Size>${o.itemSize ?? 2048}</t:Size></t:Message></m:Items>`);
      case 'GetItem(MimeContent)':
        return ewsResponse('GetItem', `<m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">${ORIGINAL_MIME_B64}</t:MimeContent><t:ItemId Id="${itemId}" ChangeKey="CQAAAB"/></t:Message></m:Items>`);
      case 'CreateItem':
        return ewsResponse('CreateItem', '<m:Items/>');
      default:
        return ewsResponse('MoveItem', `<m:Items><t:Message><t:ItemId Id="moved-${itemId}" ChangeKey="CQAAAC"/></t:Message></m:Items>`);
    }
  };

  const props = {
    get: (name: string) => stored.get(name),
    set: (name: string, value: unknown) => void stored.set(name, value),
    remove: (name: string) => void stored.delete(name),
    getAll: () => Object.fromEntries(stored),
    saveAsync: (cb: (r: AsyncResult) => void) =>
      later(() => {
        for (const [k, v] of stored) savedProperties.set(k, v);
        cb(ok());
      }),
  };

  const mailbox: Record<string, unknown> = {
    ewsUrl: o.ewsUrl ?? 'https://mail.danang.gov.vn/EWS/Exchange.asmx',
    diagnostics: { hostName: o.hostName ?? 'OutlookWebApp', hostVersion: o.hostVersion ?? '15.2.1544.4' },
    convertToEwsId: (id: string) => id.replace(/-/g, '/').replace(/_/g, '+'),
    convertToRestId: (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_'),
    item: {
      itemId,
      itemType: 'message',
      subject: o.subject ?? 'Trúng thưởng',
      notificationMessages: {
        replaceAsync: (key: string, details: Office.NotificationMessageDetails, cb?: (r: AsyncResult) => void) => {
          if (o.notifications === 'hang') return;
          notifications.push({ key, details });
          later(() => cb?.(o.notifications === 'fail' ? fail('GenericResponseError') : ok()));
        },
      },
      getAsFileAsync: (cb: (r: AsyncResult) => void) => {
        const answer = o.getAsFile;
        if (answer === HANG) return;
        later(() => cb(answer ?? ok(ORIGINAL_MIME_B64)));
      },
      loadCustomPropertiesAsync: (cb: (r: AsyncResult) => void) => {
        if (o.customProperties === 'hang') return;
        later(() => cb(o.customProperties === 'fail' ? fail('GenericResponseError') : ok(props)));
      },
    },
  };
  if (!o.noMakeEws) {
    mailbox.makeEwsRequestAsync = (xml: string, cb: (r: AsyncResult) => void) => {
      if (o.ewsThrows) throw new Error('makeEwsRequestAsync is not available');
      const op = opOf(xml);
      ews.push({ op, xml });
      const custom = o.ews?.(xml, op);
      if (custom === HANG) return;
      later(() => cb(typeof custom === 'object' ? custom : ok(custom ?? defaultEws(op))));
    };
  }
  if (!o.noDisplayNewMessageForm) mailbox.displayNewMessageForm = (form: Office.MessageForm) => void forms.push(form);

  const data = {
    host: 'outlook',
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    MailboxEnums: {
      ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage', ProgressIndicator: 'progressIndicator', InsightMessage: 'insightMessage' },
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      MoveSpamItemTo: { CustomFolder: 'customFolder', DeletedItemsFolder: 'deletedItemsFolder', JunkFolder: 'junkFolder', NoMove: 'noMove' },
    },
    context: {
      requirements: {
        isSetSupported: (name: string, version = '1.1') =>
          (name === 'Mailbox' && versionLE(version, o.mailbox ?? '1.5')) || (name === 'IdentityAPI' && o.sso !== undefined && versionLE(version, '1.3')) ||
          (name === 'NestedAppAuth' && o.naa === true && versionLE(version, '1.1')),
      },
      mailbox,
    },
    actions: { associate: () => undefined },
  };
  if (o.sso !== undefined) {
    const sso = o.sso;
    (data as Record<string, unknown>).auth = {
      getAccessToken: (options: unknown) => {
        tokenCalls.push(options);
        if (sso === HANG) return new Promise<string>(() => undefined);
        return new Promise<string>((resolve, reject) => later(() => (typeof sso === 'string' ? resolve(sso) : reject({ name: 'Error', message: `SSO error ${sso.code}`, ...sso }))));
      },
    };
  }
  const office = new OfficeMockObject(data) as unknown as Record<string, unknown>;
  return {
    office,
    ews,
    forms,
    notifications,
    savedProperties,
    sent: () => ews.filter((e) => e.op === 'CreateItem'),
    moved: () => ews.filter((e) => e.op === 'MoveItem'),
    tokenCalls,
  };
}

export function policy(overrides: Partial<Policy> = {}): PolicyProvider & { calls: number } {
  const p = { ...danangPreset, ...overrides };
  const provider = {
    calls: 0,
    async getPolicy() {
      provider.calls++;
      return p;
    },
  };
  return provider;
}

export function fakeEvent(): CompletableEvent & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    completed: (...args: unknown[]) => void calls.push(args),
  };
}

export interface GraphRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Graph's answer to a request: a Response, HANG, or undefined for the default (202/201/200). */
export type GraphAnswer = (req: GraphRequest) => Response | typeof HANG | undefined;

/** Graph's documented answer to a token it does not accept. */
export function invalidTokenResponse(): Response {
  return new Response(
    JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.', innerError: { date: new Date().toISOString(), 'request-id': 'b5c1c2e0-sim', 'client-request-id': 'b5c1c2e0-sim' } } }),
    { status: 401, headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"' } },
  );
}

/**
 * A fake Microsoft Graph behind `fetch`, recording every request. A hang ignores the abort
 * signal. With `acceptToken`, any other bearer token gets 401 InvalidAuthenticationToken, as
 * Graph answers the Office SSO token (an access token for the add-in's own API, not for Graph).
 */
export function fakeGraph(answer: GraphAnswer = () => undefined, acceptToken?: string): { fetch: (url: string, init: RequestInit) => Promise<Response>; requests: GraphRequest[] } {
  const requests: GraphRequest[] = [];
  return {
    requests,
    fetch: async (url, init) => {
      const req: GraphRequest = {
        method: init.method ?? 'GET',
        url,
        headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])),
        body: typeof init.body === 'string' ? init.body : undefined,
      };
      requests.push(req);
      await new Promise((r) => setTimeout(r, 1));
      if (acceptToken !== undefined && req.headers.authorization !== `Bearer ${acceptToken}`) return invalidTokenResponse();
      const custom = answer(req);
      if (custom === HANG) return new Promise<Response>(() => undefined);
      if (custom) return custom;
      if (url.endsWith('/me/sendMail')) return new Response(null, { status: 202 });
      if (url.endsWith('/move')) return new Response(JSON.stringify({ id: 'moved' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
      if (url.endsWith('/$value')) return new Response(ORIGINAL_MIME, { status: 200, headers: { 'Content-Type': 'message/rfc822' } });
      return new Response(JSON.stringify({ error: { code: 'ResourceNotFound' } }), { status: 404 });
    },
  };
}

export const NAA_CLIENT_ID = '5d1c7f3a-2b44-4c1e-9a57-0e2f6b8d4c31';
export const NAA_TOKEN = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6Im5hYSJ9.graph-mail.naa-sim';

export interface NaaBridgeConfig {
  clientId?: string;
  token?: string;
  silent?: 'ok' | 'interaction_required' | 'hang';
  popup?: 'ok' | 'cancel';
}

/**
 * Puts the simulated host bridge (test/outlook-sim/naa-bridge-sim.js) on window, as an Outlook
 * with NestedAppAuth does, and returns what MSAL asked it. Each call gets its own client ID
 * unless one is given, so MSAL's in-memory clients and tokens do not carry over between tests.
 */
export async function installNaaBridge(config: NaaBridgeConfig = {}): Promise<{ requests: { method: string; clientId?: string; scope?: string }[]; clientId: string; token: string; remove(): void }> {
  await import('../../test/outlook-sim/naa-bridge-sim.js');
  const g = globalThis as unknown as { window?: unknown; nestedAppAuthBridge?: unknown; __createNaaBridgeSim: (c: unknown, r: unknown[]) => unknown };
  const hadWindow = g.window !== undefined;
  if (!hadWindow) g.window = globalThis;
  const clientId = config.clientId ?? crypto.randomUUID();
  const token = config.token ?? `${NAA_TOKEN}.${clientId.slice(0, 8)}`;
  const requests: { method: string; clientId?: string; scope?: string }[] = [];
  g.nestedAppAuthBridge = g.__createNaaBridgeSim({ silent: 'ok', popup: 'ok', ...config, clientId, token }, requests);
  return {
    requests,
    clientId,
    token,
    remove() {
      delete g.nestedAppAuthBridge;
      if (!hadWindow) delete g.window;
    },
  };
}
