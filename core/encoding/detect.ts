// Finding TCVN3 and VNI runs inside text read as Latin-1 / Windows-1252.
//
// Both encodings reuse Latin-1 letters that French, Spanish, German and Portuguese use
// legitimately (é, ñ, ü, ô…), and Unicode Vietnamese itself contains à á â ã è é ê ì í ò ó ô õ ù ú ý.
// So a run is converted only on enough evidence, judged per word and per run, one line at a time:
//
// - A word is evidence when converting it changes it into a well-formed Vietnamese syllable
//   (syllable.ts). It is strong evidence when it also shows something a European or Unicode
//   Vietnamese word does not: for TCVN3 a code from the symbol range (µ ¸ ¶ · ¹ ª ¬ ® §…) inside
//   the word, or a case change a Latin-1 word would not have ("ViÖt", "KÝnh", "CéNG"); for VNI a
//   base letter followed by a mark byte ("oä", "aø", "öø"), except the pairs real words contain
//   (French "où", "Thaï"; Spanish "aún"; Unicode Vietnamese "hoà", "hoá", "xoã"). It is medium
//   evidence when, as it stands, it is no Vietnamese syllable ("cuèi" → "cuối"), and weak when it
//   reads as Unicode Vietnamese too ("mét" → "một").
// - A word with Latin-1 letters that converts to no syllable breaks the run ("été", "niño"),
//   except legacy abbreviations and symbols ("Q§", "QÑ" for QĐ), which are carried along and count
//   for nothing. Words beyond U+00FF are Unicode and break the run too.
// - A run (from its first to its last evidence word) is accepted when it holds at least 2
//   evidence words, at least 1 strong, at least 2 strong or medium, and scores at least 2.5
//   (strong 1, medium 0.75, weak 0.5). Measured on ~1M lines of French, Spanish, German,
//   Portuguese, Scandinavian, Romanian… translations: no run; relaxing to 1 strong and a score
//   of 1.5 still found only Danish »%s« quotes, which the quote rule below now discounts.
//
// Decisions never look past the line, so converting a text whole or line by line gives the same.
import { firstFrom, INVISIBLE_CHARS, isInvisibleUnit, type SurveyIndex } from '../address/invisible';
import type { Edit } from '../text/edits';
import { KeptReadings } from '../text/kept';
import type { LegacyRun } from '../types';
import { isVietnameseSyllable } from './syllable';
import { decodeTcvn3, TCVN3_DECODE, WORD } from './tcvn3';
import { decodeVni, decodeVniCounting, VNI_DECODE } from './vni';

type Encoding = LegacyRun['encoding'];

/** TCVN3 codes in the symbol range, plus × (ì) and ÷ (ữ): no European word has them inside. */
const TCVN3_SYMBOLS = '\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00d7\u00f7';
const LATIN1_UPPER = '\u00c0-\u00d6\u00d8-\u00de';
const LATIN1_LOWER = '\u00df-\u00f6\u00f8-\u00fe';
/**
 * A TCVN3 symbol code; or a Latin-1 capital after a lower-case letter ("ViÖt") or inside a word
 * followed by one ("KÝnh"); or a Latin-1 small letter inside an ASCII-caps word ("CéNG", "CHñ").
 * TCVN3's toned letters are all small, whatever the Latin-1 case of their code.
 */
const TCVN3_STRONG = new RegExp(
  `[${TCVN3_SYMBOLS}]|[a-z${LATIN1_LOWER}][${LATIN1_UPPER}]|[A-Za-z${LATIN1_UPPER}][${LATIN1_UPPER}][a-z]|[A-Z][${LATIN1_LOWER}][A-Z]|[A-Z]{2}[${LATIN1_LOWER}]`,
);

/**
 * VNI base + mark pairs that real non-VNI words contain: Unicode Vietnamese "hoà", "hoá", "xoã",
 * French "où" and "Thaï", Spanish "aún". Weak evidence only.
 */
