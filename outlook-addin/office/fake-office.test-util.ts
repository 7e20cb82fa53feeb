// A fake Outlook compose item for unit tests, wrapped in office-addin-mock's OfficeMockObject.
// Calls answer asynchronously like Office does; each call can be told to fail (AsyncResultStatus
// Failed), throw, never answer, or answer late.
import { OfficeMockObject } from 'office-addin-mock';

export type Behaviour = 'ok' | 'fail' | 'throw' | 'hang' | { lateMs: number };
export type CallName = 'to' | 'cc' | 'bcc' | 'subject' | 'body' | 'getAttachments' | 'getAttachmentContent' | 'notify' | 'session';

export interface FakeAttachment {
  id: string;
  name: string;
  size: number;
  /** Base64 for files, message text for 'eml'. */
  content?: string;
  format?: 'base64' | 'eml' | 'url';
  contentType?: string;
  attachmentType?: 'file' | 'item' | 'cloud';
}

export interface FakeOptions {
  user?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  subject?: string;
  body?: string;
  attachments?: FakeAttachment[];
  /** Highest Mailbox requirement set the host supports, as a minor version: 14 for 1.14 (default). */
  mailbox?: number;
  behaviour?: Partial<Record<CallName, Behaviour>>;
}

export interface FakeOffice {
  /** Info bars now shown, by key. */
  bars: Map<string, { type: string; message: string }>;
  session: Map<string, string>;
  calls: string[];
  /** Callbacks that were held back by 'hang' (to fire late in a test). */
  held: Array<() => void>;
}

const STATUS = { Succeeded: 'succeeded', Failed: 'failed' };

export function installFakeOffice(opts: FakeOptions = {}): FakeOffice {
  const state: FakeOffice = { bars: new Map(), session: new Map(), calls: [], held: [] };
  const mailboxMinor = opts.mailbox ?? 14;
  type Cb = (r: { status: string; value: unknown; error?: { name: string; message: string } }) => void;

  const respond = (name: CallName, cb: Cb | undefined, value: () => unknown) => {
    state.calls.push(name);
    const behaviour = opts.behaviour?.[name] ?? 'ok';
    if (behaviour === 'throw') throw new Error(`${name} exploded`);
    const answer = () => {
      if (behaviour === 'fail') cb?.({ status: STATUS.Failed, value: undefined, error: { name: 'GenericError', message: `${name} failed` } });
      else cb?.({ status: STATUS.Succeeded, value: value() });
    };
    if (behaviour === 'hang') state.held.push(answer);
    else setTimeout(answer, typeof behaviour === 'object' ? behaviour.lateMs : 0);
  };
  const recipients = (field: 'to' | 'cc' | 'bcc') => ({
    getAsync: (cb: Cb) => respond(field, cb, () => (opts[field] ?? []).map((emailAddress) => ({ emailAddress, displayName: emailAddress, recipientType: 'other' }))),
  });
  const attachments = opts.attachments ?? [];
  const data = {
    host: 'outlook',
    AsyncResultStatus: STATUS,
    CoercionType: { Text: 'text', Html: 'html' },
    MailboxEnums: {
      ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage', ProgressIndicator: 'progressIndicator' },
      SendModeOverride: { PromptUser: 'promptUser' },
      AttachmentContentFormat: { Base64: 'base64', Eml: 'eml', Url: 'url', ICalendar: 'iCalendar' },
    },
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => name === 'Mailbox' && version.startsWith('1.') && Number(version.slice(2)) <= mailboxMinor,
      },
      mailbox: {
        userProfile: { emailAddress: opts.user ?? 'chuyenvien@danang.gov.vn', displayName: 'Chuyên viên' },
        item: {
          itemType: 'message',
          to: recipients('to'),
          cc: recipients('cc'),
          bcc: recipients('bcc'),
          subject: { getAsync: (cb: Cb) => respond('subject', cb, () => opts.subject ?? '') },
          body: { getAsync: (_type: string, cb: Cb) => respond('body', cb, () => opts.body ?? '') },
          getAttachmentsAsync: (cb: Cb) =>
            respond('getAttachments', cb, () => attachments.map((a) => ({ id: a.id, name: a.name, size: a.size, attachmentType: a.attachmentType ?? 'file', isInline: false, contentType: a.contentType }))),
          getAttachmentContentAsync: (id: string, cb: Cb) =>
            respond('getAttachmentContent', cb, () => {
              const a = attachments.find((x) => x.id === id);
              return { format: a?.format ?? 'base64', content: a?.content ?? '' };
            }),
          notificationMessages: {
            replaceAsync: (key: string, details: { type: string; message: string }, cb?: Cb) =>
              respond('notify', cb, () => {
                state.bars.set(key, { type: details.type, message: details.message });
              }),
            removeAsync: (key: string, cb?: Cb) => respond('notify', cb, () => state.bars.delete(key)),
          },
          sessionData: {
            getAsync: (key: string, cb: Cb) => respond('session', cb, () => state.session.get(key) ?? ''),
            setAsync: (key: string, value: string, cb: Cb) => respond('session', cb, () => state.session.set(key, value)),
          },
        },
      },
    },
  };
  (globalThis as { Office?: unknown }).Office = new OfficeMockObject(data);
  return state;
}

export function uninstallFakeOffice(): void {
  delete (globalThis as { Office?: unknown }).Office;
}

/** A launch event that records every completed() call. */
export function fakeEvent<O = unknown>() {
  const completions: (O | undefined)[] = [];
  return {
    completions,
    completed(options?: O) {
      completions.push(options);
    },
  };
}
