// Package signatures on real files: ODF signed by xmlsec1 over the package LibreOffice wrote
// (make-odf.sh), checked against xmlsec1's own verdict recorded beside each file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract';

const dir = join(import.meta.dirname, '../../test/fixtures/signatures');
const root = readFileSync(join(dir, 'pki/root.crt'), 'utf8');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const signaturesOf = async (name: string, bytes = read(name)) => (await extractDocument(name, bytes, {}, { trustedRoots: [root] })).signatures;

describe('ODF package signatures', () => {
  it('verifies the signed letter as xmlsec1 does, and names the signer and the listed root', async () => {
    expect(readFileSync(join(dir, 'cong-van-ky-so.odt.xmlsec1.txt'), 'utf8')).toMatch(/^OK$/m);
    const state = await signaturesOf('cong-van-ky-so.odt');
    expect(state?.signatures).toHaveLength(1);
    expect(state?.signatures[0]).toMatchObject({
      container: 'odf',
      integrity: 'valid',
      coversWhole: true,
      trust: 'listed-root',
      signer: { commonName: 'Nguyễn Văn Ánh', organization: 'UBND thành phố Đà Nẵng' },
    });
  });

  it('names the part edited after signing, where xmlsec1 finds a digest mismatch', async () => {
    expect(readFileSync(join(dir, 'cong-van-ky-so-sua.odt.xmlsec1.txt'), 'utf8')).toMatch(/^FAIL$/m);
    expect((await signaturesOf('cong-van-ky-so-sua.odt'))?.signatures[0]).toMatchObject({ integrity: 'altered', changedParts: ['content.xml'] });
  });

  it('names a file added to the package after signing as not covered', async () => {
    const files = unzipSync(read('cong-van-ky-so.odt'));
    files['Pictures/them-sau.png'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const [s] = (await signaturesOf('them.odt', zipSync(files)))!.signatures;
    expect(s).toMatchObject({ integrity: 'valid', coversWhole: false, changedParts: ['Pictures/them-sau.png'] });
  });

  it('reports an unsigned OpenDocument as having no signature', async () => {
    expect(await signaturesOf('cong-van-chua-ky.odt')).toEqual({ signatures: [], unsignedFields: 0 });
  });

  it('keeps xmlsec1 outputs beside the fixtures', () => {
    for (const f of ['cong-van-ky-so.odt', 'cong-van-ky-so-sua.odt']) expect(existsSync(join(dir, `${f}.xmlsec1.txt`))).toBe(true);
  });
});
