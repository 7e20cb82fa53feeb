// PDF signatures (ISO 32000-1 §12.8): each signature dictionary names the bytes it signs in
// /ByteRange [start1 length1 start2 length2] and holds a detached CMS in /Contents <hex>.
// The CMS is verified with pkijs over exactly those bytes (message digest and signature); the
// newest signature must reach the end of the file, else an incremental update was appended
// after it and what a reader sees is not what was signed.
//
// Signature dictionaries are never inside object streams (their byte offsets must be
// exact), so they are found in the file's own bytes. Only the PDF syntax around them is read
// here; every ASN.1 structure goes through asn1js/pkijs.
import * as pkijs from 'pkijs';
import type { DocumentSignatures, SignatureInfo } from '../types';
import { berOf, namesOf, parseRoots, trustOf } from './certificates';

const DETACHED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

interface Found {
  range: [number, number, number, number];
  contents: Uint8Array;
  subFilter?: string;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.substr(i * 2, 2), 16);
  return out;
}

/** The indirect object around a position: from its "N G obj" to its "endobj". */
function objectAround(text: string, at: number): string {
  const start = text.lastIndexOf(' obj', at);
  const end = text.indexOf('endobj', at);
  return text.slice(start < 0 ? 0 : start, end < 0 ? text.length : end);
}

function findSignatures(text: string): Found[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const key = m.slice(1, 5).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const dict = objectAround(text, m.index);
    const contents = /\/Contents\s*<([0-9a-fA-F\s]*)>/.exec(dict)?.[1];
    if (contents === undefined) continue;
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dict)?.[1];
    found.push({ range: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])], contents: hexBytes(contents), subFilter });
  }
  // The newest signature signs the most bytes.
  return found.sort((a, b) => a.range[2] + a.range[3] - (b.range[2] + b.range[3]));
}

/** Signature form fields (/FT /Sig) with no value: placed for someone to sign, never signed. */
function unsignedFields(text: string): number {
  let count = 0;
  for (const m of text.matchAll(/\/FT\s*\/Sig\b/g)) {
    if (!/\/V\s*\d+\s+\d+\s+R|\/V\s*<</.test(objectAround(text, m.index))) count++;
  }
  return count;
}

function signingTime(signer: pkijs.SignerInfo): Date | undefined {
  for (const attr of signer.signedAttrs?.attributes ?? []) {
    if (attr.type !== '1.2.840.113549.1.9.5') continue;
    const value = attr.values[0] as { toDate?: () => Date } | undefined;
    if (value?.toDate) return value.toDate();
  }
  return undefined;
}

async function verifyOne(bytes: Uint8Array, sig: Found, roots: pkijs.Certificate[]): Promise<SignatureInfo> {
  const [a, b, c, d] = sig.range;
  const info: SignatureInfo = { container: 'pdf', kind: sig.subFilter, integrity: 'unverifiable', coversWhole: a === 0 && c + d === bytes.length, trust: 'unlisted' };
  // The hole between the two ranges must be exactly the /Contents value: a range that skips
  // anything else leaves unsigned bytes a reader would see.
  if (a !== 0 || b > c || c + d > bytes.length || !sig.subFilter || !DETACHED.has(sig.subFilter)) return info;
  const gap = latin1(bytes.subarray(b, c));
  if (!/^<[0-9a-fA-F\s]*>$/.test(gap)) {
    info.coversWhole = false;
    return info;
  }
  const asn = berOf(sig.contents);
  if (!asn) return info;
  let signed: pkijs.SignedData;
  try {
    signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn }).content });
  } catch {
    return info;
  }
  const carried = (signed.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  const data = new Uint8Array(b + d);
  data.set(bytes.subarray(0, b), 0);
  data.set(bytes.subarray(c, c + d), b);
  const signerInfo = signed.signerInfos[0];
  const when = signerInfo ? signingTime(signerInfo) : undefined;
  if (when) info.signedAt = when.toISOString();
  let signerCert: pkijs.Certificate | undefined;
  try {
    const result = await signed.verify({ signer: 0, data: data.buffer, checkChain: false, extendedMode: true });
    signerCert = result.signerCertificate ?? undefined;
    info.integrity = result.signatureVerified ? 'valid' : 'altered';
  } catch (err) {
    // pkijs reports a digest mismatch by throwing with the signer certificate it found.
    const e = err as { signerCertificate?: pkijs.Certificate; message?: string; code?: number };
    signerCert = e.signerCertificate ?? undefined;
    // Code 15: the message digest attribute does not match the signed bytes; 14: the
    // signature over the attributes fails. Anything else is a signature we could not check.
    info.integrity = e.code === 14 || e.code === 15 ? 'altered' : 'unverifiable';
  }
  if (signerCert) {
    info.signer = namesOf(signerCert.subject);
    Object.assign(info, await trustOf(signerCert, carried, roots, when));
  }
  return info;
}

export async function readPdfSignatures(bytes: Uint8Array, trustedRoots?: readonly string[]): Promise<DocumentSignatures> {
  const text = latin1(bytes);
  const roots = parseRoots(trustedRoots);
  const found = findSignatures(text);
  const signatures: SignatureInfo[] = [];
  for (const sig of found) signatures.push(await verifyOne(bytes, sig, roots));
  // An earlier signature is covered by the later ones; only the newest must reach the end.
  signatures.forEach((s, i) => {
    if (i < signatures.length - 1 && s.integrity === 'valid') s.coversWhole = true;
  });
  return { signatures, unsignedFields: unsignedFields(text) };
}
