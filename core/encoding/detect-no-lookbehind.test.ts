// The classic Outlook launch file runs in an ES2016 engine, which has no look-behind: there the
// detector's site pattern falls back to one without it and the survey is off. Its answers must
// be those of the exact pattern, on texts mixing Unicode Vietnamese, TCVN3, VNI and European words.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as exact from './detect';
import { encodeLegacy } from './index';

type Detect = typeof exact;
let fallback: Detect;

beforeAll(async () => {
  const Native = RegExp;
  const NoLookBehind = new Proxy(Native, {
    construct(target, args) {
      if (/\(\?<[=!]/.test(String(args[0]))) throw new SyntaxError('Invalid regular expression: invalid group');
      return Reflect.construct(target, args);
    },
  });
  vi.stubGlobal('RegExp', NoLookBehind);
  vi.resetModules();
  fallback = await import('./detect');
  vi.unstubAllGlobals();
});
afterAll(() => vi.resetModules());

const phrases = ['Kính gửi Văn phòng UBND thành phố', 'Công văn số 12/UBND-VP về việc báo cáo quý IV', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Liên hệ: nguoi.lam@gmail.com'];
const european = ['Où est la gare ? Très bien, merci.', 'El niño aún no llegó.', 'Schöne Grüße aus München', 'THÉÂTRE, CAFÉ, NAÏVE', 'Thaï hoà xoã'];
const piece = fc.oneof(
  fc.constantFrom(...phrases, ...european),
  fc.constantFrom(...phrases).chain((p) => fc.constantFrom(encodeLegacy(p, 'tcvn3'), encodeLegacy(p, 'vni'), encodeLegacy(p, 'tcvn3', { capitals: true }))),
  fc.string({ unit: fc.constantFrom(...'aAéÉêÊôÔơƠưƯđĐàÀµ¸¶·¹ª¬®§ÝÖñüø ØoäaøöøTHCNG .\n') }),
);
const texts = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '));

describe('the legacy detector without look-behind', () => {
  it('is built where the engine lacks look-behind', () => {
    expect(fallback.surveyText('Kính gửi\u00ad các đồng chí'.repeat(4))).toBeUndefined();
    expect(exact.surveyText('Kính gửi\u00ad các đồng chí'.repeat(4))).toBeDefined();
  });

  it('answers as the exact pattern does', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(fallback.hasLegacyText(text)).toBe(exact.hasLegacyText(text));
        expect(fallback.convertLegacyText(text)).toEqual(exact.convertLegacyText(text));
        expect(fallback.firstLegacyRun(text)).toEqual(exact.firstLegacyRun(text));
      }),
      { numRuns: 400 },
    );
  });

  it('still finds a TCVN3 and a VNI document', () => {
    for (const encoding of ['tcvn3', 'vni'] as const) {
      const text = `${phrases.join('\n')}\n${encodeLegacy(phrases.slice(0, 3).join('. '), encoding)}`;
      expect(fallback.convertLegacyText(text).runs.map((r) => r.encoding)).toEqual([encoding]);
    }
  });
});
