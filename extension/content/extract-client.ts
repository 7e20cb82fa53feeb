// Sends a file's bytes to the background over a port, in base64 chunks, and waits for its
// extracted text. Reading happens off the page's main thread, in the extension's reading
// Worker. A failure keeps its code, so the compose can say why a file was not checked.
import type { ExtractedDocument } from '../../core/types';
import { browser, type Runtime } from '../host/browser-api';
import { CHUNK_BYTES, EXTRACT_PORT, type ExtractPortMessage, type ExtractPortReply } from '../host/messages';
import { ReadFailure } from './read-failure';

export { ReadFailure };

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
    else w.reject(new ReadFailure(reply.code ?? 'corrupt', reply.error ?? 'could not read the file'));
  });
  p.onDisconnect.addListener(() => {
    port = undefined;
    for (const w of waiting.values()) w.reject(new ReadFailure('restarted', 'the extension restarted while reading the file'));
    waiting.clear();
  });
  port = p;
  return p;
}

// Indexes only: in Firefox the bytes of a page's File belong to the page, and anything that
// looks up their constructor (subarray, slice, spread) is refused across that boundary.
function toBase64(bytes: Uint8Array, start: number, end: number): string {
  let bin = '';
  const codes: number[] = [];
  for (let k = start; k < end; k += 0x8000) {
    const stop = Math.min(end, k + 0x8000);
    codes.length = stop - k;
    for (let j = k; j < stop; j++) codes[j - k] = bytes[j]!;
    bin += String.fromCharCode.apply(null, codes);
  }
  return btoa(bin);
}

function sendOnce(name: string, bytes: Uint8Array, trustedRoots?: readonly string[]): Promise<ExtractedDocument> {
  const id = `${Date.now()}-${++counter}`;
  const p = connect();
  const done = new Promise<ExtractedDocument>((resolve, reject) => waiting.set(id, { resolve, reject }));
  const send = (m: ExtractPortMessage) => p.postMessage(m);
  send({ kind: 'begin', id, name, size: bytes.length, ...(trustedRoots?.length && { trustedRoots }) });
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) send({ kind: 'chunk', id, data: toBase64(bytes, at, Math.min(bytes.length, at + CHUNK_BYTES)) });
  send({ kind: 'end', id });
  return done;
}

export async function extractInBackground(file: File, trustedRoots?: readonly string[]): Promise<ExtractedDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return await sendOnce(file.name, bytes, trustedRoots);
  } catch (err) {
    // A background that restarted (Chrome stops idle service workers) is asked once more.
    if (err instanceof ReadFailure && err.code === 'restarted') return sendOnce(file.name, bytes, trustedRoots);
    throw err;
  }
}
