// @vitest-environment happy-dom
// issue 11: the one registry of composes both page scripts keep (public and official webmails).
// While a compose's checks are on their way, Send there does not go and files wait for that
// compose's own session; the sessions here only record what they are handed.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ComposeHandle } from '../sites/types';
import type { ComposeSession } from './compose-session';

type Registry = typeof import('./arriving-compose');
let registry: Registry;
let controller: AbortController;

beforeEach(async () => {
  // One registry a frame: each test is a fresh frame.
  vi.resetModules();
  registry = await import('./arriving-compose');
  controller = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => controller.abort());

/** What the sessions were handed, in order, and the toast for files no compose waits for. */
let got: string[];
beforeEach(() => (got = []));

/** A compose the page shows, found by the registry; its checks arrive when the test says. */
function found(name: string) {
  const root = document.createElement('div');
  const file = document.createElement('input');
  file.type = 'file';
  const send = document.createElement('button');
  send.textContent = 'Gửi';
  root.append(file, send);
  document.body.append(root);
  const handle = { root, isSendControl: (t: EventTarget | null) => t === send } as unknown as ComposeHandle;
  let arrived!: () => void;
  const checks = new Promise<void>((resolve) => (arrived = resolve));
  registry.composeFound(handle, checks, () => recording(handle, name));
  return { handle, file, send, arrive: async () => (arrived(), await new Promise((r) => setTimeout(r))) };
}

/** A session that records what the registry hands it. */
function recording(handle: ComposeHandle, name: string): ComposeSession {
  return {
    handle,
    shouldStopSend: () => false,
    answerHeldSend: () => got.push(`${name}: held Send answered`),
    addFile: (f: File) => got.push(`${name}: ${f.name}`),
    fileStopped: (files: { name: string }[]) => got.push(`${name}: stopped ${files.map((f) => f.name).join()}`),
    dispose: () => got.push(`${name}: disposed`),
  } as unknown as ComposeSession;
}

function pressSend(button: Element): boolean {
  const click = new MouseEvent('click', { bubbles: true, cancelable: true });
  button.dispatchEvent(click);
  return click.defaultPrevented;
}

const attach = (target: EventTarget, name: string) => registry.toSession(target, (s) => s.addFile(new File(['x'], name)));
const stop = (target: EventTarget, name: string) =>
  registry.toSession(
    target,
    (s) => s.fileStopped([{ name, size: 9e9 }]),
    () => got.push(`toast: ${name}`),
  );

it('holds a Send pressed while the compose’s checks are on their way, and its session answers it when they arrive', async () => {
  registry.guardComposes(controller.signal);
  const a = found('A');
  const b = found('B');
  expect(pressSend(a.send)).toBe(true);
  await a.arrive();
  await b.arrive();
  // B's Send was never pressed: nothing to answer there.
  expect(got).toEqual(['A: held Send answered']);
  // Once the session is there, it decides.
  expect(pressSend(a.send)).toBe(false);
});

it('gives a file attached in a compose whose checks are on their way to that compose, not to one already checked', async () => {
  registry.guardComposes(controller.signal);
  const a = found('A');
  await a.arrive();
  a.file.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  const b = found('B');
  attach(b.file, 'mật.docx');
  stop(b.file, 'lớn.zip');
  expect(got).toEqual([]);
  await b.arrive();
  expect(got).toEqual(['B: mật.docx', 'B: stopped lớn.zip']);
});

it('keeps a file for its own compose when another compose’s checks arrive first', async () => {
  registry.guardComposes(controller.signal);
  const a = found('A');
  const b = found('B');
  attach(b.file, 'mật.docx');
  await a.arrive();
  expect(got).toEqual([]);
  await b.arrive();
  expect(got).toEqual(['B: mật.docx']);
});

it('keeps files met before any compose for the first session; with orElse, files nothing waits for are its own', async () => {
  registry.guardComposes(controller.signal);
  attach(document.body, 'sớm.pdf');
  stop(document.body, 'lớn.zip');
  expect(got).toEqual(['toast: lớn.zip']);
  const a = found('A');
  stop(document.body, 'to.zip');
  await a.arrive();
  expect(got).toEqual(['toast: lớn.zip', 'A: sớm.pdf', 'A: stopped to.zip']);
});

it('opens no session for a compose closed, or let go, while its checks are on their way', async () => {
  const changes: number[] = [];
  registry.guardComposes(controller.signal, () => changes.push(registry.sessions.size));
  const a = found('A');
  const b = found('B');
  registry.composeClosed(a.handle);
  await a.arrive();
  expect(registry.sessions.size).toBe(0);

  // The Outlook add-in takes the page over: B is let go, and a file stopped there gets the toast.
  registry.dropComposes();
  expect(pressSend(b.send)).toBe(false);
  stop(b.file, 'lớn.zip');
  await b.arrive();
  expect(registry.sessions.size).toBe(0);
  expect(got).toEqual(['toast: lớn.zip']);
  expect(changes).toEqual([0]);
});
