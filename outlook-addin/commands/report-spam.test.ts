import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../core/messages';
import type { Lang } from '../../core/types';
import { StepError } from './office-call';
import {
  createReportSpamHandlers,
  describeOutcome,
  NOTIFICATION_KEY,
  NOTIFICATION_MAX,
  REPORTED_PROPERTY,
  ReportedLedger,
  type Outcome,
} from './report-spam';
import { ewsResponse, fail, fakeEvent, fakeOffice, HANG, ITEM_ID, ORIGINAL_MIME, ORIGINAL_MIME_B64, policy, xmlTexts, type FakeOptions } from './test-office';

const ADDRESS = 'chanthurac@danang.gov.vn';
const g = globalThis as { Office?: unknown };

function install(o: FakeOptions = {}) {
  const fake = fakeOffice(o);
  g.Office = fake.office;
  return fake;
}

afterEach(() => {
  delete g.Office;
});

const last = <T>(list: T[]): T | undefined => list[list.length - 1];

describe('reportSpamCommand on on-premises Exchange (EWS)', () => {
  let fake: ReturnType<typeof fakeOffice>;
  beforeEach(() => {
    fake = install();
  });

  it('sends one report with the original MIME attached, notes in Vietnamese, moves to Junk', async () => {
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);

    expect(fake.ews.map((e) => e.op)).toEqual(['GetItem(Size)', 'GetItem(MimeContent)', 'CreateItem', 'MoveItem']);
    const sent = fake.sent();
    expect(sent).toHaveLength(1);
    const { texts, attrs } = xmlTexts(sent[0]!.xml);
    expect(attrs.get('CreateItem')?.[0]?.MessageDisposition).toBe('SendAndSaveCopy');
    expect(texts.get('EmailAddress')).toEqual([ADDRESS]);
    expect(texts.get('ContentType')).toEqual(['message/rfc822']);
    expect(texts.get('Name')).toEqual(['thu-rac.eml']);
    expect(texts.get('Content')).toEqual([ORIGINAL_MIME_B64]);
    expect(Buffer.from(texts.get('Content')![0]!, 'base64').toString('utf8')).toBe(ORIGINAL_MIME);
    expect(texts.get('Subject')).toEqual(['Báo cáo thư rác: Trúng thưởng']);
    expect(texts.get('Body')?.[0]).toBe(t('vi', 'report-spam.note'));
    expect(texts.get('Body')?.[0]).toContain('báo cáo thư rác');

    const move = xmlTexts(fake.moved()[0]!.xml);
    expect(move.attrs.get('DistinguishedFolderId')?.[0]?.Id).toBe('junkemail');
    expect(move.attrs.get('ItemId')?.[0]?.Id).toBe(ITEM_ID);

    const note = last(fake.notifications)!;
    expect(note.key).toBe(NOTIFICATION_KEY);
    expect(note.details.type).toBe('informationalMessage');
    expect(note.details.icon).toBeTruthy();
    expect(note.details.message).toContain(`Đã gửi báo cáo thư rác tới ${ADDRESS}`);
    expect(note.details.message).toBe(note.details.message.normalize('NFC'));
    expect(fake.savedProperties.get(REPORTED_PROPERTY)).toBeTruthy();
    expect(event.calls).toEqual([[]]);
  });

  it('does not move when the policy says not to', async () => {
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy({ moveReportedSpamToJunk: false }) }).reportSpamCommand(event);
    expect(fake.sent()).toHaveLength(1);
    expect(fake.moved()).toHaveLength(0);
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.sent', { address: ADDRESS }));
    expect(event.calls).toHaveLength(1);
  });

  it('writes the note in the policy language', async () => {
    await createReportSpamHandlers({ policy: policy({ language: 'en' }) }).reportSpamCommand(fakeEvent());
    const { texts } = xmlTexts(fake.sent()[0]!.xml);
    expect(texts.get('Body')?.[0]).toBe(t('en', 'report-spam.note'));
    expect(texts.get('Name')).toEqual(['spam.eml']);
  });

  it('a second click on the same message sends nothing more', async () => {
    const handlers = createReportSpamHandlers({ policy: policy() });
    const first = fakeEvent();
    const second = fakeEvent();
    await handlers.reportSpamCommand(first);
    await handlers.reportSpamCommand(second);
    expect(fake.sent()).toHaveLength(1);
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.already'));
    expect(last(fake.notifications)!.details.message).toContain('đã được báo cáo trước đó');
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(1);
  });

  it('two clicks at once send once', async () => {
    const handlers = createReportSpamHandlers({ policy: policy() });
    const a = fakeEvent();
    const b = fakeEvent();
    await Promise.all([handlers.reportSpamCommand(a), handlers.reportSpamCommand(b)]);
    expect(fake.sent()).toHaveLength(1);
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(1);
  });

  it('a message marked reported in an earlier session (custom property) is not sent again', async () => {
    fake = install({ customProperties: { [REPORTED_PROPERTY]: '2025-11-01T08:00:00.000Z' } });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), ledger: new ReportedLedger() }).reportSpamCommand(event);
    expect(fake.ews).toHaveLength(0);
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.already'));
    expect(event.calls).toHaveLength(1);
  });

  it('an EWS error response on CreateItem says so, moves nothing, and a retry can send', async () => {
    let refuse = true;
    fake = install({ ews: (_xml, op) => (op === 'CreateItem' && refuse ? ewsResponse('CreateItem', '', 'Error', 'ErrorQuotaExceeded') : undefined) });
    const handlers = createReportSpamHandlers({ policy: policy() });
    const event = fakeEvent();
    await handlers.reportSpamCommand(event);
    expect(fake.moved()).toHaveLength(0);
    const note = last(fake.notifications)!;
    expect(note.details.type).toBe('errorMessage');
    expect(note.details.message).toContain('ErrorQuotaExceeded');
    expect(note.details.message).toContain('thư vẫn ở chỗ cũ');
    expect(fake.savedProperties.size).toBe(0);
    expect(event.calls).toHaveLength(1);

    refuse = false;
    await handlers.reportSpamCommand(fakeEvent());
    expect(fake.sent()).toHaveLength(2);
    expect(fake.moved()).toHaveLength(1);
  });

  it('an EWS error before sending (GetItem) opens the forward form, says so as an error, moves nothing', async () => {
    fake = install({ mailbox: '1.6', ews: (_xml, op) => (op === 'GetItem(Size)' ? ewsResponse('GetItem', '', 'Error', 'ErrorItemNotFound') : undefined) });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(fake.sent()).toHaveLength(0);
    expect(fake.moved()).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    const note = last(fake.notifications)!;
    expect(note.details.type).toBe('errorMessage');
    expect(note.details.message).toContain('ErrorItemNotFound');
    expect(event.calls).toHaveLength(1);
  });

  it('makeEwsRequestAsync failing (no form on Mailbox 1.5) gives an error notification and loses nothing', async () => {
    fake = install({ ews: () => fail('GenericResponseError', 'The remote server returned an error: (401)') });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(fake.ews).toHaveLength(1);
    expect(fake.forms).toHaveLength(0);
    const note = last(fake.notifications)!;
    expect(note.details.type).toBe('errorMessage');
    expect(note.details.message).toBe(t('vi', 'report-spam.failed', { address: ADDRESS, reason: t('vi', 'report-spam.reason.office', { code: '9020' }) }));
    expect(event.calls).toHaveLength(1);
  });

  it('a SOAP fault or a response that is not XML counts as a failure', async () => {
    fake = install({ ews: (_xml, op) => (op === 'CreateItem' ? '<html>502 Bad Gateway' : undefined) });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(last(fake.notifications)!.details.type).toBe('errorMessage');
    expect(fake.moved()).toHaveLength(0);
    expect(event.calls).toHaveLength(1);
  });

  it('a message over the EWS cap falls back to the forward form and says so', async () => {
    fake = install({ mailbox: '1.6', itemSize: 900 * 1024 });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(fake.ews.map((e) => e.op)).toEqual(['GetItem(Size)']);
    expect(fake.forms).toHaveLength(1);
    const form = fake.forms[0]!;
    expect(form.toRecipients).toEqual([ADDRESS]);
    expect(form.attachments).toEqual([{ type: 'item', itemId: ITEM_ID, name: 'Trúng thưởng' }]);
    expect(form.htmlBody).toContain('Kính gửi');
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.form-too-large', { address: ADDRESS }));
    expect(event.calls).toHaveLength(1);
  });

  it('the 5 MB cap of classic Outlook on Windows 2303+ lets a 2 MB message through EWS', async () => {
    fake = install({ itemSize: 2 * 1024 * 1024, hostName: 'Outlook', hostVersion: '16.0.17928.20114' });
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(fakeEvent());
    expect(fake.sent()).toHaveLength(1);
  });

  it('an over-cap message on a client without displayNewMessageForm says how to report by hand', async () => {
    fake = install({ mailbox: '1.5', itemSize: 5 * 1024 * 1024 });
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(fakeEvent());
    expect(fake.forms).toHaveLength(0);
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.unsupported', { address: ADDRESS }));
  });
});

