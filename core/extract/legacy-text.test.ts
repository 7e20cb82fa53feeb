import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../encoding';
import { extractDocument } from './index';

// TCVN3 has no codes for capitals with a tone ("Ủ"), so a raw text file cannot carry one.
const sentence = 'UBND thành phố Đà Nẵng đề nghị các sở, ngành báo cáo kết quả thực hiện';
const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('legacy text outside legacy fonts', () => {
  it('reads a .txt saved as raw TCVN3 bytes as Unicode and records the run', async () => {
    const doc = await extractDocument('bao-cao.txt', latin1Bytes(encodeLegacy(sentence, 'tcvn3')));
    expect(doc.text.trim()).toBe(sentence);
    expect(doc.legacy.map((r) => r.encoding)).toEqual(['tcvn3']);
  });

  it('reads a .txt saved as raw VNI bytes', async () => {
    const doc = await extractDocument('bao-cao.txt', latin1Bytes(encodeLegacy(sentence, 'vni')));
    expect(doc.text.trim()).toBe(sentence);
    expect(doc.legacy[0]?.encoding).toBe('vni');
  });

  it('finds TCVN3 text that reached UTF-8 as look-alike characters (typed in a Unicode font)', async () => {
    const text = `Kính gửi: Sở Nội vụ\n${encodeLegacy(sentence, 'tcvn3')}\nTrân trọng.`;
    const doc = await extractDocument('thu.txt', new TextEncoder().encode(text));
    expect(doc.text).toBe(`Kính gửi: Sở Nội vụ\n${sentence}\nTrân trọng.`);
    expect(doc.legacy).toHaveLength(1);
  });

  it('leaves Unicode Vietnamese and French untouched', async () => {
    const text = `${sentence}\nL'été dernier, nous sommes allés à la plage près de Nîmes avec nos élèves.`;
    const doc = await extractDocument('thu.txt', new TextEncoder().encode(text));
    expect(doc.text).toBe(text);
    expect(doc.legacy).toEqual([]);
  });
});
