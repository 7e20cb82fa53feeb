// Build step for every bundle that carries postal-mime (the extension, the CLI, the add-in): its
// three decoders (base64, quoted-printable, 8-bit) gather a part's lines and join them with
// `new Blob(lines)`; in those modules alone that name becomes core/extract/parts-blob.ts's
// PartsBlob, which joins the bytes once (see there for why). postal-mime's test of its input
// (`instanceof Blob`) keeps the host's Blob.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

const PARTS_BLOB = fileURLToPath(new URL('../core/extract/parts-blob.ts', import.meta.url));

/** postal-mime's decoder modules, by path inside node_modules. */
export const POSTAL_MIME_DECODER = /[\\/]postal-mime[\\/]dist[\\/]esm[\\/](base64|qp|pass-through)-decoder\.js$/;
const POSTAL_MIME_MODULE = /(^|[\\/])node_modules[\\/]postal-mime[\\/]/;
const MAKES_BLOB = /\bnew Blob\(/;

/**
 * The decoder's source with `Blob` bound to PartsBlob; a decoder that no longer reads the global
 * fails the build. The import shares the first line, so the source map's lines still hold.
 */
export function decoderWithPartsBlob(source: string, path: string, partsBlob = PARTS_BLOB): string {
  if (!MAKES_BLOB.test(source) || /\b(?:const|let|var|class|function)\s+Blob\b|\bimport\b[^;]*\bBlob\b/.test(source)) {
    throw new Error(`${path}: postal-mime's decoder no longer gathers its lines in a global Blob; see scripts/postal-mime-blob.ts`);
  }
  return `import { PartsBlob as Blob } from ${JSON.stringify(partsBlob)}; ${source}`;
}

/**
 * Every postal-mime module a bundle took that makes a Blob must have been rewritten: a new
 * decoder, or the library's CommonJS build beside the ES one, would otherwise make the host's.
 */
export function unrewrittenBlobMakers(bundled: Iterable<string>, rewritten: ReadonlySet<string>, sourceOf: (id: string) => string | undefined): string[] {
  return [...bundled].filter((id) => POSTAL_MIME_MODULE.test(id) && !rewritten.has(id) && MAKES_BLOB.test(sourceOf(id) ?? ''));
}

function fail(bundle: string, missed: string[]): never {
  throw new Error(`${bundle}: postal-mime's ${missed.join(', ')} would make the host's Blob; scripts/postal-mime-blob.ts does not rewrite it`);
}

/** For Vite (the extension, the CLI); `bundle` names the output in an error. */
export function postalMimeBlobVite(bundle = 'postal-mime-blob'): VitePlugin {
  const rewritten = new Set<string>();
  return {
    name: 'congvu-postal-mime-blob',
    enforce: 'pre',
    buildStart() {
      rewritten.clear();
    },
    transform(code, id) {
      if (!POSTAL_MIME_DECODER.test(id)) return null;
      rewritten.add(id);
      return { code: decoderWithPartsBlob(code, id), map: null };
    },
    buildEnd(error) {
      if (error) return;
      const missed = unrewrittenBlobMakers(this.getModuleIds(), rewritten, (id) => this.getModuleInfo(id)?.code ?? undefined);
      if (missed.length) fail(bundle, missed);
    },
  };
}

/**
 * For esbuild (the add-in's launch file and panes); it asks esbuild for the metafile its check
 * reads. A script bundled away from this folder (the benches) names core/extract/parts-blob.ts itself.
 */
export function postalMimeBlobEsbuild(partsBlob = PARTS_BLOB): EsbuildPlugin {
  return {
    name: 'postal-mime-blob',
    setup(b) {
      b.initialOptions.metafile = true;
      const root = b.initialOptions.absWorkingDir ?? process.cwd();
      const rewritten = new Set<string>();
      b.onStart(() => rewritten.clear());
      b.onLoad({ filter: POSTAL_MIME_DECODER }, (args) => {
        rewritten.add(resolve(args.path));
        return { contents: decoderWithPartsBlob(readFileSync(args.path, 'utf8'), args.path, partsBlob), loader: 'js' };
      });
      b.onEnd((result) => {
        if (result.errors.length > 0 || !result.metafile) return;
        // Metafile inputs are relative to the working folder; a namespaced input (a stub) has no file.
        const files = Object.keys(result.metafile.inputs).filter((input) => !/^[\w-]{2,}:/.test(input)).map((input) => resolve(root, input));
        const missed = unrewrittenBlobMakers(files, rewritten, (file) => readFileSync(file, 'utf8'));
        if (missed.length) fail(b.initialOptions.outfile ?? 'postal-mime-blob', missed);
      });
    },
  };
}
