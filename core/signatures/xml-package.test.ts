// Package signatures on real files: ODF and DOCX packages LibreOffice wrote, signed by xmlsec1
// (make-odf.sh, make-docx.ts) and checked against the verdicts recorded beside each file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Parse } from 'xml-core';
import { extractDocument } from '../extract';
import { relationshipTransformOutput } from './opc-relationships';

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

describe('OOXML package signatures', () => {
  it('verifies the signed DOCX: the Object xmlsec1 verified and every part openssl digested', async () => {
    const recorded = readFileSync(join(dir, 'cong-van-ky-so.docx.verify.txt'), 'utf8');
    expect(recorded).toMatch(/xmlsec1: OK/);
    expect(recorded).not.toMatch(/digest differs/);
    expect((await signaturesOf('cong-van-ky-so.docx'))?.signatures[0]).toMatchObject({ container: 'ooxml', integrity: 'valid', coversWhole: true, trust: 'listed-root', signer: { commonName: 'Nguyễn Văn Ánh' } });
  });

  it('names word/document.xml when the letter was edited after signing, as the openssl digest does', async () => {
    expect(readFileSync(join(dir, 'cong-van-ky-so-sua.docx.verify.txt'), 'utf8')).toMatch(/^word\/document.xml: digest differs$/m);
    expect((await signaturesOf('cong-van-ky-so-sua.docx'))?.signatures[0]).toMatchObject({ integrity: 'altered', changedParts: ['word/document.xml'] });
  });

  it('reports an unsigned DOCX as having no signature', async () => {
    expect(await signaturesOf('cong-van-chua-ky.docx')).toEqual({ signatures: [], unsignedFields: 0 });
  });

  it('applies the Relationship Transform: selected relationships only, TargetMode explicit, ordered by Id', () => {
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId3" Type="http://x/footer" Target="footer1.xml"/>' +
      '<Relationship Id="rId1" Type="http://x/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId2" Type="http://x/hyperlink" Target="https://danang.gov.vn" TargetMode="External"/></Relationships>';
    const transform = Parse(
      '<Transform xmlns="http://www.w3.org/2000/09/xmldsig#" xmlns:mdssi="http://schemas.openxmlformats.org/package/2006/digital-signature" Algorithm="http://schemas.openxmlformats.org/package/2006/RelationshipTransform">' +
        '<mdssi:RelationshipReference SourceId="rId3"/><mdssi:RelationshipsGroupReference SourceType="http://x/styles"/></Transform>',
    ).documentElement;
    const out = relationshipTransformOutput(rels, transform);
    expect(out).toContain('Id="rId1"');
    expect(out).not.toContain('rId2');
    expect(out.indexOf('rId1')).toBeLessThan(out.indexOf('rId3'));
    expect(out.match(/TargetMode="Internal"/g)).toHaveLength(2);
  });
});
