// Our verdict on each signed-PDF fixture against poppler's pdfsig: its output was recorded when
// the fixtures were made (make-signatures.sh), and pdfsig is run again when the machine has it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract';
import type { DocumentSignatures } from '../types';
import { readPdfSignatures } from './pdf';

const dir = join(import.meta.dirname, '../../test/fixtures/signatures');
const root = readFileSync(join(dir, 'pki/root.crt'), 'utf8');
const otherRoot = readFileSync(join(dir, 'pki/other-root.crt'), 'utf8');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

/** pdfsig's words for one file: recorded, and fresh when pdfsig is installed. */
function pdfsig(name: string): string[] {
  const recorded = readFileSync(join(dir, `${name}.pdfsig.txt`), 'utf8');
  const outputs = [recorded];
  if (existsSync('/usr/bin/pdfsig')) {
    try {
      outputs.push(execFileSync('pdfsig', [join(dir, name)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (e) {
      outputs.push(String((e as { stdout?: string }).stdout ?? ''));
    }
  }
  return outputs;
}

/** What pdfsig says, in our terms, for the newest signature. */
function pdfsigVerdict(out: string) {
  return {
    signed: !/does not contain any signatures|form field is not signed/.test(out),
    unsignedField: /form field is not signed/.test(out),
    valid: /Signature is Valid/.test(out),
    altered: /Digest Mismatch/.test(out),
    whole: /Total document signed/.test(out) && !/Not total document signed/.test(out),
    commonName: /Signer Certificate Common Name: (.+)/.exec(out)?.[1]?.trim(),
  };
}

function ourVerdict(state: DocumentSignatures) {
  const s = state.signatures.at(-1);
  return {
    signed: state.signatures.length > 0,
    unsignedField: state.unsignedFields > 0,
    valid: s?.integrity === 'valid',
    altered: s?.integrity === 'altered',
    whole: s?.coversWhole ?? false,
    commonName: s?.signer?.commonName,
  };
}

const FIXTURES = ['cong-van-ky-so.pdf', 'cong-van-ky-cades.pdf', 'cong-van-ky-so-sua-sau.pdf', 'cong-van-ky-so-hong.pdf', 'cong-van-tu-ky.pdf', 'cong-van-o-ky-trong.pdf', 'cong-van-chua-ky.pdf'];

describe('PDF signatures agree with pdfsig', () => {
  for (const name of FIXTURES) {
    it(name, async () => {
      const ours = ourVerdict(await readPdfSignatures(read(name), [root]));
      for (const out of pdfsig(name)) expect(ours).toEqual(pdfsigVerdict(out));
    });
  }
});

describe('PDF signature details', () => {
  it('names the signer from the certificate, Vietnamese UTF8String names intact, and finds the chain to a listed root', async () => {
    const [s] = (await readPdfSignatures(read('cong-van-ky-so.pdf'), [root])).signatures;
    expect(s).toMatchObject({
      kind: 'adbe.pkcs7.detached',
      integrity: 'valid',
      coversWhole: true,
      trust: 'listed-root',
      signer: { commonName: 'Nguyễn Văn Ánh', organization: 'UBND thành phố Đà Nẵng', email: 'anh.nv@danang.gov.vn' },
      trustedRoot: { commonName: 'Gốc thử nghiệm Công Vụ Guard' },
    });
  });

  it('names an issuer the policy does not list as information, still signed and valid', async () => {
    for (const roots of [[], [otherRoot]]) {
      const [s] = (await readPdfSignatures(read('cong-van-ky-so.pdf'), roots)).signatures;
      expect(s).toMatchObject({ integrity: 'valid', trust: 'unlisted', issuer: { commonName: 'Trung gian thử nghiệm' } });
    }
  });

  it('decodes BMPString names and tells a self-signed certificate', async () => {
    const [s] = (await readPdfSignatures(read('cong-van-tu-ky.pdf'), [root])).signatures;
    expect(s).toMatchObject({ trust: 'self-signed', signer: { commonName: 'Trần Thị Bích Hằng', organization: 'Phòng Tư pháp' } });
  });

  it('reads PEM or base64 DER roots alike', async () => {
    const der = root.replace(/-----[A-Z ]+-----|\s/g, '');
    const [s] = (await readPdfSignatures(read('cong-van-ky-cades.pdf'), [der])).signatures;
    expect(s).toMatchObject({ kind: 'ETSI.CAdES.detached', trust: 'listed-root' });
  });

  it('comes with the text when a PDF is extracted, with the roots the host gives', async () => {
    const doc = await extractDocument('cong-van-ky-so.pdf', read('cong-van-ky-so.pdf'), {}, { trustedRoots: [root] });
    expect(doc.text).toContain('Kính gửi');
    expect(doc.signatures?.signatures[0]).toMatchObject({ integrity: 'valid', trust: 'listed-root' });
    const plain = await extractDocument('cong-van-chua-ky.pdf', read('cong-van-chua-ky.pdf'));
    expect(plain.signatures).toEqual({ signatures: [], unsignedFields: 0 });
  });
});