const VNI_WEAK_PAIRS = new Set(['oà', 'oá', 'oã', 'où', 'aï', 'aú']);

/** Every VNI base + mark pair with both letters in the same case, weak pairs left out. */
const VNI_STRONG = (() => {
  const byBase = new Map<string, string>();
  for (const spelling of VNI_DECODE.keys()) {
    if (spelling.length !== 2 || spelling !== spelling.toLowerCase()) continue;
    for (const pair of [spelling, spelling.toUpperCase()]) {
      if (VNI_WEAK_PAIRS.has(pair.toLowerCase())) continue;
      byBase.set(pair[0]!, (byBase.get(pair[0]!) ?? '') + pair[1]!);
    }
  }
  return new RegExp([...byBase].map(([base, marks]) => `${base}[${marks}]`).join('|'));
})();

/** Strong legacy evidence needs one of these character patterns somewhere in its line. */
export const LEGACY_SIGNAL = new RegExp(`${TCVN3_STRONG.source}|${VNI_STRONG.source}`);

// LEGACY_SIGNAL is costly to try at every position of a long text. Every pattern it has holds a
// character from U+00A1–U+00FF, and Unicode Vietnamese uses only 16 of those, all small letters
// (à á â ã è é ê ì í ò ó ô õ ù ú ý); everything else there (TCVN3's symbols, every Latin-1
// capital, ä ç ë î ñ ö ø û ü…) is rare in Unicode text. So one scan stops only at a rare
// character, to be confirmed around it, or at a Vietnamese small letter that is itself a signal:
// after two ASCII capitals or between two ("CéNG", "THµ"), or the mark byte of a VNI pair
// ("Coâng", "taùc"). A text the scan passes over has no signal; a site it stops at is one, or
// LEGACY_SIGNAL within two characters of it says so.
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
// Every site on a Vietnamese small letter has an ASCII capital or a VNI base just before it. One
// class test of that character comes first: Unicode Vietnamese has a small letter every ~18
// characters, and trying the ~25 pairs at each of them was two thirds of the scan.
const BEFORE_VI_SMALL_SITE = [...new Set(['A-Z', ...VNI_PAIRS_ON_VI_SMALL.map((pair) => pair[0]!)])].join('');
/** Read just after a Vietnamese small letter with an ASCII capital or a VNI base before it: whether the letter is a site. */
const VI_SMALL_SITE_BEHIND = `(?<=[A-Z]{2}.|${VNI_PAIRS_ON_VI_SMALL.join('|')})|(?<=[A-Z].)(?=[A-Z])`;
const VI_SMALL_SITE = `[${VI_SMALL}](?<=[${BEFORE_VI_SMALL_SITE}].)(?:${VI_SMALL_SITE_BEHIND})`;
/**
 * A pattern built from text, or undefined where the engine rejects it: look-behind is ES2018, and
 * the classic Outlook launch file targets ES2016. outlook-addin/build.ts guards only the literal
 * patterns it sees; one built from a template would throw here, on a send's first legacy check.
 */
function patternOrNone(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}
const EXACT_SIGNAL_SITE = patternOrNone(`[${RARE}]|${VI_SMALL_SITE}`, 'g');
// Without look-behind, every Vietnamese small letter is a candidate site, confirmed as a rare
// character is, by LEGACY_SIGNAL around it: the same answers, at a cost that engine alone pays.
const SIGNAL_SITE = EXACT_SIGNAL_SITE ?? new RegExp(`[${RARE}${VI_SMALL}]`, 'g');
const RARE_CHAR = new RegExp(`^[${RARE}]$`);
/**
 * SIGNAL_SITE, stopping too at the invisible characters (the soft hyphen is a rare character
 * already) and at the full-width at-sign. RARE and VI_SMALL together are U+00A1–U+00FF: the
 * class here takes that range whole and tells the small letters from the rare characters by
 * looking back, first for the common case of a small letter after anything but a capital or a VNI
 * base. Beside the invisible characters' ranges, that costs ~0.8× a class of the rare characters
 * tried beside one of the small letters (which the at-sign made ~1.25×), over 10 M characters of
 * Unicode Vietnamese; a loop reading each unit with charCodeAt cost ~2.3× (62 ms against 27 ms).
 */
