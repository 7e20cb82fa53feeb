// The background and the extension's pages use Chrome's own API without webextension-polyfill
// (issue 11); these are the two messaging ends where Chrome differs, spoken as the polyfill did.
import { describe, expect, it } from 'vitest';
import { adaptChrome, REJECTED } from './browser-api.promised';

type ChromeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

function fakeChrome(reply: () => Promise<unknown>) {
  const listeners: ChromeListener[] = [];
  const chrome = {
    runtime: {
      id: 'own-id',
      getURL(this: unknown, path: string) {
        if (this !== chrome.runtime) throw new TypeError('Illegal invocation');
        return `chrome-extension://own-id/${path}`;
      },
      onMessage: { addListener: (l: ChromeListener) => void listeners.push(l), removeListener: (l: ChromeListener) => void listeners.splice(listeners.indexOf(l), 1) },
      sendMessage: () => reply(),
    },
    storage: { local: { name: 'local' } },
  };
  /** What Chrome does with a message: each listener, and the answer if one keeps the channel open. */
  const deliver = (message: unknown) =>
    new Promise<{ open: boolean[]; answer?: unknown }>((resolve) => {
      const open = listeners.map((l) => l(message, {}, (answer) => resolve({ open, answer })));
      if (!open.some(Boolean)) resolve({ open });
    });
  return { chrome, deliver, listeners };
}

describe('Chrome without the polyfill', () => {
  it('answers with what a listener’s promise resolves to, and leaves messages a listener does not take', async () => {
    const { chrome, deliver } = fakeChrome(async () => undefined);
    const browser = adaptChrome(chrome as never);
    browser.runtime.onMessage.addListener(((m: { type: string }) => (m.type === 'get-policy' ? Promise.resolve({ policy: 1 }) : undefined)) as never);
    expect(await deliver({ type: 'get-policy' })).toEqual({ open: [true], answer: { policy: 1 } });
    expect(await deliver({ type: 'other' })).toEqual({ open: [false] });
  });

  it('sends a rejection as the polyfill does, and a sender reads it as a rejection with its reason', async () => {
    const { chrome, deliver } = fakeChrome(async () => undefined);
    const browser = adaptChrome(chrome as never);
    browser.runtime.onMessage.addListener((() => Promise.reject(new Error('only the extension’s own pages may change settings'))) as never);
    const { answer } = await deliver({ type: 'set-user-policy' });
    expect(answer).toEqual({ [REJECTED]: true, message: 'only the extension’s own pages may change settings' });
    const sender = adaptChrome(fakeChrome(async () => answer).chrome as never);
    await expect(sender.runtime.sendMessage({ type: 'set-user-policy' })).rejects.toThrow('only the extension’s own pages may change settings');
  });

  it('reads no answer as undefined, and passes other failures on', async () => {
    const none = adaptChrome(fakeChrome(async () => Promise.reject(new Error('The message port closed before a response was received.'))).chrome as never);
    expect(await none.runtime.sendMessage({ type: 'x' })).toBeUndefined();
    const gone = adaptChrome(fakeChrome(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))).chrome as never);
    await expect(gone.runtime.sendMessage({ type: 'x' })).rejects.toThrow('Receiving end does not exist');
  });

  it('leaves the rest of Chrome’s API as it is, its functions called on Chrome’s own objects', () => {
    const { chrome } = fakeChrome(async () => undefined);
    const browser = adaptChrome(chrome as never);
    expect(browser.runtime.id).toBe('own-id');
    expect(browser.runtime.getURL('popup.html')).toBe('chrome-extension://own-id/popup.html');
    expect(browser.storage.local).toBe(chrome.storage.local);
  });
});
