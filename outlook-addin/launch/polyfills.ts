// Library functions newer than ES2016 that the bundled core calls. esbuild lowers syntax to
// ES2016 but not the library, and classic Outlook on Windows before build 2403 runs launch
// events in an ES2016 engine. Each is installed only when missing.
// TODO [2027-01-01]: Remove once classic Outlook builds before 2403 are out of support.

type Writable = Record<string, unknown>;

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

define(Object, 'hasOwn', (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key));
define(Object, 'fromEntries', (entries: Iterable<readonly [PropertyKey, unknown]>) => {
  const out: Writable = {};
  for (const [k, v] of entries) out[k as string] = v;
  return out;
});
define(Array.prototype, 'flat', function flat(this: unknown[], depth = 1): unknown[] {
  const out: unknown[] = [];
  const walk = (list: unknown[], d: number) => {
    for (const x of list) if (Array.isArray(x) && d > 0) walk(x, d - 1);
    else out.push(x);
  };
  walk(this, depth);
  return out;
});
define(Array.prototype, 'flatMap', function flatMap(this: unknown[], fn: (x: unknown, k: number, a: unknown[]) => unknown, self?: unknown): unknown[] {
  const out: unknown[] = [];
  this.forEach((x, k, a) => {
    const r = fn.call(self, x, k, a);
    if (Array.isArray(r)) out.push(...r);
    else out.push(r);
  });
  return out;
});
define(String.prototype, 'matchAll', function matchAll(this: string, re: RegExp): IterableIterator<RegExpExecArray> {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const copy = new RegExp(re.source, flags);
  copy.lastIndex = re.lastIndex;
  const matches: RegExpExecArray[] = [];
  for (let m = copy.exec(this); m; m = copy.exec(this)) {
    matches.push(m);
    if (m[0] === '') copy.lastIndex++;
  }
  return matches[Symbol.iterator]();
});

export {};