const SURVEY_SITE = patternOrNone(
  `[\u00a1-\u00ff${INVISIBLE_CHARS.source.slice(1, -1)}\uff20](?<![^${BEFORE_VI_SMALL_SITE}][${VI_SMALL}])(?:(?<![${VI_SMALL}])|${VI_SMALL_SITE_BEHIND})`,
  'g',
);
// Where the engine cannot build it (or builds one that never matches, as build.ts's guard does),
// a survey would say the text has none of what it looks for: there is then no survey, and every
// reader searches for itself.
const CAN_SURVEY = SURVEY_SITE?.test('\u00ad') === true;

/** Whether LEGACY_SIGNAL matches within `from`–`to` around a site at `at`. */
function signalNear(text: string, at: number, from = 0, to = text.length): boolean {
  return LEGACY_SIGNAL.test(text.slice(Math.max(from, at - 2), Math.min(to, at + 3)));
}

/** Where the next signal site is from `from` on, whether it is confirmed, or -1. */
function nextSite(text: string, from: number): { at: number; confirmed: boolean } | undefined {
  SIGNAL_SITE.lastIndex = from;
  const m = SIGNAL_SITE.exec(text);
  return m ? siteAt(text, m.index) : undefined;
}

function siteAt(text: string, at: number): { at: number; confirmed: boolean } {
  return { at, confirmed: (EXACT_SIGNAL_SITE !== undefined && !RARE_CHAR.test(text[at]!)) || signalNear(text, at) };
}

/**
 * One read of a text for what two checks look for in it: the signal sites here, and the invisible
 * characters and full-width at-signs the address extractor must read through or from. Each was a
 * pass of its own over a draft; one regex with all costs about what the signal sites alone did,
 * and in a directory the extractor's windows around every at-sign read the whole text over again,
 * some of it twice. A text with thousands of sites or invisible characters (a legacy document,
 * whose TCVN3 "ư" is the soft hyphen's code) is surveyed only that far: the readers go on alone after.
 */
export interface TextSurvey extends SurveyIndex {
  readonly text: string;
  /** The signal sites before readTo, as nextSite finds them (not yet confirmed), in order. */
  readonly sites: readonly number[];
}

const SURVEY_ENTRIES = 8192;

const LISTS = ['sites', 'invisibles', 'fullWidthAts'] as const;
type SurveyLists = Record<(typeof LISTS)[number], number[]>;

/**
 * Adds the stops within [from, to) to `into`; where the sites and invisible characters (what a
 * legacy text has thousands of) reach SURVEY_ENTRIES, stops: where the reading stopped.
 */
function surveyWithin(text: string, from: number, to: number, into: SurveyLists): number {
  const site = SURVEY_SITE!;
  site.lastIndex = from;
  for (let m = site.exec(text); m && m.index < to; m = site.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (c < 0x100) into.sites.push(m.index);
    if (c === 0xff20) into.fullWidthAts.push(m.index);
    else if (isInvisibleUnit(c)) into.invisibles.push(m.index);
    if (into.sites.length + into.invisibles.length >= SURVEY_ENTRIES) return m.index + 1;
  }
  return to;
}

function survey(text: string): TextSurvey {
  const lists: SurveyLists = { sites: [], invisibles: [], fullWidthAts: [] };
  return { text, readTo: surveyWithin(text, 0, text.length, lists), ...lists };
}

/** The last texts surveyed: a check reads the body and each document for its addresses, then for
 * legacy runs. Only rules/addresses.ts surveys, and only texts of a few thousand characters or more:
 * the texts KeptReadings keeps, and longer. */
