// Base64 to bytes without atob or Buffer: classic Outlook's JavaScript-only runtime has
// neither guaranteed, and getAttachmentContentAsync gives files as Base64 text.
const TABLE = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, k) => (TABLE[c.charCodeAt(0)] = k));
TABLE['-'.charCodeAt(0)] = 62;
TABLE['_'.charCodeAt(0)] = 63;

export function base64ToBytes(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    const v = code < 128 ? (TABLE[code] ?? -1) : -1;
    if (v < 0) continue; // padding, line breaks, anything else
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

let encoder: TextEncoder | undefined;

/**
 * UTF-8 bytes of a string (Eml attachments come as text). A runtime without TextEncoder has the
 * launch file's own (runtime-apis.ts, installed before any other module runs).
 */
export function utf8Bytes(text: string): Uint8Array {
  return (encoder ??= new TextEncoder()).encode(text);
}
