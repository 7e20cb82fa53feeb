// The README's two quick-start commands are the whole set-up on a fresh machine (npm 11 runs
// no `pretest` for `npm test`), and CI runs exactly the README's test command.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const read = (p: string) => readFileSync(root + p, 'utf8');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

function quickStart(): string[] {
  const block = /## Quick start[^\n]*\n+```sh\n([\s\S]*?)```/.exec(read('README.md'));
  if (!block) throw new Error('README has no quick-start block');
  return block[1]!.trim().split('\n');
}

describe('quick start', () => {
  it('has two commands, the second being npm test', () => {
    const cmds = quickStart();
    expect(cmds).toHaveLength(2);
    expect(cmds[1]).toBe('npm test');
  });

  it('the test script itself installs the browsers and xmllint before building and testing', () => {
    const steps = pkg.scripts.test!.split('&&').map((s) => s.trim());
    expect(steps[0]).toBe('bash scripts/ensure-browsers.sh');
    expect(steps).toContain('vitest run');
    // A lifecycle hook would not run under npm 11, so nothing may depend on it.
    expect(pkg.scripts.pretest).toBeUndefined();
  });

  it('CI calls the README test command and installs nothing by hand', () => {
    const ci = read('.ci/run').split('\n').map((l) => l.trim());
    expect(ci).toContain('npm test');
    expect(ci.some((l) => l.includes('ensure-browsers'))).toBe(false);
  });

  it('ensure-browsers names every Debian package the suites need', () => {
    const script = read('scripts/ensure-browsers.sh');
    for (const name of ['chromium', 'firefox-esr', 'libxml2-utils']) expect(script).toContain(name);
  });
});
