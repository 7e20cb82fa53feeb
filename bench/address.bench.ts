// Address extraction and classification over 10 MB of Vietnamese text, side by side in one
// process with (a) a bare indexOf('@') pass over the same string, the floor any scanner
// pays, and (b) linkify-it, the link finder markdown-it uses, set to find e-mail addresses.
import { LinkifyIt } from 'linkify-it';
import { extractAddresses } from '../core/address/extract';
import { makeClassifier } from '../core/address/classify';
import { PRESETS } from '../core/policy/presets';
import { vietnameseText } from './vietnamese-text';

const classifier = makeClassifier(PRESETS.danang);
const linkify = new LinkifyIt();

let text = '';

function indexOfPass(): number {
  let n = 0;
  for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) n++;
  return n;
}

function ours(): number {
  let publicCount = 0;
  for (const f of extractAddresses(text, classifier)) if (classifier.classify(f.address) === 'public-webmail') publicCount++;
  return publicCount;
}

function library(): number {
  let publicCount = 0;
  for (const m of linkify.match(text) ?? []) {
    if (m.schema === 'mailto:' && classifier.classify(m.url.replace(/^mailto:/i, '')) === 'public-webmail') publicCount++;
  }
  return publicCount;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function runAddressBench(addressRate: number, rounds = 15) {
  const made = vietnameseText(10 * 1024 * 1024, 1, addressRate);
  text = made.text;
  const candidates = { 'indexOf(@) pass': indexOfPass, 'congvu-guard extract+classify': ours, 'linkify-it match+classify': library };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
  const results: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    // Interleaved so that each candidate sees the same machine state.
    for (const [name, fn] of Object.entries(candidates)) {
      const t0 = performance.now();
      results[name] = fn();
      times[name]!.push(performance.now() - t0);
    }
  }
  const base = median(times['indexOf(@) pass']!);
  const mb = text.length / (1024 * 1024);
  const rows = Object.entries(times).map(([name, ts]) => ({
    candidate: name,
    'median ms': median(ts).toFixed(2),
    'MB/s': (mb / (median(ts) / 1000)).toFixed(0),
    'vs indexOf': `${(median(ts) / base).toFixed(2)}×`,
    count: results[name],
  }));
  return { chars: text.length, planted: made.addresses, rows };
}
