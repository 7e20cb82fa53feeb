// What a check costs over 10 M characters of Vietnamese text, side by side in one process with
// a bare indexOf('@') pass over the same string, the floor any scanner pays:
//  - address extraction and classification alone;
//  - check() with the full policy, every rule on (the legacy-encoding detection included), on a
//    text it has not seen; then again on the same, unchanged message;
//  - linkify-it, the link finder markdown-it uses, set to find e-mail addresses.
// Every round builds a text of its own (another seed), so that nothing one round learnt can
// serve the next; candidates run interleaved within the round, and each ratio is taken within
// its round before the ratios are summarised.
import { LinkifyIt } from 'linkify-it';
import { makeClassifier } from '../core/address/classify';
import { extractAddresses } from '../core/address/extract';
import { check, emptyMessage } from '../core/check';
import { PRESETS } from '../core/policy/presets';
import type { MessageView } from '../core/types';
import { ratios, showSpread } from './stats';
import { vietnameseText } from './vietnamese-text';

export const FULL_POLICY = PRESETS.danang;
const classifier = makeClassifier(FULL_POLICY);
const linkify = new LinkifyIt();

export function assertEveryRuleOn(): void {
  const off = Object.entries(FULL_POLICY.rules).filter(([, mode]) => mode === 'off');
  if (off.length > 0) throw new Error(`the bench policy has rules off: ${off.map(([id]) => id).join(', ')}`);
}

export function indexOfPass(text: string): number {
  let n = 0;
  for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) n++;
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
export function draft(bodyText: string): MessageView {
  return { ...emptyMessage('outgoing'), surface: 'unknown', to: ['vanthu@danang.gov.vn'], subject: 'V/v báo cáo kết quả', bodyText };
}

function checkAll(msg: MessageView): number {
  return check(msg, FULL_POLICY).length;
}

export interface Density {
  label: string;
  /** Share of sentences that end with an address (see vietnameseText). */
  rate: number;
}

export function runAddressBench({ label, rate }: Density, rounds = 9, chars = 10 * 1024 * 1024) {
  assertEveryRuleOn();
  const names = ['indexOf(@) pass', 'extract+classify', 'check(), every rule', 'check() again, unchanged', 'linkify-it match+classify'] as const;
  const times: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const results: Record<string, number | string> = {};
  let planted = 0;
  let length = 0;
  // Round 0 warms the JIT and is not counted.
  for (let r = 0; r <= rounds; r++) {
    const made = vietnameseText(chars, 100 + r, rate);
    const text = made.text;
    planted += made.addresses;
    length += text.length;
    const msg = draft(text);
    const candidates: Record<(typeof names)[number], () => number> = {
      'indexOf(@) pass': () => indexOfPass(text),
      'extract+classify': () => ours(text),
      'check(), every rule': () => checkAll(msg),
      'check() again, unchanged': () => checkAll(msg),
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
  return { title: `Address scan, ${label}: ${chars.toLocaleString('en')} characters of Vietnamese text, 1 address per ~${perAddress} characters, ${rounds} rounds (+1 warm-up), interleaved`, rows };
}

export const DENSITIES: Density[] = [
  { label: 'a contact-rich letter', rate: 0.01 },
  { label: 'a contact directory', rate: 0.14 },
];