const surveys = new KeptReadings<TextSurvey>();

/**
 * Whether SURVEY_SITE stops at a unit depends on the units from two before it to one after it
 * (its look-behinds and look-ahead): a stop that far from an edit is the stop it was.
 */
const SITE_READS_BEFORE = 2;
const SITE_READS_AFTER = 1;

/** Each list's entries within [from, to) of `before`, moved by `shift`, appended to `into`'s. */
function carry(into: SurveyLists, before: TextSurvey, from: number, to: number, shift: number): void {
  for (const list of LISTS) {
    const sorted = before[list];
    for (let k = firstFrom(sorted, from); k < sorted.length && sorted[k]! < to; k++) into[list].push(sorted[k]! + shift);
  }
}

/**
 * The survey of `text` from the survey of the text before an edit: the stops in the unchanged
 * head and tail are carried over and only the edited stretch is read. A host checks a draft again
 * after every few keystrokes, and reading 10 M characters again for one typed word cost as much
 * as the first check. Undefined where a survey stops short (a legacy text): reading whole gives
 * the same stopping point.
 */
function surveyAfterEdit(text: string, before: TextSurvey, { head, tail }: Edit): TextSurvey | undefined {
  const old = before.text;
  if (before.readTo < old.length) return undefined;
  const shift = text.length - old.length;
  // Read again: every unit whose window [at - 2, at + 1] reaches into the edited stretch.
  const from = Math.max(0, head - SITE_READS_AFTER);
  const to = Math.min(text.length, text.length - tail + SITE_READS_BEFORE);
  const lists: SurveyLists = { sites: [], invisibles: [], fullWidthAts: [] };
  carry(lists, before, 0, from, 0);
  if (surveyWithin(text, from, to, lists) < to) return undefined;
  carry(lists, before, to - shift, old.length, shift);
  if (lists.sites.length + lists.invisibles.length >= SURVEY_ENTRIES) return undefined;
  return { text, readTo: text.length, ...lists };
}

/**
 * The survey of `text`, made now unless it was the last one made (or read from that one where
 * `text` is an edit of it); none where the engine cannot build the survey's pattern.
 */
export function surveyText(text: string): TextSurvey | undefined {
  if (!CAN_SURVEY) return undefined;
  const kept = surveys.of(text);
  if (kept) return kept;
  // As with the other kept readings, a text past a long draft's size is not held after its turn.
  if (!surveys.keeps(text)) return survey(text);
  const edited = surveys.editedFrom(text);
  const found = (edited && surveyAfterEdit(text, edited.reading, edited.edit)) || survey(text);
  surveys.keep(found, edited?.reading);
  return found;
}

/** nextSite, read from `found` (the text's survey, if it has one) as far as that reaches. */
function siteFrom(text: string, found: TextSurvey | undefined, from: number): { at: number; confirmed: boolean } | undefined {
  if (found && from < found.readTo) {
    const k = firstFrom(found.sites, from);
    if (k < found.sites.length) return siteAt(text, found.sites[k]!);
    from = found.readTo;
  }
  return nextSite(text, from);
}

/**
 * Cheap pre-check: whether the text has any character pattern that strong legacy evidence
 * needs (the same answer as LEGACY_SIGNAL.test). When false, `convertLegacyText` returns the
 * text unchanged.
 */
export function hasLegacyText(text: string): boolean {
  for (let site = nextSite(text, 0); site; site = nextSite(text, site.at + 1)) if (site.confirmed) return true;
  return false;
}

export type Kind =
  | 'strong' // converts to a syllable and shows a legacy-only feature
  | 'medium' // converts to a syllable, and as it stands is no Vietnamese syllable ("cuèi")
  | 'weak' // converts to a syllable, but reads as Unicode Vietnamese too ("cã", "mét")
  | 'neutral' // legacy-looking but no syllable ("Q§"): kept in a run, counts nothing
  | 'vietnamese' // a syllable as it stands, and converting leaves it so ("Nam", VNI "tính")
  | 'foreign' // ASCII word that is not ("UBND", "and")
  | 'number'
  | 'break'; // Unicode beyond Latin-1, or Latin-1 that converts to no syllable

