import { describe, expect, it } from 'vitest';
import { escapeXml, expectSuccess, getItemMimeRequest, moveToJunkRequest, parseEwsResponse, sendReportRequest } from './ews';
import { StepError } from './office-call';
import { ENVELOPE_OPEN, ewsResponse, xmlTexts } from './test-office';

describe('EWS requests', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<script>&"'\u0001\uD800x`)).toBe('&lt;script&gt;&amp;&quot;&apos;x');
    // Pairs stay whole (an emoji in a subject); a lone half of one, either half, is dropped.
    expect(escapeXml('Báo cáo 😀\uDC00 quý\uD83D IV \uDBFF\uDFFF\uDC00\uD800\uDC00')).toBe('Báo cáo 😀 quý IV \uDBFF\uDFFF\uD800\uDC00');
  });

  it('are well-formed and carry ids and text as given', () => {
    const id = 'AAMk<"&>';
    expect(xmlTexts(getItemMimeRequest(id)).attrs.get('ItemId')?.[0]?.Id).toBe(id);
    expect(xmlTexts(moveToJunkRequest(id)).attrs.get('DistinguishedFolderId')?.[0]?.Id).toBe('junkemail');
    const req = sendReportRequest({ to: 'a@b.vn', subject: '</t:Subject><x>', note: 'a & b', attachmentName: 'thu-rac.eml', mimeBase64: 'QUJD' });
    const { texts } = xmlTexts(req);
    expect(texts.get('Subject')).toEqual(['</t:Subject><x>']);
    expect(texts.get('Body')?.[0]).toBe('a & b'); // [1] is soap:Body
    expect(req.startsWith('<?xml')).toBe(false);
  });
});

describe('EWS responses', () => {
  it('reads size, MIME and item id of a success', () => {
    const r = parseEwsResponse(ewsResponse('GetItem', '<m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">QU\nJD</t:MimeContent><t:ItemId Id="X1"/><t:Size>42</t:Size></t:Message></m:Items>'));
    const m = expectSuccess(r, 'GetItemResponseMessage');
    expect(m).toMatchObject({ mimeContent: 'QUJD', itemId: 'X1', size: 42, responseCode: 'NoError' });
  });

  it('turns an error response into a StepError with its ResponseCode', () => {
    const r = parseEwsResponse(ewsResponse('CreateItem', '', 'Error', 'ErrorQuotaExceeded'));
    expect(() => expectSuccess(r, 'CreateItemResponseMessage')).toThrow(expect.objectContaining({ kind: 'ews', code: 'ErrorQuotaExceeded' }));
  });

  it('treats Warning as failure', () => {
    const r = parseEwsResponse(ewsResponse('MoveItem', '', 'Warning', 'ErrorBatchProcessingStopped'));
    expect(() => expectSuccess(r, 'MoveItemResponseMessage')).toThrow(StepError);
  });

  it('reads a SOAP fault', () => {
    const xml = `${ENVELOPE_OPEN}<s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorSchemaValidation</faultcode><faultstring>The request failed schema validation</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorSchemaValidation</e:ResponseCode></detail></s:Fault></s:Body></s:Envelope>`;
    const r = parseEwsResponse(xml);
    expect(r.fault).toEqual({ code: 'ErrorSchemaValidation', message: 'The request failed schema validation' });
    expect(() => expectSuccess(r, 'GetItemResponseMessage')).toThrow(expect.objectContaining({ code: 'ErrorSchemaValidation' }));
  });

  it('rejects what is not XML, and a response without the expected message', () => {
    expect(() => parseEwsResponse('<html><body>502')).toThrow(expect.objectContaining({ kind: 'ews', code: 'ErrorInvalidResponse' }));
    expect(() => expectSuccess(parseEwsResponse(ewsResponse('GetItem', '')), 'CreateItemResponseMessage')).toThrow(expect.objectContaining({ code: 'ErrorInvalidResponse' }));
  });

  it('reads elements by namespace, whatever prefixes the server chose', () => {
    const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
    const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
    // Default namespaces and other prefixes, as another Exchange build may write them; a Size in
    // a foreign namespace, and an Id that carries a prefix, are not EWS's.
    const xml =
      `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><GetItemResponse xmlns="${M}"><ResponseMessages>` +
      `<GetItemResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode><Items><q:Message xmlns:q="${T}">` +
      `<q:MimeContent>QU JD</q:MimeContent><q:ItemId x:Id="no" xmlns:x="urn:x" Id="X2"/><x:Size xmlns:x="urn:x">7</x:Size><q:Size>42</q:Size>` +
      `</q:Message></Items></GetItemResponseMessage></ResponseMessages></GetItemResponse></Body></Envelope>`;
    expect(expectSuccess(parseEwsResponse(xml), 'GetItemResponseMessage')).toMatchObject({ mimeContent: 'QUJD', itemId: 'X2', size: 42 });
    // The same response message outside EWS's messages namespace is no response message.
    expect(parseEwsResponse(xml.replace(`GetItemResponse xmlns="${M}"`, 'GetItemResponse xmlns="urn:other"')).messages).toEqual([]);
  });

  it('rejects a prefix no element declares, and a DOCTYPE', () => {
    expect(() => parseEwsResponse(ewsResponse('GetItem', '<z:Items/>'))).toThrow(expect.objectContaining({ code: 'ErrorInvalidResponse' }));
    expect(() => parseEwsResponse(ewsResponse('GetItem', '<t:Items z:a="1"/>'))).toThrow(expect.objectContaining({ code: 'ErrorInvalidResponse' }));
    expect(() => parseEwsResponse('<!DOCTYPE html><html></html>')).toThrow(expect.objectContaining({ code: 'ErrorInvalidResponse' }));
  });
});
