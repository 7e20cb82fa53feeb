// The official directory at a province's size: 50,000 generated people (Vietnamese names by real
// family-name frequencies). Load = parse the hosted file and build the index, as the extension's
// background and the add-in's pane do; lookup = one address or one name. Beside each, a plain
// Map built from a plain JSON list of the same people (addresses only: a Map has no name rule).
import { makeClassifier } from '../core/address/classify';
import { compactDirectory, loadDirectory, nameKeys, parseCompactDirectory, parseDirectorySource, serializeDirectory } from '../core/directory';
import { sampleDirectory } from '../core/directory/sample-directory.test-util';
import { PRESETS } from '../core/policy/presets';
import { showSpread } from './stats';

const COUNT = 50_000;
const perLookup = (ms: number[]) => ms.map((m) => (m / LOOKUPS) * 1000);
const ROUNDS = 15;
const LOOKUPS = 20_000;

// Wall time and this process's CPU time (ms): on a machine shared with other jobs the wall time
// counts the waits for a core, the CPU time does not; both are printed.
const cpu = { ours: [] as number[], map: [] as number[], address: [] as number[], addressMap: [] as number[], name: [] as number[] };
function time(fn: () => void, cpuInto?: number[]): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpuInto?.push((c.user + c.system) / 1000);
  return wall;
}

export function runDirectoryBench(): { title: string; rows: Record<string, string | number>[] } {
  const people = sampleDirectory(COUNT, { personalShare: 0.1 });
  const ours = serializeDirectory(compactDirectory(people));
  const plain = JSON.stringify(people);
  const queries = Array.from({ length: LOOKUPS }, (_, k) => {
    const p = people[(k * 7919) % COUNT]!;
    return k % 4 === 0 ? `nobody${k}@gmail.com` : k % 4 === 1 && p.personal[0] ? p.personal[0] : p.official;
  });
  const names = Array.from({ length: LOOKUPS }, (_, k) => nameKeys(people[(k * 104_729) % COUNT]!.name).folded);

  const load = { ours: [] as number[], map: [] as number[] };
  const address = { ours: [] as number[], map: [] as number[] };
  const byName: number[] = [];
  let hits = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let index = loadDirectory(parseCompactDirectory(ours));
    load.ours.push(time(() => (index = loadDirectory(parseCompactDirectory(ours))), cpu.ours));
    let map = new Map<string, (typeof people)[number]>();
    load.map.push(
      time(() => {
        map = new Map();
        for (const p of JSON.parse(plain) as typeof people) {
          map.set(p.official, p);
          for (const a of p.personal) map.set(a, p);
        }
      }, cpu.map),
    );
    address.ours.push((time(() => queries.forEach((q) => index.byAddress(q) && hits++), cpu.address) / LOOKUPS) * 1000);
    address.map.push((time(() => queries.forEach((q) => map.get(q.toLowerCase()) && hits++), cpu.addressMap) / LOOKUPS) * 1000);
    byName.push((time(() => names.forEach((n) => index.byName(n) && hits++), cpu.name) / LOOKUPS) * 1000);
  }
  const classifier = makeClassifier(PRESETS.danang);
  const csv = new TextEncoder().encode(['name;unit;official;personal', ...people.map((p) => [p.name, p.unit, p.official, p.personal.join(' ')].join(';'))].join('\r\n'));
  const build = Array.from({ length: 3 }, () => time(() => parseDirectorySource(csv, { isOfficial: (a) => classifier.classify(a) === 'official' })));
  return {
    title: `Official directory, ${COUNT.toLocaleString('en')} people: median (IQR, min–max) over ${ROUNDS} rounds; lookups in µs each over ${LOOKUPS.toLocaleString('en')}`,
    rows: [
      { what: 'load: hosted file → index (ours), wall', result: showSpread(load.ours, 1, ' ms'), bytes: ours.length },
      { what: 'load: hosted file → index (ours), CPU', result: showSpread(cpu.ours, 1, ' ms'), bytes: '' },
      { what: 'load: plain JSON list → Map (baseline), wall', result: showSpread(load.map, 1, ' ms'), bytes: plain.length },
      { what: 'load: plain JSON list → Map (baseline), CPU', result: showSpread(cpu.map, 1, ' ms'), bytes: '' },
      { what: 'lookup by address (ours), wall', result: showSpread(address.ours, 3, ' µs'), bytes: '' },
      { what: 'lookup by address (ours), CPU', result: showSpread(perLookup(cpu.address), 3, ' µs'), bytes: '' },
      { what: 'lookup by address, Map.get (baseline), wall', result: showSpread(address.map, 3, ' µs'), bytes: '' },
      { what: 'lookup by address, Map.get (baseline), CPU', result: showSpread(perLookup(cpu.addressMap), 3, ' µs'), bytes: '' },
      { what: 'lookup by name (ours; a Map has none), wall', result: showSpread(byName, 3, ' µs'), bytes: '' },
      { what: 'lookup by name (ours), CPU', result: showSpread(perLookup(cpu.name), 3, ' µs'), bytes: '' },
      { what: 'policy build: read and check the CSV (3 runs)', result: showSpread(build, 0, ' ms'), bytes: csv.length },
      { what: `(hits, so nothing is optimised away: ${hits})`, result: '', bytes: '' },
    ],
  };
}