interface Token {
  start: number;
  end: number;
  text: string;
}

function below(word: string, limit: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= limit) return false;
  return true;
}
const asciiOnly = (word: string) => below(word, 0x80);
const latin1Only = (word: string) => below(word, 0x100);
const HAS_DIGIT = /\d/;
const NON_ASCII_LETTER = /[^\P{L}A-Za-z]/u;

function tcvn3Leftover(word: string): number {
  let n = 0;
  for (const ch of word) if (ch >= '\u00a1' && ch <= '\u00ff' && !TCVN3_DECODE.has(ch)) n++;
  return n;
}

/**
 * The part of a word whose TCVN3 features count: quotation marks and operators at its edges
 * (German »%s«, French «mot», "%d×%d") and a leading µ ("µm" is a unit) say nothing.
 */
function tcvn3Core(word: string): string {
  return word.replace(/^[\u00ab\u00bb\u00d7\u00f7\u00b5]+|[\u00ab\u00bb\u00d7\u00f7]+$/g, '');
}

/** How a word of Latin-1 letters reads in an encoding (exported for tests). */
export function classifyLatin(word: string, encoding: Encoding): Kind {
  let decoded: string;
  let leftover: number;
  let strong: boolean;
  if (encoding === 'tcvn3') {
    decoded = decodeTcvn3(word);
    leftover = tcvn3Leftover(word);
    strong = word.length >= 2 && TCVN3_STRONG.test(tcvn3Core(word));
  } else {
    ({ text: decoded, leftover } = decodeVniCounting(word));
    strong = VNI_STRONG.test(word);
  }
  if (leftover === 0 && isVietnameseSyllable(decoded)) {
    // VNI í and ì, and TCVN3 ý, are the Unicode letters themselves: "tính" reads the same either way.
    if (decoded === word) return 'vietnamese';
    if (strong) return 'strong';
    // A lone symbol ("«", "·", "×") is punctuation as often as a letter.
    return word.length === 1 || isVietnameseSyllable(word) ? 'weak' : 'medium';
  }
  // "Q§", "QÑ" (QĐ) and a lone "©" (â) are legacy text that is no syllable: carried along, not counted.
  const symbol = encoding === 'tcvn3' ? word.length === 1 : !NON_ASCII_LETTER.test(word);
  const abbreviation = encoding === 'vni' && decoded !== word && decoded === decoded.toUpperCase();
  return leftover === 0 && (strong || symbol || abbreviation) ? 'neutral' : 'break';
}

function classifyPlain(word: string): Kind {
  if (!latin1Only(word)) return 'break';
  if (HAS_DIGIT.test(word)) return asciiOnly(word) ? 'number' : 'break';
  return isVietnameseSyllable(word) ? 'vietnamese' : 'foreign';
}

interface Candidate {
  encoding: Encoding;
  start: number;
  end: number;
  score: number;
}

const EVIDENCE: ReadonlySet<Kind> = new Set(['strong', 'medium', 'weak']);
const WEIGHT: Partial<Record<Kind, number>> = { strong: 1, medium: 0.75, weak: 0.5 };
const EXTENDS: ReadonlySet<Kind> = new Set(['neutral', 'vietnamese', 'number']);

function accept(evidence: number, strong: number, medium: number, score: number): boolean {
  return evidence >= 2 && strong >= 1 && strong + medium >= 2 && score >= 2.5;
}

/** Words repeat: one call classifies each distinct word once per encoding. */
class KindCache {
  private readonly maps = { tcvn3: new Map<string, Kind>(), vni: new Map<string, Kind>(), plain: new Map<string, Kind>() };

