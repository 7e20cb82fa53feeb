// The ciphers of PDF's standard security handler that WebCrypto lacks (ISO 32000-1 §7.6): MD5
// from @noble/hashes (already in the tree through pkijs); RC4, which no maintained JavaScript
// cipher library offers any more (@noble/ciphers leaves it out on purpose, and OpenSSL 3 keeps
// it in its legacy provider, off in Node), is its key schedule and generator below. AES and
// SHA-2 come from WebCrypto (pdf-decrypt.ts).
import { md5 as md5Hash } from '@noble/hashes/legacy.js';

/** MD5 of the parts one after another. */
export function md5(...parts: Uint8Array[]): Uint8Array {
  const hash = md5Hash.create();
  for (const p of parts) hash.update(p);
  return hash.digest();
}

/** RC4 is its own inverse: `data` encrypted or decrypted with `key`. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}
