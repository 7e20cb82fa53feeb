// What a one-file scan loads (issue 11). Speed is measured in bench/cli.bench.ts; this counts
// modules instead, which does not depend on the machine: a scan of one small file must not
// load the pool's threads, fs's promise and stream layers, or readers its file does not need.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin/congvu-guard.js');
const dir = mkdtempSync(join(tmpdir(), 'congvu-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Preloaded into the scan: records every require() by name, and at exit Node's own list of
// the built-in modules it has loaded.
const PRELOAD = `
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const asked = new Set();
const load = Module._load;
Module._load = function (request, ...rest) { asked.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => writeFileSync(process.env.CVG_LOADS, JSON.stringify({ asked: [...asked], builtins: process.moduleLoadList })));
`;

function loadsOf(file: string): { packages: string[]; builtins: string[]; stdout: string; bundled: string[] } {
  const preload = join(dir, 'preload.cjs');
  writeFileSync(preload, PRELOAD);
  const out = join(dir, 'loads.json');
  const r = spawnSync(process.execPath, ['--require', preload, bin, 'scan', file], { cwd: root, encoding: 'utf8', env: { ...process.env, CVG_LOADS: out }, timeout: 60_000 });
  expect(r.status, r.stderr).toBe(1);
  const { asked, builtins } = JSON.parse(readFileSync(out, 'utf8')) as { asked: string[]; builtins: string[] };
  // Libraries bundled into the CLI (postal-mime) load as chunks of its own, by a relative path.
  return { packages: asked.filter((m) => !/^(\.|\/|node:)/.test(m)), builtins, stdout: r.stdout, bundled: asked.filter((m) => /postal-mime/.test(m)) };
}

const NEVER_FOR_ONE_FILE = ['NativeModule worker_threads', 'NativeModule internal/fs/promises', 'NativeModule internal/fs/streams'];

describe('a one-file scan loads only what its file needs', () => {
  it('a small text file: no library, no worker threads, no fs promises or file streams', () => {
    const tiny = join(dir, 'cong-van.txt');
    writeFileSync(tiny, 'Kính gửi Văn phòng UBND thành phố,\nXin liên hệ vanthu.ubnd@gmail.com để biết thêm.\n');
    const { packages, builtins, stdout, bundled } = loadsOf(tiny);
    expect(stdout).toContain('vanthu.ubnd@gmail.com');
    expect(packages).toEqual([]);
    expect(bundled).toEqual([]);
    expect(builtins.filter((m) => NEVER_FOR_ONE_FILE.includes(m))).toEqual([]);
  });

  it('a small docx: no library (the core XML scanner reads it, saxes only a DOCTYPE part), no fflate (zlib inflates it), worker threads or fs promises', () => {
    const { packages, builtins, stdout, bundled } = loadsOf(join(root, 'test/fixtures/docs/cong-van-lien-he-gmail.docx'));
    expect(stdout).toContain('nguyenvana@gmail.com');
    expect(packages).toEqual([]);
    expect(bundled).toEqual([]);
    expect(builtins.filter((m) => NEVER_FOR_ONE_FILE.includes(m))).toEqual([]);
  });

  it('an e-mail loads the mail parser, bundled in the CLI (so the test above can see it)', () => {
    const { bundled, stdout } = loadsOf(join(root, 'test/fixtures/docs/thu-html.eml'));
    expect(stdout).toContain('hopthu.phuong@yahoo.com');
    expect(bundled).toEqual([expect.stringMatching(/^\.\/postal-mime-.*\.cjs$/)]);
  });
});
