import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../check';
import { extractDocument } from '../extract';
import { PRESETS } from '../policy/presets';
import type { Policy } from '../policy/schema';
import { draft } from './test-helpers';

const dir = join(import.meta.dirname, '../../test/fixtures/signatures');
const root = readFileSync(join(dir, 'pki/root.crt'), 'utf8');

async function findingsFor(file: string, policy: Policy = PRESETS.danang) {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const document = await extractDocument(file, bytes, {}, { trustedRoots: policy.trustedSignatureRoots });
  const msg = draft({ surface: 'official', attachments: [{ name: file, size: bytes.length, document }] });
  return check(msg, policy).filter((f) => f.rule === 'unsigned-document');
}

describe('unsigned-document (QĐ 3712 Art. 6.4)', () => {
  it('flags an official letter sent without a signature, citing Art. 6.4', async () => {
    const [f, ...rest] = await findingsFor('cong-van-chua-ky.pdf');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageKey: 'unsigned-document.missing', severity: 'nudge', params: { file: 'cong-van-chua-ky.pdf' } });
    expect(f!.citation.vi).toBe('Khoản 4 Điều 6, Quy chế ban hành kèm QĐ 3712/QĐ-UBND (Đà Nẵng)');
  });

  it('says nothing when the policy does not say the unit signs', async () => {
    expect(await findingsFor('cong-van-chua-ky.pdf', { ...PRESETS.danang, unitSignsDocuments: false })).toEqual([]);
  });

  it('passes a whole, valid signature whether or not its issuer is listed', async () => {
    expect(await findingsFor('cong-van-ky-so.pdf')).toEqual([]);
    expect(await findingsFor('cong-van-ky-cades.pdf', { ...PRESETS.danang, trustedSignatureRoots: [root] })).toEqual([]);
  });

  it('names each signature problem, signer included', async () => {
    const keys = async (file: string) => (await findingsFor(file)).map((f) => [f.messageKey, f.params.signer]);
    expect(await keys('cong-van-ky-so-sua-sau.pdf')).toEqual([['unsigned-document.changed-after-signing', 'Nguyễn Văn Ánh']]);
    expect(await keys('cong-van-ky-so-hong.pdf')).toEqual([['unsigned-document.altered', 'Nguyễn Văn Ánh']]);
    expect(await keys('cong-van-tu-ky.pdf')).toEqual([['unsigned-document.self-signed', 'Trần Thị Bích Hằng']]);
    expect(await keys('cong-van-o-ky-trong.pdf')).toEqual([['unsigned-document.empty-field', undefined]]);
  });

  it('says nothing of a signature present but not checked in this host (Outlook’s launch runtime)', () => {
    const msg = draft({ surface: 'official', attachments: [{ name: 'cv.docx', size: 10, document: { text: 'Số: 30/UBND-VP\nKính gửi: Sở', links: [], legacy: [], parts: [], signatures: { signatures: [], unsignedFields: 0, notChecked: true } } }] });
    expect(check(msg, PRESETS.danang).filter((f) => f.rule === 'unsigned-document')).toEqual([]);
  });

  it('leaves documents that are not official documents alone', async () => {
    const msg = draft({ surface: 'official', attachments: [{ name: 'ghi-chu.pdf', size: 10, document: { text: 'Danh sách món ăn trưa', links: [], legacy: [], parts: [], signatures: { signatures: [], unsignedFields: 0 } } }] });
    expect(check(msg, PRESETS.danang).filter((f) => f.rule === 'unsigned-document')).toEqual([]);
  });
});
