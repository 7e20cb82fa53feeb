// The add-in manifest shipped with the package, rewritten for where IT hosts the add-in.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { KitError } from '../deploy/errors';
import { rewriteManifest } from '../outlook-addin/manifest/rewrite';

export async function addinManifestRewriter(): Promise<(baseUrl: string) => string> {
  const xml = await readFile(new URL('../../manifest.xml', import.meta.url), 'utf8');
  return (baseUrl: string) => {
    try {
      return rewriteManifest(xml, baseUrl);
    } catch (e) {
      throw new KitError(`--addin-url: ${(e as Error).message}`);
    }
  };
}

/** The [MS-OWEMXML] schemas, where a checkout keeps them (beside the repository, in shared/). */
export function defaultManifestSchemas(): string | undefined {
  const dir = fileURLToPath(new URL('../../../shared/owemxml/', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}