  get(word: string, encoding: Encoding | 'plain'): Kind {
    const map = this.maps[encoding];
    let kind = map.get(word);
    if (kind === undefined) {
      if (map.size >= 100_000) map.clear();
      kind = encoding === 'plain' ? classifyPlain(word) : classifyLatin(word, encoding);
      map.set(word, kind);
    }
    return kind;
  }
}

function runsFor(tokens: readonly Token[], plain: readonly (Kind | undefined)[], beyondLatin1: readonly boolean[], encoding: Encoding, cache: KindCache): Candidate[] {
  const kinds: Kind[] = tokens.map((t, i) => plain[i] ?? cache.get(t.text, encoding));
  // A word that reads as Unicode Vietnamese as it stands ("có", "tôi") and sits next to a word
  // beyond Latin-1 ("bản có") is Unicode text, not the edge of a legacy run.
  kinds.forEach((k, i) => {
    if (k === 'weak' && (beyondLatin1[i - 1] || beyondLatin1[i + 1])) kinds[i] = 'break';
  });

  const found: Candidate[] = [];
  let segStart = 0;
  for (let i = 0; i <= kinds.length; i++) {
    if (i < kinds.length && kinds[i] !== 'break') continue;
    const seg = { from: segStart, to: i - 1 };
    segStart = i + 1;
    let first = -1;
    let last = -1;
    for (let j = seg.from; j <= seg.to; j++) {
      if (EVIDENCE.has(kinds[j]!)) {
        if (first < 0) first = j;
        last = j;
      }
    }
    if (first < 0) continue;
    let evidence = 0;
    let strong = 0;
    let medium = 0;
    let score = 0;
    for (let j = first; j <= last; j++) {
      const k = kinds[j]!;
      if (EVIDENCE.has(k)) evidence++;
      if (k === 'strong') strong++;
      if (k === 'medium') medium++;
      score += WEIGHT[k] ?? 0;
    }
    if (!accept(evidence, strong, medium, score)) continue;
    while (first > seg.from && EXTENDS.has(kinds[first - 1]!)) first--;
    while (last < seg.to && EXTENDS.has(kinds[last + 1]!)) last++;
    found.push({ encoding, start: tokens[first]!.start, end: tokens[last]!.end, score });
  }
  return found;
}

