// Package signatures of office files, verified with xmldsigjs (XML-DSig over WebCrypto):
// - ODF 1.2 Part 3 §5: META-INF/documentsignatures.xml, each Reference naming a file of the
//   package by its path (XML files usually through a C14N transform);
// - OOXML (ECMA-376 Part 2 §13, OPC digital signatures): _xmlsignatures/*.xml, whose SignedInfo
//   signs an Object holding a Manifest; the Manifest's References name the package's parts
//   ("/word/document.xml?ContentType=…").
// Each part is digested the way its Reference says; a part whose digest differs was edited after
// signing and is named. The signer is read from the certificates in KeyInfo (pkijs), the one
// whose key verifies the SignatureValue.
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import * as pkijs from 'pkijs';
import { Parse, setNodeDependencies } from 'xml-core';
import * as xmldsig from 'xmldsigjs';
import * as xpath from 'xpath';
import type { DocumentSignatures, SignatureInfo } from '../types';
import { namesOf, parseCertificate, parseRoots, trustOf } from './certificates';
import { relationshipTransformOutput, RELATIONSHIP_TRANSFORM } from './opc-relationships';

// A worker has no DOMParser, and Node has neither; xmldom serves all hosts alike.
setNodeDependencies({ DOMParser, XMLSerializer, xpath });
xmldsig.Application.setEngine('webcrypto', globalThis.crypto);

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** What the verifier needs of a package: its entry names and an entry's bytes. */
export interface PackageReader {
  names(): string[];
  bytes(name: string): Uint8Array | undefined;
}

const utf8 = new TextDecoder('utf-8');
const base64 = (b: ArrayBuffer | Uint8Array) => {
  const u = b instanceof Uint8Array ? b : new Uint8Array(b);
  let s = '';
  for (const x of u) s += String.fromCharCode(x);
  return btoa(s);
};

type Reference = InstanceType<typeof xmldsig.Reference>;

/** The library's own reference digest and signature check, which it keeps protected. */
class PackageSignedXml extends xmldsig.SignedXml {
  digestSameDocument(doc: Document, ref: Reference): Promise<Uint8Array> {
    return this.DigestReference(doc.documentElement, ref, false);
  }
  signatureVerifiesWith(key: CryptoKey): Promise<boolean> {
    return this.ValidateSignatureValue([key]);
  }
}

/** A Reference as the DOM has it: Manifest references may carry transforms no library knows. */
interface RefData {
  uri: string;
  transforms: Element[];
  digestMethod: string;
  digestValue: string;
}

function childrenNamed(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  return out;
}

