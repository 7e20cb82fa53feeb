// A Blob of joined bytes, for postal-mime (e-mail: .eml, message/rfc822). postal-mime gathers each
// decoded part of a mail in a Blob and reads it back with arrayBuffer(), and asks whether its
// input is one. Two hosts make that costly or impossible:
//  - classic Outlook's JavaScript-only runtime promises no Blob at all: the launch file installs
//    this one as the global where there is none (outlook-addin/launch/runtime-apis.ts), or every
//    attached e-mail failed to parse and was left unread at send;
//  - where there is a Blob, a part of many lines is one Blob of as many pieces, and a real Blob
//    pays per piece: a 200,000-line body took 1.5 s in Node's and 0.45 s in Chromium's, where
//    joining the bytes takes 0.04 s. Every build hands postal-mime's decoders this class in place
//    of the global (postal-mime-blob.ts, a build step), and leaves its input test on the real one.
// Only what postal-mime uses: parts joined, size, type, bytes.

type BlobPart = ArrayBuffer | ArrayBufferView | string;

let encoder: TextEncoder | undefined;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * A part's bytes; an ASCII string (postal-mime's 8-bit decoder puts a '\n' after every line) as
 * itself, written unit by unit: a TextEncoder call for each cost more than a real Blob did.
 */
function partBytes(part: BlobPart): Uint8Array | string {
  if (typeof part === 'string') return isAscii(part) ? part : (encoder ??= new TextEncoder()).encode(part);
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  return new Uint8Array(part);
}

export class PartsBlob {
  readonly type: string;
  private readonly bytes: Uint8Array;

  constructor(parts: readonly BlobPart[] = [], options: { type?: string } = {}) {
    const pieces = parts.map(partBytes);
    let size = 0;
    for (const piece of pieces) size += piece.length;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        for (let i = 0; i < piece.length; i++) bytes[at++] = piece.charCodeAt(i);
      } else {
        bytes.set(piece, at);
        at += piece.length;
      }
    }
    this.bytes = bytes;
    this.type = (options.type ?? '').toLowerCase();
  }

  get size(): number {
    return this.bytes.byteLength;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.slice().buffer);
  }
}
