// EWS requests for the spam report, sent through Office.context.mailbox.makeEwsRequestAsync
// (Mailbox 1.1, read/write mailbox permission). That call works only against on-premises
// Exchange: Exchange Online has turned off the legacy tokens it relies on.
//
// Facts from Microsoft's documentation this file follows:
// - makeEwsRequestAsync takes the SOAP envelope as a string; an XML declaration that insists on
//   UTF-8 is not supported there, so none is sent (XML without a declaration is UTF-8 anyway).
// - Its response is capped: 1 MB in older classic Outlook on Windows and Mac, 5 MB in Outlook
//   on Windows from Version 2303 (Build 16225.10000), Mac from 16.73, and Microsoft 365's
//   Outlook on the web. Above the cap the call fails with an error instead of a response.
// - GetItem with ItemShape/IncludeMimeContent returns t:MimeContent, the item's MIME in base64.
// - CreateItem with MessageDisposition="SendAndSaveCopy" sends and keeps a copy in Sent Items;
//   a t:FileAttachment carries Name, ContentType and base64 Content.
// - MoveItem to DistinguishedFolderId "junkemail" moves to Junk Email.
// - Each *ResponseMessage has ResponseClass (Success | Warning | Error) and ResponseCode
//   (NoError or an error code); a malformed request gets a SOAP Fault instead.
import { XmlScanner } from '../../core/extract/xml-scan';
import { StepError } from './office-call';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  m: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  t: 'http://schemas.microsoft.com/exchange/services/2006/types',
} as const;

// XML 1.0 allows tab, LF, CR and U+0020 and above except surrogates and U+FFFE/U+FFFF:
// a subject pasted from anywhere may carry other control characters, which would make the
// whole request unparseable, so they are dropped. A surrogate pair is matched first and kept, so
// a lone surrogate is found without look-behind, which the launch file's ES2016 engine lacks.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;

/** Text or attribute value, escaped for XML. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, (found) => (found.length === 2 ? found : ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function envelope(body: string): string {
  return (
    `<soap:Envelope xmlns:soap="${NS.soap}" xmlns:m="${NS.m}" xmlns:t="${NS.t}">` +
    `<soap:Header><t:RequestServerVersion Version="Exchange2013"/></soap:Header>` +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

/** GetItem asking only for item:Size, so the MIME is fetched only when it fits the cap. */
export function getItemSizeRequest(ewsId: string): string {
  return envelope(
    `<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>` +
      `<t:AdditionalProperties><t:FieldURI FieldURI="item:Size"/></t:AdditionalProperties></m:ItemShape>` +
      `<m:ItemIds><t:ItemId Id="${escapeXml(ewsId)}"/></m:ItemIds></m:GetItem>`,
  );
}

/** GetItem with the item's full MIME content (headers intact), base64. */
export function getItemMimeRequest(ewsId: string): string {
  return envelope(
    `<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape>` +
      `<m:ItemIds><t:ItemId Id="${escapeXml(ewsId)}"/></m:ItemIds></m:GetItem>`,
  );
}

export interface ReportMessage {
  to: string;
  subject: string;
  /** Plain-text note, the body of the report. */
  note: string;
  attachmentName: string;
  /** The original's MIME, base64, as GetItem returned it. */
  mimeBase64: string;
}

/** CreateItem that sends the report with the original attached as message/rfc822. */
export function sendReportRequest(r: ReportMessage): string {
  // Child order follows t:MessageType: Subject, Body, Attachments (ItemType), then ToRecipients.
  return envelope(
    `<m:CreateItem MessageDisposition="SendAndSaveCopy">` +
      `<m:SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"/></m:SavedItemFolderId>` +
      `<m:Items><t:Message>` +
      `<t:Subject>${escapeXml(r.subject)}</t:Subject>` +
      `<t:Body BodyType="Text">${escapeXml(r.note)}</t:Body>` +
      `<t:Attachments><t:FileAttachment>` +
      `<t:Name>${escapeXml(r.attachmentName)}</t:Name>` +
      `<t:ContentType>message/rfc822</t:ContentType>` +
      `<t:Content>${escapeXml(r.mimeBase64)}</t:Content>` +
      `</t:FileAttachment></t:Attachments>` +
      `<t:ToRecipients><t:Mailbox><t:EmailAddress>${escapeXml(r.to)}</t:EmailAddress></t:Mailbox></t:ToRecipients>` +
      `</t:Message></m:Items></m:CreateItem>`,
  );
}

