// The browser's own API for the background and the extension's pages, without
// webextension-polyfill (issue 11): Firefox's `browser.*` as it is, and Chrome MV3's `chrome.*`,
// which returns promises for everything these use except one thing: a runtime.onMessage
// listener cannot answer by returning a promise. Listeners here do, so Chrome's event is
// wrapped, speaking the polyfill's protocol for a rejected answer so that every sender (pages
// still built with the polyfill, and content scripts) reads an answer as it did before.
// Swapped in for browser-api.ts by extension/build.ts.
import type Browser from 'webextension-polyfill';

type Listener = (message: unknown, sender: Browser.Runtime.MessageSender) => unknown;
type ChromeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;
interface ChromeEvent {
  addListener(l: ChromeListener): void;
  removeListener(l: ChromeListener): void;
}
interface ChromeLike {
  runtime: Record<string, unknown> & { onMessage: ChromeEvent; sendMessage(...args: unknown[]): Promise<unknown> };
  [api: string]: unknown;
}

/** What webextension-polyfill sends for a rejected answer, and turns back into a rejection. */
export const REJECTED = '__mozWebExtensionPolyfillReject__';
/** Chrome's words when no listener answered: the polyfill resolves with undefined then. */
const NO_ANSWER = 'The message port closed before a response was received.';

/** Chrome's runtime.onMessage, taking listeners that answer with a value or a promise. */
export function promiseListeners(event: ChromeEvent): Browser.Runtime.Static['onMessage'] {
  const wrapped = new Map<Listener, ChromeListener>();
  return {
    addListener(listener: Listener) {
      if (wrapped.has(listener)) return;
      const chromeListener: ChromeListener = (message, sender, sendResponse) => {
        let answer: unknown;
        try {
          answer = listener(message, sender as Browser.Runtime.MessageSender);
        } catch (err) {
          answer = Promise.reject(err);
        }
        if (answer === undefined) return false;
        Promise.resolve(answer).then(sendResponse, (err: unknown) =>
          sendResponse({ [REJECTED]: true, message: err instanceof Error ? err.message : 'An unexpected error occurred' }),
        );
        return true;
      };
      wrapped.set(listener, chromeListener);
      event.addListener(chromeListener);
    },
    removeListener(listener: Listener) {
      const chromeListener = wrapped.get(listener);
      if (chromeListener) event.removeListener(chromeListener);
      wrapped.delete(listener);
    },
    hasListener: (listener: Listener) => wrapped.has(listener),
    hasListeners: () => wrapped.size > 0,
  } as unknown as Browser.Runtime.Static['onMessage'];
}

/** Chrome's runtime.sendMessage, reading a rejected answer as a rejection, as the polyfill does. */
function promisedSend(chrome: ChromeLike): (...args: unknown[]) => Promise<unknown> {
  return (...args) =>
    chrome.runtime.sendMessage(...args).then(
      (reply) => {
        const r = reply as { [REJECTED]?: boolean; message?: string } | undefined;
        if (r?.[REJECTED]) throw new Error(r.message);
        return reply;
      },
      (err: unknown) => {
        if (err instanceof Error && err.message === NO_ANSWER) return undefined;
        throw err;
      },
    );
}

/** Chrome's API with the two messaging ends adapted; everything else is Chrome's own object. */
export function adaptChrome(chrome: ChromeLike): typeof Browser {
  const runtime = chrome.runtime;
  const onMessage = promiseListeners(runtime.onMessage);
  const sendMessage = promisedSend(chrome);
  // runtime's other members are read from Chrome's object at each use (its id, getURL...),
  // its functions called on Chrome's object, not on the proxy.
  const adaptedRuntime = new Proxy(runtime, {
    get(target, key) {
      if (key === 'onMessage') return onMessage;
      if (key === 'sendMessage') return sendMessage;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return new Proxy(chrome, { get: (target, key) => (key === 'runtime' ? adaptedRuntime : Reflect.get(target, key)) }) as unknown as typeof Browser;
}

const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: ChromeLike };

// Outside an extension (unit tests that import the adapter) there is no API to adapt.
export const browser: typeof Browser = scope.browser?.runtime ? scope.browser : (scope.chrome && adaptChrome(scope.chrome)) as typeof Browser;
export type { Runtime, Scripting, Storage, Tabs } from 'webextension-polyfill';
