// launchevent.js keeps the messages its code can name; a key reached only through a prefix
// completed at run time must survive, and words only other hosts show must not travel.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { catalogPlugin, messageKeysUsed } from './message-keys';

describe('messageKeysUsed', () => {
  const keys = ['rule.secret-document', 'rule.attachment-size', 'policy.risk.too-long', 'addin.send.unchecked', 'popup.title', 'marker.cong-van'];

  it('keeps keys spelled out and keys under a prefix the code completes', () => {
    const code = 'var a=t(l,"addin.send.unchecked"),b=t(l,`rule.${f.rule}`),c=t(l,"policy.risk."+r),d=["marker."].map(String);';
    expect([...messageKeysUsed(code, keys)].sort()).toEqual(['addin.send.unchecked', 'marker.cong-van', 'policy.risk.too-long', 'rule.attachment-size', 'rule.secret-document']);
  });

  it('drops what the code never names, and a key only inside a comment or a longer string', () => {
    const code = '/* popup.title */ var a="see popup.title here",b="rule";';
    expect([...messageKeysUsed(code, keys)]).toEqual([]);
  });
});

describe('catalogPlugin', () => {
  it('gives each language exactly its kept messages, the keys travelling once', async () => {
    const { build } = await import('esbuild');
    const { en } = await import('../core/messages/en');
    const { vi } = await import('../core/messages/vi');
    const keep = new Set(['addin.send.unchecked', 'rule.secret-document', 'policy.risk.public-suffix-official']);
    for (const k of keep) expect(Object.hasOwn(en, k), k).toBe(true);
    const out = await build({
      stdin: { contents: `import { en } from '../core/messages/en'; import { vi } from '../core/messages/vi'; globalThis.catalogs = { en, vi };`, resolveDir: import.meta.dirname, loader: 'ts' },
      bundle: true,
      format: 'iife',
      target: 'es2016',
      write: false,
      plugins: [catalogPlugin(keep)],
      logLevel: 'error',
    });
    const text = out.outputFiles[0]!.text;
    const scope: { catalogs?: { en: Record<string, string>; vi: Record<string, string> } } = {};
    runInNewContext(text.replace('globalThis.catalogs', 'catalogs'), scope);
    const only = (all: Record<string, string>) => Object.fromEntries([...keep].map((k) => [k, all[k]]));
    expect(scope.catalogs!.en).toEqual(only(en));
    expect(scope.catalogs!.vi).toEqual(only(vi));
    expect(text.split('addin.send.unchecked').length - 1).toBe(1);
  });
});
