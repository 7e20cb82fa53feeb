// Sends a file's bytes to the background over a port, in base64 chunks, and waits for its
// extracted text. Reading happens off the page's main thread, in the background.
import type { ExtractedDocument } from '../../core/types';
import { browser, type Runtime } from '../host/browser-api';
import { CHUNK_BYTES, EXTRACT_PORT, type ExtractPortMessage, type ExtractPortReply } from '../host/messages';

let port: Runtime.Port | undefined;
const waiting = new Map<string, { resolve(d: ExtractedDocument): void; reject(e: Error): void }>();
let counter = 0;

function connect(): Runtime.Port {
  if (port) return port;
  const p = browser.runtime.connect({ name: EXTRACT_PORT });
  p.onMessage.addListener((raw: unknown) => {
    const reply = raw as ExtractPortReply;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.document) w.resolve(reply.document);
    else w.reject(new Error(reply.error ?? 'could not read the file'));
  });
  p.onDisconnect.addListener(() => {
    port = undefined;
    for (const w of waiting.values()) w.reject(new Error('the extension restarted while reading the file'));
    waiting.clear();
  });
  port = p;
  return p;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let k = 0; k < bytes.length; k += 0x8000) bin += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(bin);
}

export async function extractInBackground(file: File): Promise<ExtractedDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const id = `${Date.now()}-${++counter}`;
  const p = connect();
  const done = new Promise<ExtractedDocument>((resolve, reject) => waiting.set(id, { resolve, reject }));
  const send = (m: ExtractPortMessage) => p.postMessage(m);
  send({ kind: 'begin', id, name: file.name, size: file.size });
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) send({ kind: 'chunk', id, data: toBase64(bytes.subarray(at, at + CHUNK_BYTES)) });
  send({ kind: 'end', id });
  return done;
}