/** MoveItem to Junk Email. */
export function moveToJunkRequest(ewsId: string): string {
  return envelope(
    `<m:MoveItem><m:ToFolderId><t:DistinguishedFolderId Id="junkemail"/></m:ToFolderId>` +
      `<m:ItemIds><t:ItemId Id="${escapeXml(ewsId)}"/></m:ItemIds></m:MoveItem>`,
  );
}

export interface EwsResponseMessage {
  /** Element name, e.g. GetItemResponseMessage. */
  element: string;
  responseClass: string;
  responseCode: string;
  messageText: string;
  size?: number;
  mimeContent?: string;
  itemId?: string;
}

export interface EwsResponse {
  fault?: { code: string; message: string };
  messages: EwsResponseMessage[];
}

/** An element as a namespace-aware reader names it. */
interface Tag {
  local: string;
  uri: string;
}

interface NamespacedHandler {
  /** `attrs`: the attributes without a prefix (EWS puts ResponseClass and Id there). */
  open(tag: Tag, attrs: ReadonlyMap<string, string>): void;
  close(tag: Tag): void;
  text(text: string): void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The core's XML scanner with namespaces resolved on top (Namespaces in XML 1.0: a prefix is
 * bound on the element that declares it and below; an unprefixed attribute has no namespace).
 * The launch file carries the scanner for attachments already; saxes would add 27 KB (issue 11).
 */
function scanNamespaced(xml: string, h: NamespacedHandler): void {
  const scopes: ReadonlyMap<string, string>[] = [new Map([['xml', XML_NS]])];
  const tags: Tag[] = [];
  const uriOf = (prefix: string): string => {
    for (let k = scopes.length - 1; k >= 0; k--) {
      const uri = scopes[k]!.get(prefix);
      if (uri !== undefined) return uri;
    }
    if (prefix === '') return '';
    throw new Error(`unbound namespace prefix: ${prefix}`);
  };
  const scanner: XmlScanner = new XmlScanner(
    {
      open(local, _attr, qname) {
        const attributes = scanner.attributes();
        const declared = new Map<string, string>();
        for (const [name, value] of attributes) {
          if (name === 'xmlns') declared.set('', value);
          else if (name.startsWith('xmlns:')) declared.set(name.slice(6), value);
        }
        scopes.push(declared);
        const plain = new Map<string, string>();
        for (const [name, value] of attributes) {
          const colon = name.indexOf(':');
          if (colon < 0) {
            if (name !== 'xmlns') plain.set(name, value);
          } else if (name.slice(0, colon) !== 'xmlns') uriOf(name.slice(0, colon));
        }
        const colon = qname.indexOf(':');
        const tag = { local, uri: uriOf(colon < 0 ? '' : qname.slice(0, colon)) };
        tags.push(tag);
        h.open(tag, plain);
      },
      close() {
        scopes.pop();
        h.close(tags.pop()!);
      },
      text: h.text,
    },
    'EWS response',
  );
  scanner.write(xml);
  scanner.close();
}

