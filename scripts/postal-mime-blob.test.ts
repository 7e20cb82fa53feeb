// The build step that hands postal-mime's decoders PartsBlob: a bundle made with it parses real
// mail where the host's Blob cannot be used at all, and a postal-mime that changed how it gathers
// its lines stops the build instead of quietly going back to the host's Blob.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { decoderWithPartsBlob, postalMimeBlobEsbuild, POSTAL_MIME_DECODER, unrewrittenBlobMakers } from './postal-mime-blob';

const ROOT = join(__dirname, '..');

async function bundle(withStep: boolean): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import PostalMime from 'postal-mime';
globalThis.parseMail = (bytes) => PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: withStep ? [postalMimeBlobEsbuild()] : [],
  });
  return out.outputFiles[0]!.text;
}

/** A runtime whose Blob exists (postal-mime tests its input against it) but cannot be made. */
function runtimeWithUnusableBlob() {
  class Blob {
    constructor() {
      throw new Error('the host Blob was constructed');
    }
  }
  return createContext({ Blob, TextDecoder, TextEncoder, Uint8Array, ArrayBuffer, console, setTimeout, atob });
}

async function parseIn(code: string, name: string) {
  const context = runtimeWithUnusableBlob();
  new Script(code).runInContext(context);
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures', name)));
  return (await (context.parseMail as (b: Uint8Array) => Promise<{ text?: string; attachments: { filename: string | null; content: ArrayBuffer }[] }>)(bytes));
}

describe('postal-mime built with PartsBlob', () => {
  it.each([
    ['third-party/mimetorture.eml', 'base64, quoted-printable and nested parts'],
    ['docs/thu-dinh-kem-cong-van.eml', 'a Vietnamese letter with a docx and a mail attached'],
  ])('parses %s (%s) without ever making the host Blob', async (name) => {
    const mail = await parseIn(await bundle(true), name);
    expect(mail.attachments.length).toBeGreaterThan(0);
    for (const a of mail.attachments) expect(a.content.byteLength).toBeGreaterThan(0);
    // Without the step, the same bundle reaches for the host's Blob: the runtime above is a real test.
    await expect(parseIn(await bundle(false), name)).rejects.toThrow('the host Blob was constructed');
  });

  it('is in every built file that carries postal-mime: the extension\'s readers, the add-in\'s launch file and panes, the CLI', () => {
    const carriers: string[] = [];
    for (const folder of ['dist/chrome', 'dist/firefox', 'dist/outlook-addin', 'dist/cli/assets']) {
      for (const name of readdirSync(join(ROOT, folder))) {
        if (!/\.c?js$/.test(name)) continue;
        const code = readFileSync(join(ROOT, folder, name), 'utf8');
        // postal-mime's own words, kept by every minifier.
        if (!code.includes('Can not reuse parser')) continue;
        carriers.push(`${folder}/${name}`);
        expect(code, `${folder}/${name}`).not.toMatch(/new Blob\(this\.chunks/);
      }
    }
    expect(carriers).toEqual(expect.arrayContaining(['dist/chrome/reader-worker.js', 'dist/firefox/reader-worker.js', 'dist/outlook-addin/launchevent.js', 'dist/outlook-addin/compose.js', 'dist/outlook-addin/read.js']));
    expect(carriers.some((c) => /^dist\/cli\/assets\/postal-mime-.*\.cjs$/.test(c))).toBe(true);
  });

  it('names the three decoders of the installed postal-mime', () => {
    const dir = join(ROOT, 'node_modules/postal-mime/dist/esm');
    for (const name of ['base64-decoder.js', 'qp-decoder.js', 'pass-through-decoder.js']) {
      expect(POSTAL_MIME_DECODER.test(join(dir, name))).toBe(true);
      expect(decoderWithPartsBlob(readFileSync(join(dir, name), 'utf8'), name)).toMatch(/^import \{ PartsBlob as Blob \} from /);
    }
  });

  it('stops a build that takes a postal-mime module making a Blob it did not rewrite: its CommonJS build, or a new decoder', async () => {
    const esm = join(ROOT, 'node_modules/postal-mime/dist/esm');
    const rewritten = new Set(['base64-decoder.js', 'qp-decoder.js', 'pass-through-decoder.js'].map((n) => join(esm, n)));
    const sources: Record<string, string> = {
      [join(esm, 'postal-mime.js')]: 'if (value instanceof Blob) {}',
      [join(esm, 'quoted-decoder.js')]: 'finalize() { return new Blob(this.chunks); }',
      [join(ROOT, 'node_modules/postal-mime/dist/cjs/pass-through-decoder.cjs')]: 'return new Blob(this.chunks)',
      [join(ROOT, 'core/extract/eml.ts')]: 'new Blob([x])',
    };
    const bundled = [...rewritten, ...Object.keys(sources)];
    expect(unrewrittenBlobMakers(bundled, rewritten, (id) => sources[id] ?? 'new Blob(this.chunks)')).toEqual([join(esm, 'quoted-decoder.js'), join(ROOT, 'node_modules/postal-mime/dist/cjs/pass-through-decoder.cjs')]);
    // And through esbuild: a bundle that also requires the CommonJS build fails, naming it.
    await expect(
      build({
        stdin: { contents: `import PostalMime from 'postal-mime'; const cjs = require('postal-mime'); globalThis.x = [PostalMime, cjs];`, resolveDir: ROOT, loader: 'js' },
        bundle: true,
        write: false,
        logLevel: 'silent',
        plugins: [postalMimeBlobEsbuild()],
      }),
    ).rejects.toThrow(/dist\/cjs\/.*would make the host's Blob/);
  });

  it('stops the build when a decoder no longer joins its lines in the global Blob', () => {
    expect(() => decoderWithPartsBlob('export default class D { finalize() { return join(this.chunks); } }', 'qp-decoder.js')).toThrow(/no longer gathers its lines/);
    expect(() => decoderWithPartsBlob('const Blob = globalThis.Blob; new Blob([]);', 'qp-decoder.js')).toThrow(/no longer gathers its lines/);
  });
});
