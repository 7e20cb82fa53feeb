// A Blob for runtimes that have none. postal-mime (an attached .eml) gathers each decoded part
// in a Blob and reads it back with arrayBuffer(), and asks whether its input is one; classic
// Outlook's JavaScript-only runtime promises no Blob, so there every attached e-mail failed to
// parse and was left unread at send. Only what postal-mime uses: parts joined, size, type, bytes.

import { utf8Bytes } from './base64';

type BlobPart = ArrayBuffer | ArrayBufferView | string;

function partBytes(part: BlobPart): Uint8Array {
  if (typeof part === 'string') return utf8Bytes(part);
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  return new Uint8Array(part);
}

export class PartsBlob {
  readonly type: string;
  private readonly bytes: Uint8Array;

  constructor(parts: readonly BlobPart[] = [], options: { type?: string } = {}) {
    const views = parts.map(partBytes);
    let size = 0;
    for (const v of views) size += v.byteLength;
    this.bytes = new Uint8Array(size);
    let at = 0;
    for (const v of views) {
      this.bytes.set(v, at);
      at += v.byteLength;
    }
    this.type = (options.type ?? '').toLowerCase();
  }

  get size(): number {
    return this.bytes.byteLength;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.slice().buffer);
  }
}
