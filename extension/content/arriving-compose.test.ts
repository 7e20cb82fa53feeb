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

function compose(name: string) {
  const root = document.createElement('div');
  const file = document.createElement('input');
  file.type = 'file';
  const send = document.createElement('button');
  send.textContent = 'Gửi';
  root.append(file, send);
  document.body.append(root);
  const handle = { root, isSendControl: (t: EventTarget | null) => t === send } as unknown as ComposeHandle;
  return { name, handle, file, send };
}

/** A session that records what the registry hands it. */
function recording(handle: ComposeHandle, got: string[], name: string, refuses = false): ComposeSession {
  return {
    handle,
    shouldStopSend: () => refuses,
    answerHeldSend: () => got.push(`${name}: held Send answered`),
    addFile: (f: File) => got.push(`${name}: ${f.name}`),
    fileStopped: (files: { name: string }[]) => got.push(`${name}: stopped ${files.map((f) => f.name).join()}`),
    dispose: () => got.push(`${name}: disposed`),
  } as unknown as ComposeSession;
}

function later() {
  let arrive!: () => void;
  const checks = new Promise<void>((resolve) => (arrive = resolve));
  return { checks, arrive: async () => (arrive(), await new Promise((r) => setTimeout(r))) };
}

function pressSend(button: Element): boolean {
  const click = new MouseEvent('click', { bubbles: true, cancelable: true });
  button.dispatchEvent(click);
  return click.defaultPrevented;
}

const file = (name: string) => new File(['x'], name);

it('holds a Send pressed while the compose’s checks are on their way, and its session answers it when they arrive', async () => {
  const got: string[] = [];
  registry.guardComposes(controller.signal);
  const a = compose('A');
  const b = compose('B');
  const la = later();
  const lb = later();
  registry.composeFound(a.handle, la.checks, () => recording(a.handle, got, 'A'));
  registry.composeFound(b.handle, lb.checks, () => recording(b.handle, got, 'B'));

  expect(pressSend(a.send)).toBe(true);
  await la.arrive();
  await lb.arrive();
  // B's Send was never pressed: nothing to answer there.
  expect(got).toEqual(['A: held Send answered']);
  // Once the session is there, it decides.
  expect(pressSend(a.send)).toBe(false);
});

it('gives a file attached in a compose whose checks are on their way to that compose, not to one already checked', async () => {
  const got: string[] = [];
  registry.guardComposes(controller.signal);
  const a = compose('A');
  const b = compose('B');
  const la = later();
  registry.composeFound(a.handle, la.checks, () => recording(a.handle, got, 'A'));
  await la.arrive();
  a.file.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));

  const lb = later();
  registry.composeFound(b.handle, lb.checks, () => recording(b.handle, got, 'B'));
  registry.toSession(b.file, (s) => s.addFile(file('mật.docx')));
  registry.toSession(b.file, (s) => s.fileStopped([{ name: 'lớn.zip', size: 9e9 }]), () => got.push('toast'));
  expect(got).toEqual([]);
  await lb.arrive();
  expect(got).toEqual(['B: mật.docx', 'B: stopped lớn.zip']);
});

it('keeps a file for its own compose when another compose’s checks arrive first', async () => {
  const got: string[] = [];
  registry.guardComposes(controller.signal);
  const a = compose('A');
  const b = compose('B');
  const la = later();
  const lb = later();
  registry.composeFound(a.handle, la.checks, () => recording(a.handle, got, 'A'));
  registry.composeFound(b.handle, lb.checks, () => recording(b.handle, got, 'B'));
  registry.toSession(b.file, (s) => s.addFile(file('mật.docx')));
  await la.arrive();
  expect(got).toEqual([]);
  await lb.arrive();
  expect(got).toEqual(['B: mật.docx']);
});

it('keeps files met before any compose for the first session; with orElse, files nothing waits for are its own', async () => {
  const got: string[] = [];
  registry.guardComposes(controller.signal);
  registry.toSession(document.body, (s) => s.addFile(file('sớm.pdf')));
  registry.toSession(document.body, (s) => s.fileStopped([{ name: 'lớn.zip', size: 9e9 }]), () => got.push('toast'));
  expect(got).toEqual(['toast']);

  const a = compose('A');
  const la = later();
  registry.composeFound(a.handle, la.checks, () => recording(a.handle, got, 'A'));
  registry.toSession(document.body, (s) => s.fileStopped([{ name: 'to.zip', size: 9e9 }]), () => got.push('toast'));
  await la.arrive();
  expect(got).toEqual(['toast', 'A: sớm.pdf', 'A: stopped to.zip']);
});

it('opens no session for a compose closed, or let go, while its checks are on their way', async () => {
  const got: string[] = [];
  const changes: number[] = [];
  registry.guardComposes(controller.signal, () => changes.push(registry.sessions.size));
  const a = compose('A');
  const b = compose('B');
  const la = later();
  const lb = later();
  registry.composeFound(a.handle, la.checks, () => recording(a.handle, got, 'A'));
  registry.composeFound(b.handle, lb.checks, () => recording(b.handle, got, 'B'));
  registry.composeClosed(a.handle);
  await la.arrive();
  expect(registry.sessions.size).toBe(0);

  // The Outlook add-in takes the page over: B is let go, and a file stopped there gets the toast.
  registry.dropComposes();
  expect(pressSend(b.send)).toBe(false);
  registry.toSession(b.file, (s) => s.fileStopped([{ name: 'lớn.zip', size: 9e9 }]), () => got.push('toast'));
  await lb.arrive();
  expect(registry.sessions.size).toBe(0);
  expect(got).toEqual(['toast']);
  expect(changes).toEqual([0]);
});
