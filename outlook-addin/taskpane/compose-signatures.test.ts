// unsigned-document (issue 14): the compose pane lists each attached file's signature state
// beside its read notes, from the record the launch events and the pane share.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../core/extract';
import { recordSignatures } from '../launch/attachments';
import { composeNotes } from './compose';

const dir = join(import.meta.dirname, '../../test/fixtures/signatures');
const root = readFileSync(join(dir, 'pki/root.crt'), 'utf8');

describe('compose pane: signature state beside attachments', () => {
  it('names the signer and the listed root of a signed DOCX, and says so of an altered ODT', async () => {
    const records = [];
    for (const name of ['cong-van-ky-so.docx', 'cong-van-ky-so-sua.odt']) {
      const document = await extractDocument(name, new Uint8Array(readFileSync(join(dir, name))), {}, { trustedRoots: [root] });
      records.push({ id: name, name, size: 1, state: 'read' as const, findings: [], policyKey: 'k', ...recordSignatures(document) });
    }
    const lines = composeNotes({ findings: [], records, pending: [], attachmentsUnsupported: false, failedReads: [] } as unknown as Parameters<typeof composeNotes>[0], 'vi');
    expect(lines).toContain('Chữ ký số “cong-van-ky-so.docx”: Nguyễn Văn Ánh (UBND thành phố Đà Nẵng, anh.nv@danang.gov.vn): chữ ký hợp lệ; phủ toàn bộ tệp; chứng thư nối tới gốc tin cậy “Gốc thử nghiệm Công Vụ Guard (Tổ chức chứng thực thử nghiệm)”');
    expect(lines.find((l) => l.includes('cong-van-ky-so-sua.odt'))).toContain('chữ ký không khớp với nội dung (tệp đã bị thay đổi); các phần đã đổi hoặc chưa được ký: content.xml');
  });

  it('adds nothing for an unsigned file that carries no signature field', async () => {
    const name = 'cong-van-chua-ky.docx';
    const document = await extractDocument(name, new Uint8Array(readFileSync(join(dir, name))));
    expect(recordSignatures(document)).toEqual({});
  });
});
