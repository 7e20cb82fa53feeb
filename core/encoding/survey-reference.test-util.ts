// The legacy-signal survey as it was before issue 11's rewrite of it (main at d98f1c2): a class of
// the rare Latin-1 characters and invisible characters beside a class of the Vietnamese small
// letters with their look-behinds; and the extractor's own search for the full-width at-signs the
// survey now lists too. The reference the faster survey is held to, for every input.
import { INVISIBLE_CHARS, isInvisibleUnit } from '../address/invisible';
import { VNI_DECODE } from './vni';

const VNI_WEAK_PAIRS = new Set(['oà', 'oá', 'oã', 'où', 'aï', 'aú']);
const VI_SMALL = '\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd';
const RARE = '\u00a1-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff';
const VNI_PAIRS_ON_VI_SMALL = (() => {
  const viSmall = new RegExp(`[${VI_SMALL}]`);
  const pairs: string[] = [];
  for (const spelling of VNI_DECODE.keys()) {
    if (spelling.length === 2 && spelling === spelling.toLowerCase() && !VNI_WEAK_PAIRS.has(spelling) && viSmall.test(spelling[1]!)) pairs.push(spelling);
  }
  return pairs;
})();
const BEFORE_VI_SMALL_SITE = [...new Set(['A-Z', ...VNI_PAIRS_ON_VI_SMALL.map((pair) => pair[0]!)])].join('');
const VI_SMALL_SITE = `[${VI_SMALL}](?<=[${BEFORE_VI_SMALL_SITE}].)(?:(?<=[A-Z]{2}.|${VNI_PAIRS_ON_VI_SMALL.join('|')})|(?<=[A-Z].)(?=[A-Z]))`;
const SURVEY_SITE = new RegExp(`[${RARE}${INVISIBLE_CHARS.source.slice(1, -1)}]|${VI_SMALL_SITE}`, 'g');

const SURVEY_ENTRIES = 8192;

/** The survey's sites, invisible characters and readTo as the one regex found them. */
export function referenceSurvey(text: string): { readTo: number; sites: number[]; invisibles: number[] } {
  const sites: number[] = [];
  const invisibles: number[] = [];
  let readTo = text.length;
  SURVEY_SITE.lastIndex = 0;
  for (let m = SURVEY_SITE.exec(text); m; m = SURVEY_SITE.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (isInvisibleUnit(c)) invisibles.push(m.index);
    if (c < 0x100) sites.push(m.index);
    if (sites.length + invisibles.length >= SURVEY_ENTRIES) {
      readTo = m.index + 1;
      break;
    }
  }
  return { readTo, sites, invisibles };
}

/** Where the full-width at-signs are: what the extractor's own search for them finds. */
export function referenceFullWidthAts(text: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf('\uff20'); i !== -1; i = text.indexOf('\uff20', i + 1)) at.push(i);
  return at;
}
