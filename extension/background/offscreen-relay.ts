// Chrome: a service worker cannot start a Worker, so files are passed on, chunk by chunk and
// untouched, to the offscreen document, which hosts the reading Worker. This thread only
// relays, so it stays free for the policy and the Send checks. If the offscreen document
// stops answering (crashed, or stuck past every deadline) it is closed and the file is
// reported as not read.
import { browser, type Runtime } from '../host/browser-api';
import { READER_PORT, type ExtractPortMessage, type ExtractPortReply } from '../host/messages';
import { READ_TIMEOUT_MS } from '../reader/worker-reader';

const OFFSCREEN_URL = 'offscreen.html';
/** Past the reader's own deadline and kill: the offscreen document itself is not answering. */
const WATCHDOG_MS = READ_TIMEOUT_MS + 10_000;

let creating: Promise<void> | undefined;

async function hasOffscreen(): Promise<boolean> {
  const getContexts = chrome.runtime.getContexts as typeof chrome.runtime.getContexts | undefined;
  if (!getContexts) return false;
  const found = await getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] });
  return found.length > 0;
}

function ensureOffscreen(): Promise<void> {
  creating ??= (async () => {
    if (await hasOffscreen()) return;
    try {
      await chrome.offscreen.createDocument({
        url: OFFSCREEN_URL,
        reasons: ['WORKERS' as chrome.offscreen.Reason],
        justification: 'Reads attached documents in a Worker, off the extension’s main thread.',
      });
    } catch (err) {
      // Chrome before 116 cannot be asked whether it exists; it says so when creating twice.
      if (!/single offscreen/i.test(String(err))) throw err;
    }
  })().finally(() => (creating = undefined));
  return creating;
}

export function relayToOffscreen(content: Runtime.Port): void {
  let reader: Runtime.Port | undefined;
  let closed = false;
  const waiting: ExtractPortMessage[] = [];
  const inFlight = new Map<string, ReturnType<typeof setTimeout>>();

  const fail = (id: string, error: string, code: string) => {
    clearTimeout(inFlight.get(id));
    inFlight.delete(id);
    if (!closed) content.postMessage({ id, error, code } satisfies ExtractPortReply);
  };

  const connect = () => {
    ensureOffscreen().then(
      () => {
        if (closed) return;
        const port = browser.runtime.connect({ name: READER_PORT });
        port.onMessage.addListener((raw: unknown) => {
          const reply = raw as ExtractPortReply;
          clearTimeout(inFlight.get(reply.id));
          inFlight.delete(reply.id);
          if (!closed) content.postMessage(reply);
        });
        port.onDisconnect.addListener(() => {
          if (reader === port) reader = undefined;
          for (const id of [...inFlight.keys()]) fail(id, 'The reader stopped before it finished.', 'memory');
        });
        reader = port;
        for (const m of waiting.splice(0)) port.postMessage(m);
      },
      (err: unknown) => {
        for (const id of [...inFlight.keys()]) fail(id, `The reader could not start (${String(err)}).`, 'unsupported');
      },
    );
  };

  content.onMessage.addListener((raw: unknown) => {
    const msg = raw as ExtractPortMessage;
    if (msg.kind === 'begin') {
      inFlight.set(msg.id, setTimeout(() => {
        fail(msg.id, 'Reading took too long and was stopped.', 'timeout');
        reader?.disconnect();
        reader = undefined;
        void chrome.offscreen.closeDocument().catch(() => undefined);
      }, WATCHDOG_MS));
      if (!reader && waiting.length === 0) connect();
    }
    if (reader) reader.postMessage(msg);
    else waiting.push(msg);
  });
  content.onDisconnect.addListener(() => {
    closed = true;
    for (const timer of inFlight.values()) clearTimeout(timer);
    reader?.disconnect();
  });
}
