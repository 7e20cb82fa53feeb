// A Blob of joined bytes, for postal-mime (e-mail: .eml, message/rfc822). postal-mime gathers each
// decoded part of a mail in a Blob and reads it back with arrayBuffer(), and asks whether its
// input is one. Two hosts make that costly or impossible:
//  - classic Outlook's JavaScript-only runtime promises no Blob at all: the launch file installs
//    this one as the global where there is none (outlook-addin/launch/runtime-apis.ts), or every
//    attached e-mail failed to parse and was left unread at send;
//  - where there is a Blob, a part of many lines is one Blob of as many pieces, and a real Blob
//    pays per piece: 200,000 pieces of 150 bytes took 1.5 s to join and read in Node's and
//    0.45 s in Chromium's, against 0.04 s for copying the bytes. Every build hands postal-mime's
//    decoders this class in place of the global (scripts/postal-mime-blob.ts), and leaves its
//    input test on the real one.
// Only what postal-mime uses: parts joined, size, type, bytes.

type BlobPart = ArrayBuffer | ArrayBufferView | string | PartsBlob;

let encoder: TextEncoder | undefined;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The File API's rule: a type with anything outside U+0020–U+007E is none; else lower-cased in ASCII. */
function blobType(type: string): string {
  return /^[\x20-\x7e]*$/.test(type) ? type.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : '';
}

export class PartsBlob {
  readonly type: string;
  private readonly bytes: Uint8Array;

  /**
   * A part as its bytes, or an ASCII string (postal-mime's 8-bit decoder puts a '\n' after every
   * line) as itself, written unit by unit: a TextEncoder call for each cost more than a real Blob
   * did. Another PartsBlob gives its bytes, copied in as a real Blob's would be; anything else is
   * its string, as a real Blob takes it.
   */
  private static pieceOf(part: BlobPart): Uint8Array | string {
    if (part instanceof PartsBlob) return part.bytes;
    if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    if (part instanceof ArrayBuffer) return new Uint8Array(part);
    const text = String(part);
    return isAscii(text) ? text : (encoder ??= new TextEncoder()).encode(text);
  }

  constructor(parts: readonly BlobPart[] = [], options: { type?: string } = {}) {
    const pieces = parts.map((part) => PartsBlob.pieceOf(part));
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
    this.type = blobType(String(options.type ?? ''));
  }

  get size(): number {
    return this.bytes.byteLength;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.slice().buffer);
  }
}
