// unsigned-document: the signature state of a PDF or office package, read beside its text. The
// verifiers (pkijs, xmldsigjs) are imported only when a file carries something to verify, so a
// host that never meets a signed file never loads them.
import type { DocumentSignatures } from '../types';
import type { Budget } from './limits';
import { ExtractError, withDeadline } from './limits';
import type { ZipArchive } from './zip';

const NONE: DocumentSignatures = { signatures: [], unsignedFields: 0 };

const SIGNATURE_MARKS = ['/ByteRange', '/Sig'].map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0)));

/** Whether the bytes hold a signature dictionary or a signature field at all. */
function mayHoldPdfSignature(bytes: Uint8Array): boolean {
  return SIGNATURE_MARKS.some((mark) => {
    outer: for (let i = bytes.indexOf(mark[0]!); i !== -1 && i + mark.length <= bytes.length; i = bytes.indexOf(mark[0]!, i + 1)) {
      for (let k = 1; k < mark.length; k++) if (bytes[i + k] !== mark[k]) continue outer;
      return true;
    }
    return false;
  });
}

export async function pdfSignatures(bytes: Uint8Array, budget: Budget): Promise<DocumentSignatures> {
  budget.checkTime();
  if (!mayHoldPdfSignature(bytes)) return { ...NONE };
  const { readPdfSignatures } = await import('../signatures/pdf');
  try {
    return await withDeadline(readPdfSignatures(bytes, budget.trustedRoots), budget);
  } catch {
    // A signature we could not read is never reported as no signature.
    return { ...NONE, unreadable: true };
  }
}

/** Each entry read whole, once, under the archive's own bounds (zip bombs, deadline). */
function packageReader(zip: ZipArchive) {
  const cache = new Map<string, Uint8Array | undefined>();
  return {
    names: () => zip.names(),
    bytes(name: string): Uint8Array | undefined {
      if (!cache.has(name)) {
        const chunks: Uint8Array[] = [];
        const found = zip.read(name, (c) => chunks.push(c.slice()));
        const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        cache.set(name, found ? out : undefined);
      }
      return cache.get(name);
    },
  };
}

export async function packageSignatures(zip: ZipArchive, format: string, budget: Budget): Promise<DocumentSignatures> {
  budget.checkTime();
  const container = format === 'odt' || format === 'ods' || format === 'odp' ? 'odf' : 'ooxml';
  const signed = zip.names().some((n) => (container === 'ooxml' ? /^_xmlsignatures\/[^/]+\.xml$/.test(n) : n === 'META-INF/documentsignatures.xml'));
  if (!signed) return { ...NONE };
  try {
    const { readPackageSignatures } = await import('../signatures/xml-package');
    return await withDeadline(readPackageSignatures(packageReader(zip), container, budget.trustedRoots), budget);
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    return { ...NONE, unreadable: true };
  }
}
