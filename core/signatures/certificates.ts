// Certificates through pkijs/asn1js: names as a reader would say them, and whether a signer's
// chain verifies up to one of the roots the policy lists. Loaded only when a document carries
// a signature, so hosts that never meet one never load pkijs.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateNames, SignatureInfo } from '../types';

// WebCrypto is a global in Node 20, browsers, workers and Office's runtimes; pkijs is told so
// rather than left to guess from `self`.
pkijs.setEngine('webcrypto', new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto }));

const OID = { commonName: '2.5.4.3', organization: '2.5.4.10', email: '1.2.840.113549.1.9.1' } as const;

/** CN, O and e-mail of a name; asn1js decodes UTF8String, BMPString and PrintableString alike. */
export function namesOf(name: pkijs.RelativeDistinguishedNames): CertificateNames {
  const out: CertificateNames = {};
  for (const tv of name.typesAndValues) {
    const value = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    if (typeof value !== 'string') continue;
    const text = value.normalize('NFC').trim();
    if (tv.type === OID.commonName) out.commonName ??= text;
    else if (tv.type === OID.organization) out.organization ??= text;
    else if (tv.type === OID.email) out.email ??= text;
  }
  return out;
}

/** A certificate given as PEM or as base64 DER (the form a policy carries). */
export function parseCertificate(text: string): pkijs.Certificate | undefined {
  const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  try {
    const der = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
    return pkijs.Certificate.fromBER(der);
  } catch {
    return undefined;
  }
}

export function parseRoots(roots: readonly string[] | undefined): pkijs.Certificate[] {
  return (roots ?? []).map(parseCertificate).filter((c): c is pkijs.Certificate => c !== undefined);
}

async function verifiesItself(cert: pkijs.Certificate): Promise<boolean> {
  if (!cert.subject.isEqual(cert.issuer)) return false;
  try {
    return await cert.verify();
  } catch {
    return false;
  }
}

/**
 * Who vouches for the signer: a listed root (the whole chain verified with pkijs's path
 * validation, the certificates the signature carries as intermediates), the signer itself, or
 * an issuer the policy does not list — named, never taken for "unsigned".
 */
export async function trustOf(
  signer: pkijs.Certificate,
  carried: pkijs.Certificate[],
  roots: pkijs.Certificate[],
  at: Date | undefined,
): Promise<Pick<SignatureInfo, 'trust' | 'trustedRoot' | 'issuer'>> {
  const issuer = namesOf(signer.issuer);
  if (roots.length > 0) {
    try {
      const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: [signer, ...carried.filter((c) => c !== signer)], checkDate: at ?? new Date() });
      const result = await engine.verify();
      const top = result.certificatePath?.at(-1);
      if (result.result && top) return { trust: 'listed-root', trustedRoot: namesOf(top.subject), issuer };
    } catch {
      // A chain that cannot be built is simply not a listed one.
    }
  }
  if (await verifiesItself(signer)) return { trust: 'self-signed', issuer };
  return { trust: 'unlisted', issuer };
}

/** The DER of a BER-encoded structure handed over as bytes, as asn1js reads it. */
export function berOf(bytes: Uint8Array): asn1js.AsnType | undefined {
  const view = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const parsed = asn1js.fromBER(view);
  return parsed.offset === -1 ? undefined : parsed.result;
}
