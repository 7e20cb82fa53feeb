// The simulated host keeps to the documented behaviour the add-in's tests rely on. Runs the
// plain script in happy-dom (DOMParser, TextEncoder, btoa), as a page would load it.
// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

// vitest runs from the repository root; under happy-dom import.meta.url is not a file: URL.
const SCRIPT = readFileSync(join(process.cwd(), 'test/outlook-sim/office-sim.js'), 'utf8');
type Sim = { state: { sent: unknown[]; notifications: Record<string, unknown>; openItemId: string; items: Record<string, { folder: string }> } };
const w = window as unknown as { Office: typeof Office; __officeSim: Sim & Record<string, unknown> };

function load(config: Record<string, unknown> = {}) {
  w.__officeSim = config as never;
  new Function(SCRIPT)();
  return w.Office;
}
function call<T>(start: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<Office.AsyncResult<T>> {
  return new Promise((resolve) => start(resolve));
}

describe('office-sim.js', () => {
  beforeEach(() => {
    delete (w as Partial<typeof w>).__officeSim;
  });

  it('calls back asynchronously with the AsyncResult shape', async () => {
    const office = load({ item: { subject: 'x' } });
    let calledBack = false;
    const p = call<Office.CustomProperties>((cb) =>
      office.context.mailbox.item!.loadCustomPropertiesAsync((r) => {
        calledBack = true;
        cb(r);
      }),
    );
    expect(calledBack).toBe(false);
    const r = await p;
    expect(calledBack).toBe(true);
    expect(r.status).toBe('succeeded');
    expect(typeof r.value.get).toBe('function');
  });

  it('reports requirement sets as configured (on-premises: Mailbox 1.5)', () => {
    const office = load({ supportedSets: { Mailbox: '1.5' } });
    expect(office.context.requirements.isSetSupported('Mailbox', '1.5')).toBe(true);
    expect(office.context.requirements.isSetSupported('Mailbox', '1.14')).toBe(false);
    expect(office.context.requirements.isSetSupported('Mailbox')).toBe(true);
    expect(() => office.context.mailbox.displayNewMessageForm({})).toThrow(/1\.6/);
  });

  it('enforces notification limits (150 characters, icon for InformationalMessage)', async () => {
    const office = load();
    const n = office.context.mailbox.item!.notificationMessages;
    const long = await call<void>((cb) => n.replaceAsync('k', { type: 'errorMessage' as never, message: 'x'.repeat(151) }, cb));
    expect(long.status).toBe('failed');
    expect(long.error.name).toBe('DataExceedsMaximumSize');
    const noIcon = await call<void>((cb) => n.replaceAsync('k', { type: 'informationalMessage' as never, message: 'hi' }, cb));
    expect(noIcon.status).toBe('failed');
    const good = await call<void>((cb) => n.replaceAsync('k', { type: 'informationalMessage' as never, message: 'hi', icon: 'Icon.16x16', persistent: false }, cb));
    expect(good.status).toBe('succeeded');
  });

  it('answers EWS with SOAP: MIME, error codes, faults, moves with a new id, and the cap', async () => {
    const office = load({ item: { mime: 'Subject: a\r\n\r\nb' }, ewsCapBytes: 4096 });
    const mb = office.context.mailbox;
    const id = w.__officeSim.state.openItemId;
    const env = (b: string) =>
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Body>${b}</soap:Body></soap:Envelope>`;
    const get = (itemId: string) => env(`<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape><m:ItemIds><t:ItemId Id="${itemId}"/></m:ItemIds></m:GetItem>`);
    const r1 = await call<string>((cb) => mb.makeEwsRequestAsync(get(id), cb));
    expect(r1.value).toContain(`<t:MimeContent CharacterSet="UTF-8">${btoa('Subject: a\r\n\r\nb')}</t:MimeContent>`);
    const r2 = await call<string>((cb) => mb.makeEwsRequestAsync(get('nope'), cb));
    expect(r2.value).toContain('ResponseClass="Error"');
    expect(r2.value).toContain('ErrorItemNotFound');
    const r3 = await call<string>((cb) => mb.makeEwsRequestAsync('<not xml', cb));
    expect(r3.value).toContain('<s:Fault>');
    const move = env(`<m:MoveItem><m:ToFolderId><t:DistinguishedFolderId Id="junkemail"/></m:ToFolderId><m:ItemIds><t:ItemId Id="${id}"/></m:ItemIds></m:MoveItem>`);
    await call<string>((cb) => mb.makeEwsRequestAsync(move, cb));
    expect(w.__officeSim.state.items[id]).toBeUndefined();
    expect(Object.values(w.__officeSim.state.items)[0]!.folder).toBe('junkemail');
    const big = await call<string>((cb) => mb.makeEwsRequestAsync(env(`<m:GetItem>${' '.repeat(5000)}</m:GetItem>`), cb));
    expect(big.status).toBe('failed');
  });

  it('can fail, hang or throw any call', async () => {
    const office = load({ faults: { makeEwsRequestAsync: { name: 'GenericResponseError', message: 'no', code: 9020 }, 'notificationMessages.replaceAsync': 'hang', loadCustomPropertiesAsync: 'throw' } });
    const mb = office.context.mailbox;
    const failed = await call<string>((cb) => mb.makeEwsRequestAsync('<x/>', cb));
    expect(failed).toMatchObject({ status: 'failed', error: { name: 'GenericResponseError', code: 9020 } });
    let answered = false;
    mb.item!.notificationMessages.replaceAsync('k', { type: 'errorMessage' as never, message: 'x' }, () => (answered = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    expect(() => mb.item!.loadCustomPropertiesAsync(() => undefined)).toThrow();
  });
});
