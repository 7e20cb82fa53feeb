// The official password's reuse alert, on the design of Google's Password Alert: when the user
// signs in to the official webmail, a salted, slow hash of the password is kept on this
// computer; the same password typed on another site raises an alert. Only the hash is kept,
// never the password, and neither ever leaves the browser (QĐ 3712 Art. 8.2a: one password
// per account; QĐ 50/2009 Cần Thơ Art. 9.1: protect the password).
//
// WebCrypto's PBKDF2 is the same standard API in browsers and Node; the caller hands it in.
import { cite, DOCS } from '../rules/sources';
import type { AuthorityId } from '../policy/schema';
import type { Citation } from '../types';

/** PBKDF2-HMAC-SHA-256 at OWASP's 2023 work factor; stored with each hash so it can rise later. */
export const REUSE_ITERATIONS = 600_000;
const HASH_BITS = 256;
export const SALT_BYTES = 16;
/** Shorter values are not checked: no official password is this short (Art. 8.1b asks for 12). */
export const MIN_CHECKED_LENGTH = 6;

export interface StoredPasswordHash {
  /** Base64 of the derived bits. */
  hash: string;
  iterations: number;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(subtle: SubtleCrypto, password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(subtle: SubtleCrypto, password: string, salt: Uint8Array, iterations = REUSE_ITERATIONS): Promise<StoredPasswordHash> {
  return { hash: toBase64(await derive(subtle, password, salt, iterations)), iterations };
}

/** Whether `password` is the one whose hash is stored; compares every byte whatever the first difference. */
export async function isSamePassword(subtle: SubtleCrypto, password: string, salt: Uint8Array, stored: StoredPasswordHash): Promise<boolean> {
  if (password.length < MIN_CHECKED_LENGTH) return false;
  const got = await derive(subtle, password, salt, stored.iterations);
  const want = fromBase64(stored.hash);
  if (got.length !== want.length) return false;
  let diff = 0;
  for (let k = 0; k < got.length; k++) diff |= got[k]! ^ want[k]!;
  return diff === 0;
}

/** A host and its subdomains. */
export function isUnderAny(host: string, roots: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return roots.some((r) => h === r || h.endsWith(`.${r}`));
}

/** What the reuse alert cites: the one-password-per-account article where the seeds have one. */
export const REUSE_SOURCES: Partial<Record<AuthorityId, Citation>> & { default: Citation } = {
  default: { vi: 'Quy định về quản lý mật khẩu hộp thư công vụ', en: 'The rules on official mailbox passwords' },
  danang: cite({ vi: 'Điểm a khoản 2 Điều 8', en: 'Art. 8.2a' }, DOCS.qc3712Danang),
  cantho: cite({ vi: 'Khoản 1 Điều 9', en: 'Art. 9.1' }, DOCS.qd50Cantho),
};