describe('reportSpamCommand without EWS', () => {
  it('opens the forward form when Mailbox 1.1 is not supported', async () => {
    const fake = install({ mailbox: '1.0' });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(fake.ews).toHaveLength(0);
    expect(fake.forms).toHaveLength(0); // 1.6 is not there either
    expect(event.calls).toHaveLength(1);
  });

  it('opens the forward form on Exchange Online (legacy tokens are off), never calling EWS', async () => {
    const fake = install({ mailbox: '1.14', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx' });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(fake.ews).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    expect(fake.forms[0]!.subject).toBe('Báo cáo thư rác: Trúng thưởng');
    const note = last(fake.notifications)!;
    expect(note.details.type).toBe('informationalMessage');
    expect(note.details.message).toBe(t('vi', 'report-spam.form-opened', { address: ADDRESS }));
    expect(note.details.message).toContain('bấm Gửi');
    expect(event.calls).toEqual([[]]);
  });

  it('new Outlook on Windows counts as Exchange Online', async () => {
    const fake = install({ mailbox: '1.14', hostName: 'newOutlookWindows' });
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(fakeEvent());
    expect(fake.ews).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
  });

  it('a REST-format item id is converted for the form', async () => {
    const fake = install({ mailbox: '1.14', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx', itemId: 'AAMkAGI2-TG93_AAA' });
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(fakeEvent());
    expect(fake.forms[0]!.attachments?.[0]).toMatchObject({ itemId: 'AAMkAGI2/TG93+AAA' });
  });
});

describe('reportSpamCommand always completes once', () => {
  const bounds = { boundMs: 600, stepMs: 150, reserveMs: 150 };

  it('when makeEwsRequestAsync never answers', async () => {
    const fake = install({ ews: () => HANG });
    const event = fakeEvent();
    const started = Date.now();
    await createReportSpamHandlers({ policy: policy(), ...bounds }).reportSpamCommand(event);
    expect(Date.now() - started).toBeLessThan(bounds.boundMs + 200);
    expect(event.calls).toHaveLength(1);
    expect(fake.sent()).toHaveLength(0);
    expect(last(fake.notifications)!.details.type).toBe('errorMessage');
  });

  it('when CreateItem never answers: the user is told it is unclear, nothing is moved', async () => {
    const fake = install({ ews: (_x, op) => (op === 'CreateItem' ? HANG : undefined) });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy(), ...bounds }).reportSpamCommand(event);
    expect(event.calls).toHaveLength(1);
    expect(fake.moved()).toHaveLength(0);
    expect(last(fake.notifications)!.details.message).toContain('Chưa rõ');
  });

  it('when notifications and custom properties never answer', async () => {
    const fake = install({ notifications: 'hang', customProperties: 'hang' });
    const event = fakeEvent();
    const started = Date.now();
    await createReportSpamHandlers({ policy: policy(), ...bounds }).reportSpamCommand(event);
    expect(Date.now() - started).toBeLessThan(bounds.boundMs + 200);
    expect(event.calls).toHaveLength(1);
    expect(fake.sent()).toHaveLength(1);
  });

  it('when the policy never arrives', async () => {
    install();
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: { getPolicy: () => new Promise(() => undefined) }, ...bounds }).reportSpamCommand(event);
    expect(event.calls).toHaveLength(1);
  });

  it('when the whole run overruns, completed() still comes exactly once at the bound', async () => {
    install({ ews: () => HANG });
    const event = fakeEvent();
    // stepMs larger than the bound: only the overall race can end the run.
    await createReportSpamHandlers({ policy: policy(), boundMs: 500, stepMs: 10_000, reserveMs: 100 }).reportSpamCommand(event);
    await new Promise((r) => setTimeout(r, 600));
    expect(event.calls).toHaveLength(1);
  });

  it('when makeEwsRequestAsync throws', async () => {
    const fake = install({ ewsThrows: true });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(event.calls).toHaveLength(1);
    expect(last(fake.notifications)!.details.type).toBe('errorMessage');
  });

  it('when getPolicy throws', async () => {
    const fake = install();
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: { getPolicy: () => Promise.reject(new Error('HTTP 404')) } }).reportSpamCommand(event);
    expect(event.calls).toHaveLength(1);
    expect(fake.ews).toHaveLength(0);
    expect(last(fake.notifications)!.details.message).toContain('Chưa đọc được chính sách');
  });

  it('when there is no Office at all', async () => {
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(event.calls).toHaveLength(1);
  });

  it('when displayNewMessageForm throws', async () => {
    const fake = install({ mailbox: '1.14', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx' });
    (fake.office as { context: { mailbox: { displayNewMessageForm: () => void } } }).context.mailbox.displayNewMessageForm = () => {
      throw new Error('Invalid parameters');
    };
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    expect(event.calls).toHaveLength(1);
    expect(last(fake.notifications)!.details.type).toBe('errorMessage');
  });

  it('when no address is set', async () => {
    const fake = install();
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy({ spamReportAddress: '' }) }).reportSpamCommand(event);
    expect(fake.ews).toHaveLength(0);
    expect(last(fake.notifications)!.details.message).toBe(t('vi', 'report-spam.no-address'));
    expect(event.calls).toHaveLength(1);
  });
});

