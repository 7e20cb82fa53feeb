// Runs in the page's own world (MAIN) on webmail only, before the page's scripts. Webmails
// open the file chooser on <input type=file> elements they never attach to the document
// (Gmail makes a new one on every press of the paperclip), so no listener at window sees
// their `change`, and the page may listen on the input itself before anyone else can.
// So the chooser is opened on a private input instead; the files the user picks go to the
// content script, which checks their sizes itself, and only the files it allows are put on
// the page's input, followed by the `input` and `change` events the page waits for. This
// side holds no limits and decides nothing.
import { CHANNEL_HELLO, type ContentToHook, type HookToContent } from './page-bridge';

(() => {
  // Taken before any page script can replace them.
  const proto = HTMLInputElement.prototype;
  const nativeClick = proto.click;
  const nativeShowPicker = proto.showPicker as ((this: HTMLInputElement) => void) | undefined;
  const createElement = Document.prototype.createElement;
  const addListener = EventTarget.prototype.addEventListener;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const postToPort = MessagePort.prototype.postMessage;
  const get = (o: object, key: string) => Object.getOwnPropertyDescriptor(o, key)!;
  const filesProp = get(proto, 'files');
  const typeOf = get(proto, 'type').get!;
  const isConnected = get(Node.prototype, 'isConnected').get!;
  const isTrusted = (e: Event) => e.isTrusted;
  const FileListFrom = (files: File[]) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(f);
    return dt.files;
  };

  let port: MessagePort | undefined;
  const pending = new Map<number, { input: HTMLInputElement; files: File[] }>();
  let counter = 0;
  // Held while their chooser is open: Firefox does not keep a detached input alive itself.
  const openProxies = new Set<HTMLInputElement>();

  addListener.call(
    window,
    'message',
    ((e: MessageEvent) => {
      if (port || e.source !== window || e.data !== CHANNEL_HELLO || e.ports.length !== 1) return;
      e.stopImmediatePropagation();
      port = e.ports[0]!;
      port.onmessage = (m: MessageEvent<ContentToHook>) => {
        const waiting = pending.get(m.data.id);
        if (!waiting || m.data.kind !== 'verdict') return;
        pending.delete(m.data.id);
        const allowed = waiting.files.filter((_, k) => m.data.allow.includes(k));
        if (allowed.length === 0) return;
        filesProp.set!.call(waiting.input, FileListFrom(allowed));
        dispatch.call(waiting.input, new Event('input', { bubbles: true, composed: true }));
        dispatch.call(waiting.input, new Event('change', { bubbles: true }));
      };
    }) as EventListener,
    true,
  );

  /** Opens the chooser on a fresh private input that stands in for the page's `input`. */
  function pickFor(input: HTMLInputElement, open: (proxy: HTMLInputElement) => void): void {
    const proxy = createElement.call(document, 'input') as HTMLInputElement;
    proxy.type = 'file';
    proxy.multiple = input.multiple;
    proxy.accept = input.accept;
    proxy.webkitdirectory = input.webkitdirectory;
    addListener.call(proxy, 'change', (e: Event) => {
      openProxies.delete(proxy);
      const files = Array.from((filesProp.get!.call(proxy) as FileList | null) ?? []);
      if (!isTrusted(e) || files.length === 0 || !port) return;
      const id = ++counter;
      pending.set(id, { input, files });
      const msg: HookToContent = { kind: 'picked', id, files };
      postToPort.call(port, msg);
    });
    addListener.call(proxy, 'cancel', (e: Event) => {
      openProxies.delete(proxy);
      if (isTrusted(e)) dispatch.call(input, new Event('cancel', { bubbles: true }));
    });
    openProxies.add(proxy);
    open(proxy);
  }

  const held = (input: HTMLInputElement) => port !== undefined && typeOf.call(input) === 'file' && !isConnected.call(input);

  proto.click = function (this: HTMLInputElement) {
    if (!held(this)) return nativeClick.call(this);
    pickFor(this, (proxy) => nativeClick.call(proxy));
  };
  if (nativeShowPicker) {
    proto.showPicker = function (this: HTMLInputElement) {
      if (!held(this)) return nativeShowPicker.call(this);
      pickFor(this, (proxy) => nativeShowPicker.call(proxy));
    };
  }
})();
