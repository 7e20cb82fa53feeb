// The launch tests' fake Outlook (office-addin-mock), extended for the panes: a compose body that
// answers as HTML or text and can be written (body.setAsync, subject.setAsync), and a read-mode
// item (subject, from, to as properties; attachments listed on the item).
import { act } from 'preact/test-utils';
import { installFakeOffice, type Behaviour, type FakeOffice, type FakeOptions } from '../office/fake-office.test-util';

type Cb = (r: { status: string; value: unknown; error?: { name: string; message: string } }) => void;

export interface PaneFake extends FakeOffice {
  /** Every body.setAsync and subject.setAsync, in order. */
  writes: { call: 'body' | 'subject'; data: string; coercionType?: string }[];
  /** The body as HTML now. */
  html(): string;
}

export interface PaneFakeOptions extends FakeOptions {
  /** The body's HTML; default: the text in a <div>. */
  html?: string;
  /** body.getAsync(Html) fails the way a host without HTML would. */
  htmlFails?: boolean;
  /** How body.setAsync and subject.setAsync answer. */
  write?: Behaviour;
}

function item(): Record<string, unknown> {
  return (globalThis as unknown as { Office: { context: { mailbox: { item: Record<string, unknown> } } } }).Office.context.mailbox.item;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const textOf = (html: string) =>
  html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

export function installComposePaneFake(opts: PaneFakeOptions = {}): PaneFake {
  const options: PaneFakeOptions = { ...opts };
  const fake = installFakeOffice(options) as PaneFake;
  let html = options.html;
  if (html !== undefined) options.body = textOf(html);
  fake.writes = [];
  fake.html = () => html ?? `<div>${escape(options.body ?? '')}</div>`;
  const it = item();
  const body = it.body as { getAsync: (type: string, cb: Cb) => void; setAsync?: unknown };
  const textGet = body.getAsync;
  body.getAsync = (type: string, cb: Cb) =>
    textGet(type, (r) => {
      if (type !== 'html' || r.status !== 'succeeded') return cb(r);
      if (options.htmlFails) return cb({ status: 'failed', value: undefined, error: { name: 'InvalidFormatError', message: 'HTML is not supported here' } });
      cb({ ...r, value: fake.html() });
    });
  const answer = (cb: Cb | undefined, apply: () => void) => {
    const b = options.write ?? 'ok';
    if (b === 'throw') throw new Error('setAsync exploded');
    const run = () => {
      if (b === 'fail') return cb?.({ status: 'failed', value: undefined, error: { name: 'GenericError', message: 'write failed' } });
      apply();
      cb?.({ status: 'succeeded', value: undefined });
    };
    if (b === 'hang') fake.held.push(run);
    else setTimeout(run, typeof b === 'object' ? b.lateMs : 0);
  };
  body.setAsync = (data: string, o: { coercionType?: string }, cb: Cb) => {
    fake.calls.push('setBody');
    answer(cb, () => {
      fake.writes.push({ call: 'body', data, coercionType: o?.coercionType });
      if (o?.coercionType === 'html') {
        html = data;
        options.body = textOf(data);
      } else {
        html = undefined;
        options.body = data;
      }
    });
  };
  (it.subject as { setAsync?: unknown }).setAsync = (data: string, cb: Cb) => {
    fake.calls.push('setSubject');
    answer(cb, () => {
      fake.writes.push({ call: 'subject', data });
      options.subject = data;
    });
  };
  return fake;
}

export interface ReadFakeOptions extends FakeOptions {
  from?: string;
  /** A delegate who sent on the From's behalf. */
  sender?: string;
}

/** A received message open in read mode. */
export function installReadPaneFake(opts: ReadFakeOptions = {}): FakeOffice {
  const fake = installFakeOffice(opts);
  const it = item();
  const details = (a: string) => ({ emailAddress: a, displayName: a, recipientType: 'other' });
  it.subject = opts.subject ?? '';
  it.from = details(opts.from ?? 'vanthu@quangnam.gov.vn');
  it.sender = details(opts.sender ?? opts.from ?? 'vanthu@quangnam.gov.vn');
  it.to = (opts.to ?? ['chuyenvien@danang.gov.vn']).map(details);
  it.cc = (opts.cc ?? []).map(details);
  it.attachments = (opts.attachments ?? []).map((a) => ({ id: a.id, name: a.name, size: a.size, attachmentType: a.attachmentType ?? 'file', isInline: false, contentType: a.contentType }));
  delete it.getAttachmentsAsync;
  return fake;
}

/** Let Office answers, extraction and Preact's re-renders run until `done` holds. */
export async function waitFor(done: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
}