function lineRuns(line: string, offset: number, cache: KindCache): Candidate[] {
  const tokens: Token[] = [];
  for (const m of line.matchAll(WORD)) tokens.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  const beyondLatin1 = tokens.map((t) => !latin1Only(t.text));
  // Words that read the same in either encoding are classified once.
  const plain = tokens.map((t, i) => (beyondLatin1[i] || asciiOnly(t.text) ? cache.get(t.text, 'plain') : undefined));
  const tcvn3 = runsFor(tokens, plain, beyondLatin1, 'tcvn3', cache);
  const vni = runsFor(tokens, plain, beyondLatin1, 'vni', cache);
  if (tcvn3.length === 0 || vni.length === 0) return tcvn3.length > 0 ? tcvn3 : vni;
  // Where a TCVN3 and a VNI reading overlap, the better-scoring one wins.
  const kept: Candidate[] = [];
  for (const c of [...tcvn3, ...vni].sort((a, b) => a.start - b.start)) {
    const prev = kept[kept.length - 1];
    if (!prev || c.start >= prev.end) kept.push(c);
    else if (c.score > prev.score) kept[kept.length - 1] = c;
  }
  return kept;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function lineStartBefore(text: string, at: number): number {
  while (at > 0 && !isLineBreak(text.charCodeAt(at - 1))) at--;
  return at;
}
function lineBreakFrom(text: string, at: number): number {
  while (at < text.length && !isLineBreak(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The lines (as LINE would cut them) that hold a legacy signal, found from the signal sites, in
 * order and one at a time, so that a reader after the first run can stop there. `from` must be
 * a line's start; only lines that start before `to` are given.
 */
function* signalLines(text: string, from = 0, to = text.length): Generator<{ start: number; end: number }> {
  // Surveyed already when the address rules read the text first; not surveyed here, since
  // alone the survey's invisible characters would cost more than they save.
  const surveyed = surveys.of(text);
  let lastStart = -1;
  for (let site = siteFrom(text, surveyed, from); site && site.at < to; ) {
    if (!site.confirmed) {
      site = siteFrom(text, surveyed, site.at + 1);
      continue;
    }
    const start = lineStartBefore(text, site.at);
    const end = lineBreakFrom(text, site.at);
    // Confirmed from a window that may reach into the next or the previous line.
    if (signalNear(text, site.at, start, end)) {
      lastStart = start;
      yield { start, end };
    }
    site = siteFrom(text, surveyed, lastStart === start ? end : site.at + 1);
  }
}

/** Words classified so far, kept from call to call: a draft is checked again and again. */
const sharedCache = new KindCache();

/**
 * Runs found per line, at offsets within the line: a draft is checked again after each change,
 * and documents repeat their headers and footers on every page.
 */
const lineCache = new Map<string, Candidate[]>();
// At most ~4 MB kept: the scanner reads thousands of documents in one process.
const LINE_CACHE_SIZE = 2000;
const LINE_CACHE_LENGTH = 1024;

function cachedLineRuns(text: string, start: number, end: number): Candidate[] {
  const line = text.slice(start, end);
  let found = line.length <= LINE_CACHE_LENGTH ? lineCache.get(line) : undefined;
  if (!found) {
    found = lineRuns(line, 0, sharedCache);
    if (line.length <= LINE_CACHE_LENGTH) {
      if (lineCache.size >= LINE_CACHE_SIZE) lineCache.clear();
      lineCache.set(line, found);
    }
  }
  return found.map((c) => ({ ...c, start: c.start + start, end: c.end + start }));
}

function legacyRun(text: string, c: Candidate): LegacyRun {
  const original = text.slice(c.start, c.end);
  return { encoding: c.encoding, original, converted: c.encoding === 'tcvn3' ? decodeTcvn3(original) : decodeVni(original) };
}

function convert(text: string, candidates: readonly Candidate[]): { text: string; runs: LegacyRun[] } {
  if (candidates.length === 0) return { text, runs: [] };
  const runs: LegacyRun[] = [];
  const out: string[] = [];
  let last = 0;
  for (const c of candidates) {
    const run = legacyRun(text, c);
    runs.push(run);
    out.push(text.slice(last, c.start), run.converted);
    last = c.end;
  }
  out.push(text.slice(last));
  return { text: out.join(''), runs };
}

/**
 * The last few verdicts, newest first: a check reads the subject and the body in turn. Only
 * texts the size of a draft are kept, so that a scanned document is not held after its turn.
 */
const verdicts: { text: string; result: { text: string; runs: LegacyRun[] } }[] = [];
const VERDICTS_KEPT = 4;
const VERDICT_MAX_LENGTH = 2_000_000;

/**
 * Finds TCVN3 and VNI runs in text read as Latin-1 / Windows-1252 and converts them to NFC
 * Unicode, leaving everything else as it is. Text without legacy runs comes back as the same string.
 * Only lines with a legacy signal are read word by word; the last verdicts are kept, since hosts
 * check an unchanged draft again whenever anything else about the message changes.
 */
export function convertLegacyText(text: string): { text: string; runs: LegacyRun[] } {
  let verdict = verdicts.find((v) => v.text === text);
  if (!verdict) {
    const candidates: Candidate[] = [];
    for (const line of signalLines(text)) for (const c of cachedLineRuns(text, line.start, line.end)) candidates.push(c);
    verdict = { text, result: convert(text, candidates) };
    if (text.length <= VERDICT_MAX_LENGTH) {
      verdicts.unshift(verdict);
      verdicts.length = Math.min(verdicts.length, VERDICTS_KEPT);
    }
  }
  return { text: verdict.result.text, runs: [...verdict.result.runs] };
}

/** The last few first runs, as `verdicts` (undefined: the text has none). */
const firstRuns: { text: string; run: LegacyRun | undefined }[] = [];

/** The first run of the lines that start in [from, to) (`from` a line's start), with its line. */
function firstRunWithin(text: string, from: number, to: number): { run: LegacyRun; line: { start: number; end: number } } | undefined {
  for (const line of signalLines(text, from, to)) {
    const c = cachedLineRuns(text, line.start, line.end)[0];
    if (c) return { run: legacyRun(text, c), line };
  }
  return undefined;
}

/**
 * The last long texts read for their first run, and the line each run stands on. Detection never
 * looks past a line, so a line the edit did not touch gives what it gave before, and the next
 * text needs reading only from the line the edit starts in to the line it ends in.
 */
const longTexts = new KeptReadings<{ text: string; found: ReturnType<typeof firstRunWithin> }>();

/** The first run of `text`, reading again only what changed since `before`. */
function firstRunAfterEdit(text: string, before: { text: string; found: ReturnType<typeof firstRunWithin> }, { head, tail }: Edit): ReturnType<typeof firstRunWithin> {
  const old = before.text;
  const was = before.found;
  // Lines ending before the first changed unit (their break included) are the same lines.
  if (was && was.line.end < head) return was;
  // None of those lines has a run: read from the line the edit starts in...
  const from = lineStartBefore(text, head);
  // ...through the break after it, from where the lines are the old lines, shifted.
  const breakAt = lineBreakFrom(text, text.length - tail);
  const changed = firstRunWithin(text, from, breakAt + 1);
  if (changed) return changed;
  if (!was) return undefined;
  const shift = text.length - old.length;
  // The old first run stands after the edit: nothing between the edit and it has a run.
  if (was.line.start > breakAt - shift) return { run: was.run, line: { start: was.line.start + shift, end: was.line.end + shift } };
  return firstRunWithin(text, breakAt + 1, text.length);
}

/**
 * The first legacy run of the text, the same as `convertLegacyText(text).runs[0]`. A check says
 * only whether there is one and quotes it, so reading stops at the first line that holds one and
 * nothing else is converted: a legacy draft otherwise paid for detecting, converting and joining
 * the whole of it on every check. A long text is compared with the last long one read, and only
 * the lines an edit changed are read again.
 */
export function firstLegacyRun(text: string): LegacyRun | undefined {
  const full = verdicts.find((v) => v.text === text);
  if (full) return full.result.runs[0];
  let first = firstRuns.find((v) => v.text === text);
  if (!first) {
    // A text not kept (shorter ones: comparing costs more than it saves there) is read whole.
    const kept = longTexts.of(text);
    const edited = kept ? undefined : longTexts.editedFrom(text);
    const found = kept ? kept.found : edited ? firstRunAfterEdit(text, edited.reading, edited.edit) : firstRunWithin(text, 0, text.length);
    if (!kept) longTexts.keep({ text, found }, edited?.reading);
    first = { text, run: found?.run };
    if (text.length <= VERDICT_MAX_LENGTH) {
      firstRuns.unshift(first);
      firstRuns.length = Math.min(firstRuns.length, VERDICTS_KEPT);
    }
  }
  return first.run && { ...first.run };
}

/** The same detection reading every line, without the pre-filter: the reference for tests. */
export function convertLegacyTextEveryLine(text: string): { text: string; runs: LegacyRun[] } {
  const candidates: Candidate[] = [];
  const cache = new KindCache();
  for (const m of text.matchAll(/[^\n\r\u2028\u2029]+/g)) for (const c of lineRuns(m[0], m.index, cache)) candidates.push(c);
  return convert(text, candidates);
}