function refData(el: Element): RefData {
  const transforms = childrenNamed(el, 'Transforms').flatMap((t) => childrenNamed(t, 'Transform'));
  const digestMethod = childrenNamed(el, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? '';
  const digestValue = (childrenNamed(el, 'DigestValue')[0]?.textContent ?? '').replace(/\s+/g, '');
  return { uri: el.getAttribute('URI') ?? '', transforms, digestMethod, digestValue };
}

const C14N: Record<string, () => { LoadInnerXml(n: Node): void; GetOutput(): string }> = {
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315': () => new xmldsig.XmlDsigC14NTransform(),
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': () => new xmldsig.XmlDsigC14NWithCommentsTransform(),
  'http://www.w3.org/2001/10/xml-exc-c14n#': () => new xmldsig.XmlDsigExcC14NTransform(),
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': () => new xmldsig.XmlDsigExcC14NWithCommentsTransform(),
};

/** Digest of one package part as its Reference prescribes; undefined for a transform we do not know. */
async function partDigest(ref: RefData, part: Uint8Array): Promise<string | undefined> {
  let data: Uint8Array<ArrayBuffer> | string = new Uint8Array(part);
  let xml: string | undefined;
  for (const t of ref.transforms) {
    const algorithm = t.getAttribute('Algorithm') ?? '';
    if (algorithm === RELATIONSHIP_TRANSFORM) xml = relationshipTransformOutput(xml ?? utf8.decode(part), t);
    else if (C14N[algorithm]) {
      const c14n = C14N[algorithm]();
      c14n.LoadInnerXml(Parse(xml ?? utf8.decode(part)).documentElement);
      data = c14n.GetOutput();
      xml = undefined;
    } else return undefined;
  }
  const hash = xmldsig.CryptoConfig.CreateHashAlgorithm(ref.digestMethod);
  return base64(await hash.Digest(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}

/** OPC names parts "/word/document.xml?ContentType=…"; ODF by the path inside the package. */
function partName(uri: string): string {
  return decodeURIComponent(uri.replace(/\?.*$/, '').replace(/^\//, ''));
}

interface Checked {
  changed: string[];
  /** Parts signed through a transform we do not know: not checked. */
  unknown: string[];
  covered: Set<string>;
}

async function checkReferences(signed: PackageSignedXml, refEls: Element[], pkg: PackageReader, doc: Document, out: Checked): Promise<void> {
  for (const el of refEls) {
    const ref = refData(el);
    if (ref.uri.startsWith('#')) {
      // Same-document objects (the OPC Object with its Manifest, XAdES signed properties).
      const parsed = xmldsig.Reference.LoadXml(el) as Reference;
      const digest = base64(await signed.digestSameDocument(doc, parsed));
      if (digest !== ref.digestValue) out.changed.push(ref.uri);
      continue;
    }
    const name = partName(ref.uri);
    out.covered.add(name);
    const bytes = pkg.bytes(name);
    const digest = bytes ? await partDigest(ref, bytes) : '';
    if (digest === undefined) out.unknown.push(name);
    else if (digest !== ref.digestValue) out.changed.push(name);
  }
}

function referencesIn(sigEl: Element, container: 'SignedInfo' | 'Manifest'): Element[] {
  const out: Element[] = [];
  const holders = sigEl.getElementsByTagNameNS(DSIG, container);
  for (let i = 0; i < holders.length; i++) out.push(...childrenNamed(holders.item(i)!, 'Reference'));
  return out;
}

function certificatesIn(sigEl: Element): pkijs.Certificate[] {
  const out: pkijs.Certificate[] = [];
  const els = sigEl.getElementsByTagNameNS(DSIG, 'X509Certificate');
  for (let i = 0; i < els.length; i++) {
    const cert = parseCertificate(els.item(i)!.textContent ?? '');
    if (cert) out.push(cert);
  }
  return out;
}

async function signerOf(signed: PackageSignedXml, certs: pkijs.Certificate[]): Promise<{ cert?: pkijs.Certificate; verified: boolean }> {
  const algorithm = xmldsig.CryptoConfig.CreateSignatureAlgorithm(signed.XmlSignature.SignedInfo.SignatureMethod).algorithm as RsaHashedImportParams | EcKeyImportParams;
  for (const cert of certs) {
    try {
      const spki = cert.subjectPublicKeyInfo.toSchema().toBER(false);
      const key = await globalThis.crypto.subtle.importKey('spki', spki, algorithm, true, ['verify']);
      if (await signed.signatureVerifiesWith(key)) return { cert, verified: true };
    } catch {
      // A certificate of another algorithm (an issuer's) cannot be this signature's key.
    }
  }
  return { cert: certs[0], verified: false };
}

async function verifySignature(sigEl: Element, doc: Document, pkg: PackageReader, container: 'ooxml' | 'odf', mustCover: string[], roots: pkijs.Certificate[]): Promise<SignatureInfo> {
  const signed = new PackageSignedXml(doc);
  signed.LoadXml(sigEl);
  const info: SignatureInfo = { container, kind: signed.XmlSignature.SignedInfo.SignatureMethod.Algorithm ?? undefined, integrity: 'unverifiable', coversWhole: false, trust: 'unlisted' };
  const checked: Checked = { changed: [], unknown: [], covered: new Set() };
  await checkReferences(signed, referencesIn(sigEl, 'SignedInfo'), pkg, doc, checked);
  await checkReferences(signed, referencesIn(sigEl, 'Manifest'), pkg, doc, checked);
  const certs = certificatesIn(sigEl);
  const { cert, verified } = await signerOf(signed, certs);
  info.integrity = !verified || checked.changed.length > 0 ? 'altered' : checked.unknown.length > 0 ? 'unverifiable' : 'valid';
  const uncovered = mustCover.filter((n) => !checked.covered.has(n));
  info.coversWhole = uncovered.length === 0 && checked.changed.length === 0;
  const named = [...checked.changed.filter((n) => !n.startsWith('#')), ...uncovered];
  if (named.length > 0) info.changedParts = named;
  if (cert) {
    info.signer = namesOf(cert.subject);
    Object.assign(info, await trustOf(cert, certs, roots, undefined));
  }
  return info;
}

function signatureElements(doc: Document): Element[] {
  const list = doc.getElementsByTagNameNS(DSIG, 'Signature');
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
}

/** Parts a package signature must cover for the document to read as signed. */
function contentParts(pkg: PackageReader, container: 'ooxml' | 'odf'): string[] {
  if (container === 'odf') return pkg.names().filter((n) => !n.endsWith('/') && n !== 'mimetype' && !n.startsWith('META-INF/documentsignatures') && n !== 'META-INF/macrosignatures.xml');
  // The main story and its relationships: what the reader sees. Office leaves some parts
  // (the signature origin, core properties it rewrites on save) out of the signature by design.
  return pkg.names().filter((n) => /^(word|xl|ppt)\/[^/]+\.xml$/.test(n) && /(document|workbook|presentation)\.xml$/.test(n));
}

export async function readPackageSignatures(pkg: PackageReader, container: 'ooxml' | 'odf', trustedRoots?: readonly string[]): Promise<DocumentSignatures> {
  const roots = parseRoots(trustedRoots);
  const files = container === 'odf' ? pkg.names().filter((n) => n === 'META-INF/documentsignatures.xml') : pkg.names().filter((n) => /^_xmlsignatures\/[^/]+\.xml$/.test(n) && !n.endsWith('origin.sigs'));
  const mustCover = contentParts(pkg, container);
  const signatures: SignatureInfo[] = [];
  for (const file of files) {
    const doc = Parse(utf8.decode(pkg.bytes(file) ?? new Uint8Array()));
    for (const el of signatureElements(doc)) signatures.push(await verifySignature(el, doc, pkg, container, mustCover, roots));
  }
  return { signatures, unsignedFields: 0 };
}
