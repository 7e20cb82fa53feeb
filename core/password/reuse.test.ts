import { describe, expect, it } from 'vitest';
import { hashPassword, isSamePassword, isUnderAny, MIN_CHECKED_LENGTH, REUSE_ITERATIONS, SALT_BYTES, toBase64 } from './reuse';

const subtle = globalThis.crypto.subtle;
const salt = (fill: number) => new Uint8Array(SALT_BYTES).fill(fill);
// Tests use fewer rounds than the stored default: the work factor is not what they check.
const ROUNDS = 1000;

describe('password reuse hash', () => {
  it('recognises the same password and nothing else', async () => {
    const stored = await hashPassword(subtle, 'Đà-Nẵng#2026pw', salt(1), ROUNDS);
    expect(await isSamePassword(subtle, 'Đà-Nẵng#2026pw', salt(1), stored)).toBe(true);
    expect(await isSamePassword(subtle, 'Đà-Nẵng#2026pW', salt(1), stored)).toBe(false);
    expect(await isSamePassword(subtle, 'Đà-Nẵng#2026p', salt(1), stored)).toBe(false);
  });

  it('depends on the install’s salt: the same password gives another hash elsewhere', async () => {
    const a = await hashPassword(subtle, 'Mk@12345678ab', salt(1), ROUNDS);
    const b = await hashPassword(subtle, 'Mk@12345678ab', salt(2), ROUNDS);
    expect(a.hash).not.toBe(b.hash);
    expect(await isSamePassword(subtle, 'Mk@12345678ab', salt(2), a)).toBe(false);
  });

  it('stores neither the password nor an unsalted digest of it', async () => {
    const password = 'Mk@12345678ab';
    const stored = await hashPassword(subtle, password, salt(3), ROUNDS);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(password);
    const sha = toBase64(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(password))));
    expect(text).not.toContain(sha);
    expect(stored.iterations).toBe(ROUNDS);
  });

  it('uses a slow work factor by default and ignores values too short to be the password', async () => {
    expect(REUSE_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const short = 'a'.repeat(MIN_CHECKED_LENGTH - 1);
    const stored = await hashPassword(subtle, short, salt(4), ROUNDS);
    expect(await isSamePassword(subtle, short, salt(4), stored)).toBe(false);
  });

  it('treats a listed host’s subdomains as the host', () => {
    expect(isUnderAny('egov.danang.gov.vn', ['egov.danang.gov.vn'])).toBe(true);
    expect(isUnderAny('sso.egov.danang.gov.vn.', ['egov.danang.gov.vn'])).toBe(true);
    expect(isUnderAny('notegov.danang.gov.vn', ['egov.danang.gov.vn'])).toBe(false);
  });
});
