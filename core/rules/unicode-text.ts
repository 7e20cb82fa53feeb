// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng), Art. 5.2: text is exchanged in Unicode per
// TCVN 6909:2001; QĐ 50/2009/QĐ-UBND (Cần Thơ), Art. 7 says the same. Legacy TCVN3/ABC and
// VNI-Windows text shows as gibberish to the reader, so it is found and offered for conversion.
import { firstLegacyRun } from '../encoding';
import type { LegacyRun, RawFinding } from '../types';
import { attachedDocuments } from './documents';
import type { Rule } from './rule';
import { cite, DOCS } from './sources';

function sample(runs: readonly LegacyRun[]): string[] {
  const run = runs[0];
  if (!run) return [];
  const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
  return [`${clip(run.original)} → ${clip(run.converted)}`];
}

export const unicodeTextRule: Rule = {
  id: 'unicode-text',
  appliesTo: ['outgoing'],
  sources: {
    default: { vi: 'TCVN 6909:2001 (bộ mã chữ Việt Unicode)', en: 'TCVN 6909:2001 (Vietnamese Unicode standard)' },
    danang: cite({ vi: 'Khoản 2 Điều 5', en: 'Art. 5.2' }, DOCS.qc3712Danang),
    cantho: cite({ vi: 'Điều 7', en: 'Art. 7' }, DOCS.qd50Cantho),
  },
  check(msg) {
    const findings: RawFinding[] = [];
    for (const { name, document } of attachedDocuments(msg)) {
      if (document.legacy.length === 0) continue;
      findings.push({
        rule: 'unicode-text',
        messageKey: 'unicode-text.attachment',
        params: { file: name, encoding: document.legacy[0]!.encoding === 'vni' ? 'VNI-Windows' : 'TCVN3 (ABC)' },
        evidence: { files: [name], quotes: sample(document.legacy) },
        actions: [],
      });
    }
    // Detection never looks past a line, so subject and body are read apart: joining them
    // would copy the whole body and make every check a new text to the cached verdict. The
    // finding quotes the first run only, so only that one is looked for.
    const first = firstLegacyRun(msg.subject) ?? firstLegacyRun(msg.bodyText);
    if (first) {
      findings.push({
        rule: 'unicode-text',
        messageKey: 'unicode-text.body',
        params: { encoding: first.encoding === 'vni' ? 'VNI-Windows' : 'TCVN3 (ABC)' },
        evidence: { quotes: sample([first]) },
        actions: ['convert-to-unicode'],
      });
    }
    return findings;
  },
};
