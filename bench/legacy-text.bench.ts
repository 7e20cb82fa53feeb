// Legacy-encoded text against the same text in Unicode, per million characters, side by side:
// check() with the full policy (every rule on, the directory lent) on a body in Unicode, in
// TCVN3 and in VNI (read as Latin-1, as it arrives when pasted from an old document);
// decodeLegacy alone for text whose encoding a font already told (what docx extraction does),
// and decodeLegacy then check() on what it gives, the whole cost of such a document. Fresh
// text every round; spreads printed, and the load beside them.
import { decodeLegacy, encodeLegacy } from '../core/encoding';
import { assertEveryRuleOn, checkAll, draft, indexOfPass, load, timeOnce } from './address.bench';
import { ratios, showSpread } from './stats';
import { vietnameseText } from './vietnamese-text';

export function runLegacyBench(rounds = 9, chars = 1024 * 1024) {
  assertEveryRuleOn();
  const names = ['indexOf(@) pass, Unicode', 'check(), Unicode body', 'check(), TCVN3 body', 'check(), VNI body', 'decodeLegacy, TCVN3', 'decodeLegacy, VNI', 'decodeLegacy then check(), TCVN3'] as const;
  const loadBefore = load();
  const times: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const results: Record<string, number | string> = {};
  for (let r = 0; r <= rounds; r++) {
    const unicode = vietnameseText(chars, 200 + r, 0.01).text;
    const tcvn3 = encodeLegacy(unicode, 'tcvn3');
    const vni = encodeLegacy(unicode, 'vni');
    const candidates: Record<(typeof names)[number], () => number | string> = {
      'indexOf(@) pass, Unicode': () => indexOfPass(unicode),
      'check(), Unicode body': () => checkAll(draft(unicode)),
      'check(), TCVN3 body': () => checkAll(draft(tcvn3)),
      'check(), VNI body': () => checkAll(draft(vni)),
      'decodeLegacy, TCVN3': () => decodeLegacy(tcvn3, 'tcvn3').length,
      'decodeLegacy, VNI': () => decodeLegacy(vni, 'vni').length,
      'decodeLegacy then check(), TCVN3': () => checkAll(draft(decodeLegacy(tcvn3, 'tcvn3'))),
    };
    for (const name of names) {
      const { ms, result } = timeOnce(candidates[name], name === 'indexOf(@) pass, Unicode');
      results[name] = result;
      if (r > 0) times[name]!.push(ms);
    }
  }
  const unicodeCheck = times['check(), Unicode body']!;
  const perM = (1024 * 1024) / chars;
  const rows = names.map((name) => ({
    candidate: name,
    'ms per M chars: median (IQR, min–max)': showSpread(times[name]!.map((t) => t * perM), 2),
    'vs Unicode check(), per round': showSpread(ratios(times[name]!, unicodeCheck), 1, '×'),
    'vs indexOf, per round': showSpread(ratios(times[name]!, times['indexOf(@) pass, Unicode']!), 0, '×'),
    result: results[name],
  }));
  return { title: `Legacy text: ${chars.toLocaleString('en')} characters of Vietnamese text per body, ${rounds} rounds (+1 warm-up), interleaved; load ${loadBefore} before, ${load()} after`, rows };
}
