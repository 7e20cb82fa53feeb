// Files the user attaches are read here, off the page's main thread: the content script
// streams the bytes over a port in base64 chunks, and gets back the extracted text.
import { ExtractError, extractDocument } from '../../core/extract';
import type { Runtime } from '../host/browser-api';
import type { ExtractPortMessage, ExtractPortReply } from '../host/messages';

interface Pending {
  name: string;
  size: number;
  chunks: Uint8Array[];
  received: number;
}

function fromBase64(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let k = 0; k < bin.length; k++) out[k] = bin.charCodeAt(k);
  return out;
}

export function serveExtractPort(port: Runtime.Port): void {
  const pending = new Map<string, Pending>();
  port.onMessage.addListener((raw: unknown) => {
    const msg = raw as ExtractPortMessage;
    if (msg.kind === 'begin') {
      pending.set(msg.id, { name: msg.name, size: msg.size, chunks: [], received: 0 });
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
    extractDocument(p.name, all).then(
      (document) => port.postMessage({ id: msg.id, document } satisfies ExtractPortReply),
      (e: unknown) =>
        port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e), code: e instanceof ExtractError ? e.code : 'corrupt' } satisfies ExtractPortReply),
    );
  });
  port.onDisconnect.addListener(() => pending.clear());
}
