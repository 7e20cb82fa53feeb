// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng), Art. 6.4: agencies issued the Government Cipher
// Committee's specialised digital signature sign electronic documents with it before exchanging
// them. When the policy says the unit signs, an official document attached to outgoing mail is
// checked: no signature, a signature the document no longer matches, an update appended after
// signing, a signature field left empty or a self-signed certificate each give a finding. A
// valid signature from an issuer the policy does not list is information, never "unsigned".
import type { DocumentSignatures, RawFinding, SignatureInfo } from '../types';
import { attachedDocuments } from './documents';
import { documentMarkers } from './public-webmail-work';
import type { Rule } from './rule';
import { cite, DOCS } from './sources';

/** An administrative document: its number or the national motto, or a salutation with a distribution list. */
export function isOfficialDocument(text: string): boolean {
  const markers = new Set(documentMarkers(text));
  if (markers.has('document-number') || markers.has('national-motto')) return true;
  return markers.has('salutation') && (markers.has('distribution-list') || markers.has('subject-line'));
}

export function signerName(s: SignatureInfo): string {
  return s.signer?.commonName ?? s.signer?.organization ?? s.signer?.email ?? '?';
}

/** The message key for a document's signature state, when that state needs a second look. */
export function signatureProblem(state: DocumentSignatures): { key: string; signature?: SignatureInfo } | undefined {
  // Present but verified elsewhere (the add-in's pane): not unsigned, and nothing to say here.
  if (state.notChecked) return undefined;
  if (state.unreadable) return { key: 'unsigned-document.unreadable' };
  // Indexed, not .at(-1): classic Outlook's launch file runs this on ES2016 engines (ES2022 has at).
  const newest = state.signatures[state.signatures.length - 1];
  if (!newest) return { key: state.unsignedFields > 0 ? 'unsigned-document.empty-field' : 'unsigned-document.missing' };
  const broken = state.signatures.find((s) => s.integrity === 'altered');
  if (broken) return { key: 'unsigned-document.altered', signature: broken };
  if (state.signatures.some((s) => s.integrity === 'unverifiable')) return { key: 'unsigned-document.unverifiable', signature: newest };
  if (!newest.coversWhole) return { key: 'unsigned-document.changed-after-signing', signature: newest };
  if (newest.trust === 'self-signed') return { key: 'unsigned-document.self-signed', signature: newest };
  if (state.unsignedFields > 0) return { key: 'unsigned-document.empty-field', signature: newest };
  return undefined;
}

export const unsignedDocumentRule: Rule = {
  id: 'unsigned-document',
  appliesTo: ['outgoing'],
  sources: {
    default: { vi: 'Nghị định 30/2020/NĐ-CP về công tác văn thư', en: 'Decree 30/2020/NĐ-CP on clerical work' },
    danang: cite({ vi: 'Khoản 4 Điều 6', en: 'Art. 6.4' }, DOCS.qc3712Danang),
  },
  check(msg, ctx) {
    if (!ctx.policy.unitSignsDocuments) return [];
    const findings: RawFinding[] = [];
    for (const { name, document } of attachedDocuments(msg)) {
      // Only formats that carry signatures have a state; a spreadsheet or a mail has none.
      if (!document.signatures || !isOfficialDocument(document.text)) continue;
      const problem = signatureProblem(document.signatures);
      if (!problem) continue;
      findings.push({
        rule: 'unsigned-document',
        messageKey: problem.key,
        params: problem.signature ? { file: name, signer: signerName(problem.signature) } : { file: name },
        evidence: { files: [name], quotes: problem.signature?.changedParts },
        actions: ['acknowledge'],
      });
    }
    return findings;
  },
};
