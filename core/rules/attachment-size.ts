// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng, 2017), Art. 7.1: attachments up to 20 MB.
// Both limits come from the policy; 1 MB is 1 048 576 bytes, as mail servers count.
import type { RawFinding } from '../types';
import type { Rule } from './rule';
import { cite, DOCS } from './sources';

export const MB = 1024 * 1024;

export function formatMB(bytes: number): string {
  const mb = bytes / MB;
  return mb >= 10 ? mb.toFixed(0) : mb.toFixed(1);
}

export const attachmentSizeRule: Rule = {
  id: 'attachment-size',
  appliesTo: ['outgoing'],
  sources: {
    default: { vi: 'Giới hạn dung lượng của hệ thống thư điện tử công vụ', en: 'The official mail system’s size limit' },
    danang: cite({ vi: 'Khoản 1 Điều 7', en: 'Art. 7.1' }, DOCS.qc3712Danang),
  },
  check(msg, { policy }) {
    const findings: RawFinding[] = [];
    const fileLimit = policy.attachmentMaxFileMB * MB;
    let total = 0;
    for (const a of msg.attachments) {
      total += a.size;
      if (a.size > fileLimit) {
        findings.push({
          rule: 'attachment-size',
          messageKey: 'attachment-size.file',
          params: { file: a.name, size: formatMB(a.size), limit: policy.attachmentMaxFileMB },
          evidence: { files: [a.name] },
          actions: ['remove-attachment', 'share-as-link'],
        });
      }
    }
    const oversize = findings.length > 0;
    if (!oversize && total > policy.attachmentMaxTotalMB * MB) {
      findings.push({
        rule: 'attachment-size',
        messageKey: 'attachment-size.total',
        params: { size: formatMB(total), limit: policy.attachmentMaxTotalMB, count: msg.attachments.length },
        evidence: { files: msg.attachments.map((a) => a.name) },
        actions: ['remove-attachment', 'share-as-link'],
      });
    }
    return findings;
  },
};