describe('XML escaping', () => {
  it('a subject with <script>& stays text in a well-formed request', async () => {
    const subject = '<script>alert("x")</script> & Tom\'s \u0007prize';
    const fake = install({ subject });
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(fakeEvent());
    const xml = fake.sent()[0]!.xml;
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    expect(xmlTexts(xml).texts.get('Subject')).toEqual([`Báo cáo thư rác: <script>alert("x")</script> & Tom's prize`]);
  });

  it('the forward form body is escaped HTML', async () => {
    const fake = install({ mailbox: '1.14', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx', subject: '<b>x</b>' });
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(fakeEvent());
    expect(fake.forms[0]!.subject).toBe('Báo cáo thư rác: <b>x</b>'); // a plain-text field
    expect(fake.forms[0]!.htmlBody).not.toMatch(/<(?!br>)/);
  });
});

describe('onSpamReport (integrated spam reporting, Mailbox 1.14)', () => {
  it('online: opens the forward form, leaves the message where it is, completes with a dialog', async () => {
    const fake = install({ mailbox: '1.14', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx' });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).onSpamReport(event);
    expect(fake.ews).toHaveLength(0);
    expect(fake.forms).toHaveLength(1);
    expect(event.calls).toHaveLength(1);
    expect(event.calls[0]![0]).toEqual({
      onErrorDeleteItem: false,
      moveItemTo: 'noMove',
      showPostProcessingDialog: { title: 'Báo cáo thư rác', description: t('vi', 'report-spam.form-opened', { address: ADDRESS }) },
    });
  });

  it('with EWS: sends, and lets the client move the message to Junk', async () => {
    const fake = install({ mailbox: '1.14' });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).onSpamReport(event);
    expect(fake.sent()).toHaveLength(1);
    expect(fake.moved()).toHaveLength(0);
    expect(event.calls[0]![0]).toMatchObject({ onErrorDeleteItem: false, moveItemTo: 'junkFolder' });
  });

  it('a failure keeps the message (no delete, no move)', async () => {
    install({ mailbox: '1.14', ews: (_x, op) => (op === 'CreateItem' ? ewsResponse('CreateItem', '', 'Error', 'ErrorSendAsDenied') : undefined) });
    const event = fakeEvent();
    await createReportSpamHandlers({ policy: policy() }).onSpamReport(event);
    expect(event.calls).toHaveLength(1);
    expect(event.calls[0]![0]).toMatchObject({ onErrorDeleteItem: false, moveItemTo: 'noMove' });
  });

  it('completed() throwing on options is retried once without them', async () => {
    install({ mailbox: '1.14', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx' });
    const calls: unknown[][] = [];
    const event = {
      completed: (...args: unknown[]) => {
        calls.push(args);
        if (args.length) throw new Error('Unknown option');
      },
    };
    await createReportSpamHandlers({ policy: policy() }).onSpamReport(event);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual([]);
  });
});

describe('notification texts', () => {
  const reasons = [
    new StepError('ews', 'ErrorExceededConnectionCount'),
    new StepError('office', 'GenericResponseError'),
    new StepError('timeout', 'Timeout'),
    new StepError('unexpected', 'TypeError'),
  ];
  const outcomes: Outcome[] = [
    { kind: 'sent', address: ADDRESS, moved: 'yes' },
    { kind: 'sent', address: ADDRESS, moved: 'no' },
    { kind: 'sent', address: ADDRESS, moved: 'failed' },
    { kind: 'already' },
    { kind: 'busy' },
    { kind: 'form', address: ADDRESS, why: 'no-ews' },
    { kind: 'form', address: ADDRESS, why: 'too-large' },
    ...reasons.map((reason): Outcome => ({ kind: 'form', address: ADDRESS, why: 'ews-failed', reason })),
    ...reasons.map((reason): Outcome => ({ kind: 'failed', address: ADDRESS, reason })),
    ...reasons.map((reason): Outcome => ({ kind: 'uncertain', reason })),
    ...reasons.map((reason): Outcome => ({ kind: 'no-policy', reason })),
    { kind: 'no-address' },
    { kind: 'unsupported', address: ADDRESS },
  ];
  it.each(['vi', 'en'] as Lang[])('fit Outlook’s 150 characters for Đà Nẵng in %s', (lang) => {
    for (const o of outcomes) {
      const { text } = describeOutcome(o, lang);
      expect(text.length, text).toBeLessThanOrEqual(NOTIFICATION_MAX);
      expect(text).toBe(text.normalize('NFC'));
    }
  });
});

describe('one function for both surfaces', () => {
  it('reportSpamCommand treats event.type "SpamReporting" as the integrated event and adds the user’s note', async () => {
    const fake = install({ mailbox: '1.14' });
    const event = { ...fakeEvent(), type: 'SpamReporting', options: [], freeText: 'Giả mạo ngân hàng <b>' };
    await createReportSpamHandlers({ policy: policy() }).reportSpamCommand(event);
    const { texts } = xmlTexts(fake.sent()[0]!.xml);
    expect(texts.get('Body')?.[0]).toContain('Ghi chú của người báo cáo: Giả mạo ngân hàng <b>');
    expect(fake.moved()).toHaveLength(0);
    expect(event.calls[0]![0]).toMatchObject({ moveItemTo: 'junkFolder', onErrorDeleteItem: false });
  });
});
