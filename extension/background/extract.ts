// Files the user attaches arrive here from the content scripts over a port, in base64 chunks,
// and their extracted text goes back the same way. Nothing is parsed on this thread: the
// bytes go to a WorkerReader (Firefox's background page can start Workers) or, in Chrome,
// whose service worker cannot, to the offscreen document that hosts one.
import type { Runtime } from '../host/browser-api';
import type { ExtractPortMessage, ExtractPortReply } from '../host/messages';
import type { ReadResult } from '../reader/worker-reader';

interface Pending {
  name: string;
  trustedRoots?: readonly string[];
  chunks: Uint8Array[];
  received: number;
}

function fromBase64(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let k = 0; k < bin.length; k++) out[k] = bin.charCodeAt(k);
  return out;
}

/** Collects each file's chunks from `port` and answers with what `read` makes of it. */
export function serveExtractPort(port: Runtime.Port, read: (name: string, bytes: Uint8Array, trustedRoots?: readonly string[]) => Promise<ReadResult>): void {
  const pending = new Map<string, Pending>();
  let open = true;
  port.onMessage.addListener((raw: unknown) => {
    const msg = raw as ExtractPortMessage;
    if (msg.kind === 'begin') {
      pending.set(msg.id, { name: msg.name, trustedRoots: msg.trustedRoots, chunks: [], received: 0 });
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'chunk') {
      const bytes = fromBase64(msg.data);
      p.chunks.push(bytes);
      p.received += bytes.length;
      return;
    }
    pending.delete(msg.id);
    const all = new Uint8Array(p.received);
    let at = 0;
    for (const c of p.chunks) {
      all.set(c, at);
      at += c.length;
    }
    void read(p.name, all, p.trustedRoots).then((result) => {
      if (open) port.postMessage({ id: msg.id, ...result } satisfies ExtractPortReply);
    });
  });
  port.onDisconnect.addListener(() => {
    open = false;
    pending.clear();
  });
}