/** Parses an EWS SOAP response. Throws StepError('ews', 'ErrorInvalidResponse') if it is not XML. */
export function parseEwsResponse(xml: string): EwsResponse {
  const out: EwsResponse = { messages: [] };
  const stack: string[] = [];
  let current: EwsResponseMessage | undefined;
  let text = '';
  let faultCode = '';
  let faultString = '';
  let inFault = false;

  const open = (tag: Tag, attrs: ReadonlyMap<string, string>) => {
    stack.push(tag.local);
    text = '';
    if (tag.uri === NS.soap && tag.local === 'Fault') inFault = true;
    if (tag.uri === NS.m && tag.local.endsWith('ResponseMessage')) {
      current = { element: tag.local, responseClass: attrs.get('ResponseClass') ?? '', responseCode: '', messageText: '' };
    }
    if (current && tag.uri === NS.t && tag.local === 'ItemId' && current.itemId === undefined) {
      current.itemId = attrs.get('Id');
    }
  };
  const close = (tag: Tag) => {
    stack.pop();
    const value = text;
    text = '';
    if (inFault) {
      if (tag.local === 'faultcode') faultCode = value.trim();
      else if (tag.local === 'faultstring') faultString = value.trim();
      // Exchange puts its own code in detail/e:ResponseCode.
      else if (tag.local === 'ResponseCode') faultCode = value.trim();
      else if (tag.uri === NS.soap && tag.local === 'Fault') inFault = false;
      return;
    }
    if (!current) return;
    switch (tag.local) {
      case 'ResponseCode':
        current.responseCode = value.trim();
        break;
      case 'MessageText':
        current.messageText = value.trim();
        break;
      case 'Size':
        if (tag.uri === NS.t) current.size = Number(value.trim());
        break;
      case 'MimeContent':
        if (tag.uri === NS.t) current.mimeContent = value.replace(/\s+/g, '');
        break;
      default:
        if (tag.uri === NS.m && tag.local === current.element) {
          out.messages.push(current);
          current = undefined;
        }
    }
  };
  try {
    scanNamespaced(xml, { open, close, text: (t) => (text += t) });
  } catch (e) {
    // The scanner throws an Error, or its hand-back marker (NEEDS_SAXES) before a DOCTYPE.
    const why = e instanceof Error ? e.message : 'it has a DOCTYPE';
    throw new StepError('ews', 'ErrorInvalidResponse', `EWS response is not XML: ${why}`);
  }
  if (faultCode || faultString) out.fault = { code: faultCode || 'SoapFault', message: faultString };
  return out;
}

/**
 * The single response message of a one-item request, or a StepError('ews') naming the
 * ResponseCode. Warning counts as failure: EWS uses it for partial results.
 */
export function expectSuccess(response: EwsResponse, element: string): EwsResponseMessage {
  if (response.fault) throw new StepError('ews', response.fault.code, response.fault.message);
  const msg = response.messages.find((m) => m.element === element);
  if (!msg) throw new StepError('ews', 'ErrorInvalidResponse', `no ${element} in the response`);
  if (msg.responseClass !== 'Success' || (msg.responseCode && msg.responseCode !== 'NoError')) {
    throw new StepError('ews', msg.responseCode || msg.responseClass || 'Error', msg.messageText);
  }
  return msg;
}

/** Sends one EWS request and resolves with its XML response (rejects with a StepError). */
export type EwsTransport = (xml: string, label: string) => Promise<string>;

/** The four steps of the report, over a transport. */
export class EwsReporter {
  constructor(private readonly send: EwsTransport) {}

  async itemSize(ewsId: string): Promise<number> {
    const msg = expectSuccess(parseEwsResponse(await this.send(getItemSizeRequest(ewsId), 'GetItem(Size)')), 'GetItemResponseMessage');
    if (msg.size === undefined || !Number.isFinite(msg.size)) throw new StepError('ews', 'ErrorInvalidResponse', 'no item:Size');
    return msg.size;
  }

  async mime(ewsId: string): Promise<string> {
    const msg = expectSuccess(parseEwsResponse(await this.send(getItemMimeRequest(ewsId), 'GetItem(MimeContent)')), 'GetItemResponseMessage');
    if (!msg.mimeContent) throw new StepError('ews', 'ErrorInvalidResponse', 'no MimeContent');
    return msg.mimeContent;
  }

  async sendReport(r: ReportMessage): Promise<void> {
    expectSuccess(parseEwsResponse(await this.send(sendReportRequest(r), 'CreateItem')), 'CreateItemResponseMessage');
  }

  async moveToJunk(ewsId: string): Promise<void> {
    expectSuccess(parseEwsResponse(await this.send(moveToJunkRequest(ewsId), 'MoveItem')), 'MoveItemResponseMessage');
  }
}

/** Upper bound of the request CreateItem will need for an item of `size` bytes. */
export function estimatedReportRequestBytes(size: number, extra: number): number {
  // item:Size is the stored size; the MIME rendering base64-encodes binary attachments
  // (×4/3) and the request base64-encodes the MIME again (×4/3): allow 1.4 × 4/3, plus the
  // envelope, subject and note.
  return Math.ceil(size * 1.4 * (4 / 3)) + 4096 + extra;
}
