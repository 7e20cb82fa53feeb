// What a check costs over 10 M characters of Vietnamese text, side by side in one process with
// a bare indexOf('@') pass over the same string, the floor any scanner pays:
//  - the floors of the passes a check makes: the cheapest regex pass over every character, then
//    that pass and the string searches together; and the legacy-encoding survey on its own;
//  - address extraction and classification alone;
//  - check() with the full policy, every rule on (the legacy-encoding detection included) and
//    the province's directory lent to official-directory, on a text it has not seen: as a draft
//    outside public webmail (the body read as a document) and as one in public webmail (the
//    work markers read instead); then again on the same, unchanged message, and on the same
//    message after a word was typed in the middle of its body;
//  - linkify-it, the link finder markdown-it uses, set to find e-mail addresses.
// The addresses are a real directory's: 50,000 generated people, a third of the addresses
// their official ones, a third the public ones some of them listed, a third the sample's hidden
// forms, so that classifying and looking up meet distinct addresses, as in a real directory.
// Every round builds a text of its own (another seed), so that nothing one round learnt can
// serve the next; candidates run interleaved within the round, and each ratio is taken within
// its round before the ratios are summarised. Spreads are printed, and the load beside them.
import { loadavg } from 'node:os';
import { LinkifyIt } from 'linkify-it';
import { makeClassifier } from '../core/address/classify';
import { extractAddresses } from '../core/address/extract';
import { check, emptyMessage, type CheckEnv } from '../core/check';
import { surveyText } from '../core/encoding/detect';
import { compactDirectory, loadDirectory } from '../core/directory';
import { sampleDirectory } from '../core/directory/sample-directory.test-util';
import { PRESETS } from '../core/policy/presets';
import type { MessageView } from '../core/types';
import { ratios, showSpread } from './stats';
import { SAMPLE_ADDRESSES, vietnameseText } from './vietnamese-text';

export const FULL_POLICY = PRESETS.danang;
const classifier = makeClassifier(FULL_POLICY);
const linkify = new LinkifyIt();

const PEOPLE = sampleDirectory(50_000, { personalShare: 0.1 });
const LISTED_PUBLIC = PEOPLE.flatMap((p) => p.personal);
/** The province's directory, as the add-in and the extension's background lend it to check(). */
export const DIRECTORY_ENV: CheckEnv = { directory: loadDirectory(compactDirectory(PEOPLE)) };

/** An address for a draw in [0, 1): official, public and listed, or one of the sample's hidden forms. */
export function directoryAddress(pick: number): string {
  const third = Math.floor(pick * 3);
  const within = pick * 3 - third;
  if (third === 0) return PEOPLE[Math.floor(within * PEOPLE.length)]!.official;
  if (third === 1) return LISTED_PUBLIC[Math.floor(within * LISTED_PUBLIC.length)]!;
  return SAMPLE_ADDRESSES[Math.floor(within * SAMPLE_ADDRESSES.length)]!;
}

/** The machine's load, printed beside every figure: the machine is shared. */
export function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

export function assertEveryRuleOn(): void {
  const off = Object.entries(FULL_POLICY.rules).filter(([, mode]) => mode === 'off');
  if (off.length > 0) throw new Error(`the bench policy has rules off: ${off.map(([id]) => id).join(', ')}`);
}

/** How many times `unit` stands in the text, counted with the built-in string search. */
export function indexOfPass(text: string, unit = '@'): number {
  let n = 0;
  for (let i = text.indexOf(unit); i !== -1; i = text.indexOf(unit, i + 1)) n++;
  return n;
}

/**
 * Times a candidate once; the baseline, a millisecond long, 7 times back to back, keeping the
 * median: one pause of the shared machine would otherwise make the whole round's ratios.
 */
export function timeOnce(fn: () => number | string, baseline: boolean): { ms: number; result: number | string } {
  const runs: number[] = [];
  let result: number | string = 0;
  for (let k = 0; k < (baseline ? 7 : 1); k++) {
    const t0 = performance.now();
    result = fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[Math.floor(runs.length / 2)]!, result };
}

/**
 * The least a pass that tests every character with a regex costs in V8: one class of one range
 * that Vietnamese text never meets (Latin-1's symbols; the count says how many it met). The
 * legacy-encoding survey check() makes is such a pass, with a wider class and its look-behinds.
 */
const ONE_RANGE_CLASS = /[\u0080-\u00bf]/g;
function oneRangeClassPass(text: string): number {
  let n = 0;
  ONE_RANGE_CLASS.lastIndex = 0;
  while (ONE_RANGE_CLASS.exec(text)) n++;
  return n;
}

/**
 * The searches every check of a new text makes, each at its floor, one after the other: the
 * legacy-encoding survey as the one-range class pass above, then the built-in string searches for
 * the at-sign and the closing brackets of "[at]" and "(at)" (address extraction) and for the
 * middle letter of "mật" in both cases (secret-document). Nothing is parsed or classified: what
 * check() costs beyond this row is the work done at what these searches find.
 */
