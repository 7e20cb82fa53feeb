// unsigned-document: the signature state of a PDF or office package, read beside its text. The
// verifiers (pkijs, xmldsigjs) are imported only when a file carries something to verify, so a
// host that never meets a signed file never loads them.
import type { DocumentSignatures } from '../types';
import type { Budget } from './limits';
import { withDeadline } from './limits';
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

export async function packageSignatures(zip: ZipArchive, format: string, budget: Budget): Promise<DocumentSignatures> {
  void format;
  budget.checkTime();
  const signed = zip.names().some((n) => n.startsWith('_xmlsignatures/') || n === 'META-INF/documentsignatures.xml');
  return signed ? { ...NONE, unreadable: true } : { ...NONE };
}
