// unsigned-document: a document's signature state in words, for the scanner's report, the
// extension's banner and the add-in's pane. Each signature reads "signer: integrity; coverage;
// trust"; an issuer the policy does not list is named, never called "unsigned".
import type { CertificateNames, DocumentSignatures, ExtractedDocument, Lang, SignatureInfo } from '../types';
import { t } from './index';

export interface SignatureState {
  /** The attachment it is about ("thu.eml › cong-van.pdf"); none for the file itself. */
  part?: string;
  state: DocumentSignatures;
}

/** The signature state of a document and of its nested parts that carry one. */
export function signatureStates(document: ExtractedDocument, prefix?: string, depth = 0): SignatureState[] {
  const out: SignatureState[] = [];
  if (document.signatures) out.push({ ...(prefix && { part: prefix }), state: document.signatures });
  if (depth > 8) return out;
  for (const p of document.parts) {
    if (p.document) out.push(...signatureStates(p.document, prefix ? `${prefix} › ${p.name}` : p.name, depth + 1));
  }
  return out;
}

function nameOf(n: CertificateNames | undefined): string {
  if (!n) return '?';
  const main = n.commonName ?? n.organization ?? n.email ?? '?';
  const extra = [n.commonName ? n.organization : undefined, n.email].filter((x): x is string => !!x && x !== main);
  return extra.length > 0 ? `${main} (${extra.join(', ')})` : main;
}

export function renderSignature(s: SignatureInfo, lang: Lang): string {
  const coverage = s.changedParts?.length
    ? t(lang, 'signature.coverage.parts', { parts: s.changedParts.join(', ') })
    : t(lang, s.coversWhole ? 'signature.coverage.whole' : 'signature.coverage.partial');
  const trust =
    s.trust === 'listed-root'
      ? t(lang, 'signature.trust.listed-root', { root: nameOf(s.trustedRoot) })
      : s.trust === 'self-signed'
        ? t(lang, 'signature.trust.self-signed')
        : t(lang, 'signature.trust.unlisted', { issuer: nameOf(s.issuer) });
  return t(lang, 'signature.line', { signer: nameOf(s.signer), integrity: t(lang, `signature.integrity.${s.integrity}`), coverage, trust });
}

/** One line per signature, or one line saying there is none; empty fields are named too. */
export function renderSignatureState(state: DocumentSignatures, lang: Lang): string[] {
  if (state.notChecked) return [t(lang, 'signature.not-checked')];
  if (state.unreadable) return [t(lang, 'signature.unreadable')];
  const lines = state.signatures.map((s) => renderSignature(s, lang));
  if (state.unsignedFields > 0) lines.push(t(lang, 'signature.empty-fields', { count: state.unsignedFields }));
  return lines.length > 0 ? lines : [t(lang, 'signature.none')];
}
