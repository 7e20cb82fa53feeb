// Build step for every bundle that carries postal-mime (the extension, the CLI, the add-in): its
// three decoders (base64, quoted-printable, 8-bit) gather a part's lines and join them with
// `new Blob(lines)`; in those modules alone that name becomes core/extract/parts-blob.ts's
// PartsBlob, which joins the bytes once (see there for why). postal-mime's test of its input
// (`instanceof Blob`) keeps the host's Blob.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

const PARTS_BLOB = fileURLToPath(new URL('../core/extract/parts-blob.ts', import.meta.url));

/** postal-mime's decoder modules, by path inside node_modules. */
export const POSTAL_MIME_DECODER = /[\\/]postal-mime[\\/]dist[\\/]esm[\\/](base64|qp|pass-through)-decoder\.js$/;
const POSTAL_MIME_MODULE = /(^|[\\/])node_modules[\\/]postal-mime[\\/]/;
const DECODERS = 3;

/** The decoder's source with `Blob` bound to PartsBlob; a decoder that no longer reads the global fails the build. */
export function decoderWithPartsBlob(source: string, path: string, partsBlob = PARTS_BLOB): string {
  if (!/\bnew Blob\(/.test(source) || /\b(?:const|let|var|class|function)\s+Blob\b|\bimport\b[^;]*\bBlob\b/.test(source)) {
    throw new Error(`${path}: postal-mime's decoder no longer gathers its lines in a global Blob; see scripts/postal-mime-blob.ts`);
  }
  return `import { PartsBlob as Blob } from ${JSON.stringify(partsBlob)};\n${source}`;
}

/** A bundle that took postal-mime must have taken its three decoders through the rewrite. */
function checkRewritten(bundled: Iterable<string>, rewritten: ReadonlySet<string>, what: string): void {
  const all = [...bundled];
  if (all.some((id) => POSTAL_MIME_MODULE.test(id)) && rewritten.size !== DECODERS) {
    throw new Error(`${what}: postal-mime is bundled but ${rewritten.size} of its ${DECODERS} decoders were given PartsBlob; has its layout changed? (scripts/postal-mime-blob.ts)`);
  }
}

/** For Vite (the extension, the CLI). */
export function postalMimeBlobVite(): VitePlugin {
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
      if (!error) checkRewritten(this.getModuleIds(), rewritten, 'postal-mime-blob');
    },
  };
}

/**
 * For esbuild (the add-in's launch file and panes); the build must ask for a metafile. A script
 * bundled away from this folder (the benches) names core/extract/parts-blob.ts itself.
 */
export function postalMimeBlobEsbuild(partsBlob = PARTS_BLOB): EsbuildPlugin {
  return {
    name: 'postal-mime-blob',
    setup(b) {
      const rewritten = new Set<string>();
      b.onStart(() => rewritten.clear());
      b.onLoad({ filter: POSTAL_MIME_DECODER }, (args) => {
        rewritten.add(args.path);
        return { contents: decoderWithPartsBlob(readFileSync(args.path, 'utf8'), args.path, partsBlob), loader: 'js' };
      });
      b.onEnd((result) => {
        if (result.errors.length === 0 && result.metafile) checkRewritten(Object.keys(result.metafile.inputs), rewritten, 'postal-mime-blob');
      });
    },
  };
}
