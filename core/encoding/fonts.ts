// Which legacy encoding a document font implies. TCVN3 (ABC) fonts are named ".Vn…" (.VnTime,
// .VnArial, .VnCentury Schoolbook…), and the ones ending in "H" (.VnTimeH, .VnArialH) are the
// capitals fonts that draw every letter as a capital. VNI-Windows fonts are named "VNI-…"
// (VNI-Times, VNI-Helve). PDF embeds names with a subset tag ("ABCDEF+.VnTime") and a style
// ("…,Bold", "…-Italic"), and sometimes without the dot ("VnTimeH").
import type { LegacyRun } from '../types';

type LegacyEncoding = LegacyRun['encoding'];

const SUBSET_TAG = /^[A-Z]{6}\+/;
const STYLE = /[,-](?:bold|italic|bolditalic|oblique|regular|roman)$/i;

export function fontEncoding(fontName: string): { encoding: LegacyEncoding; capitals: boolean } | undefined {
  let name = fontName.trim().replace(SUBSET_TAG, '');
  while (STYLE.test(name)) name = name.replace(STYLE, '').trim();
  if (/^vni[-_ ]\S/i.test(name)) return { encoding: 'vni', capitals: false };
  // Without its dot the name must keep its case ("VnTimeH"), so "VNI" or "Vnexpress" do not match.
  if (/^\.vn\S/i.test(name) || /^Vn[A-Z]/.test(name)) return { encoding: 'tcvn3', capitals: /h$/i.test(name) };
  return undefined;
}