function searchesAtTheirFloor(text: string): number {
  let n = oneRangeClassPass(text);
  for (const unit of ['@', ']', ')', '\u1ead', '\u1eac']) n += indexOfPass(text, unit);
  return n;
}

/** The legacy-encoding rule's survey of a text (see encoding/detect.ts), the first pass check() makes over it. */
function surveyAlone(text: string): number {
  const survey = surveyText(text);
  if (!survey) throw new Error('no survey: the engine could not build its pattern');
  return survey.sites.length + survey.invisibles.length + survey.fullWidthAts.length;
}

function ours(text: string): number {
  let publicCount = 0;
  for (const f of extractAddresses(text, classifier)) if (classifier.classify(f.address) === 'public-webmail') publicCount++;
  return publicCount;
}

function library(text: string): number {
  let publicCount = 0;
  for (const m of linkify.match(text) ?? []) {
    if (m.schema === 'mailto:' && classifier.classify(m.url.replace(/^mailto:/i, '')) === 'public-webmail') publicCount++;
  }
  return publicCount;
}

/** A draft written outside public webmail, so that its body is read as a document too. */
export function draft(bodyText: string, surface: MessageView['surface'] = 'unknown'): MessageView {
  return { ...emptyMessage('outgoing'), surface, to: ['vanthu@danang.gov.vn', LISTED_PUBLIC[0]!], subject: 'V/v báo cáo kết quả', bodyText };
}

/** How many findings, and from which rules, so that a row shows every rule that spoke. */
export function checkAll(msg: MessageView): string {
  const findings = check(msg, FULL_POLICY, DIRECTORY_ENV);
  return `${findings.length}: ${[...new Set(findings.map((f) => f.rule))].join(' ')}`;
}

export interface Density {
  label: string;
  /** Share of sentences that end with an address (see vietnameseText). */
  rate: number;
}

export function runAddressBench({ label, rate }: Density, rounds = 9, chars = 10 * 1024 * 1024) {
  assertEveryRuleOn();
  const names = ['indexOf(@) pass', 'one-range class regex pass (floor of a per-character scan)', 'the searches every check makes, each at its floor', 'legacy-encoding survey alone (a text of its own)', 'extract+classify', 'check(), every rule', 'check() again, unchanged', 'check() after typing a word mid-body', 'check(), in public webmail', 'linkify-it match+classify'] as const;
  const times: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const results: Record<string, number | string> = {};
  let planted = 0;
  let length = 0;
  const loadBefore = load();
  // Round 0 warms the JIT and is not counted.
  for (let r = 0; r <= rounds; r++) {
    const made = vietnameseText(chars, 100 + r, rate, directoryAddress);
    const text = made.text;
    // Another text like it, for the survey alone: surveyed, this very text would be one check()
    // then finds surveyed already.
    const twin = vietnameseText(chars, 10_000 + r, rate, directoryAddress).text;
    planted += made.addresses;
    length += text.length;
    const msg = draft(text);
    const inWebmail = draft(text, 'public-webmail');
    // The same draft after a word typed in the middle of the body, flattened as a host's text is.
    const typed = `${text.slice(0, text.length >> 1)}nhé ${text.slice(text.length >> 1)}`;
    /x/.test(typed);
    const edited = draft(typed);
    const candidates: Record<(typeof names)[number], () => number | string> = {
      'indexOf(@) pass': () => indexOfPass(text),
      'one-range class regex pass (floor of a per-character scan)': () => oneRangeClassPass(text),
      'the searches every check makes, each at its floor': () => searchesAtTheirFloor(text),
      'legacy-encoding survey alone (a text of its own)': () => surveyAlone(twin),
      'extract+classify': () => ours(text),
      'check(), every rule': () => checkAll(msg),
      'check() again, unchanged': () => checkAll(msg),
      'check() after typing a word mid-body': () => checkAll(edited),
      'check(), in public webmail': () => checkAll(inWebmail),
      'linkify-it match+classify': () => library(text),
    };
    for (const name of names) {
      const { ms, result } = timeOnce(candidates[name], name === 'indexOf(@) pass');
      results[name] = result;
      if (r > 0) times[name]!.push(ms);
    }
  }
  const base = times['indexOf(@) pass']!;
  const rows = names.map((name) => ({
    candidate: name,
    'ms: median (IQR, min–max)': showSpread(times[name]!),
    'vs indexOf, per round': showSpread(ratios(times[name]!, base), 1, '×'),
    count: results[name],
  }));
  const perAddress = Math.round(length / planted);
  return { title: `Address scan, ${label}: ${chars.toLocaleString('en')} characters of Vietnamese text, 1 address per ~${perAddress} characters, ${rounds} rounds (+1 warm-up), interleaved; load ${loadBefore} before, ${load()} after`, rows };
}

export const DENSITIES: Density[] = [
  { label: 'a contact-rich letter', rate: 0.01 },
  { label: 'a contact directory', rate: 0.14 },
];
