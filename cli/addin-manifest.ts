// The add-in manifest shipped with the package, rewritten for where IT hosts the add-in.
import { existsSync } from 'node:fs';
import { readFile } from './fs-async';
import { fileURLToPath } from 'node:url';
import { KitError } from '../deploy/errors';
import { addWebApplicationInfo, normalizeBaseUrl, rewriteManifest } from '../outlook-addin/manifest/rewrite';

export async function addinManifestRewriter(): Promise<(baseUrl: string, options?: { azureAppId?: string }) => string> {
  const xml = await readFile(new URL('../../manifest.xml', import.meta.url), 'utf8');
  return (baseUrl: string, options: { azureAppId?: string } = {}) => {
    let moved: string;
    try {
      moved = rewriteManifest(xml, baseUrl);
    } catch (e) {
      throw new KitError(`--addin-url: ${(e as Error).message}`);
    }
    if (options.azureAppId === undefined) return moved;
    try {
      return addWebApplicationInfo(moved, options.azureAppId, new URL(normalizeBaseUrl(baseUrl)).host);
    } catch (e) {
      throw new KitError(`--azure-app-id: ${(e as Error).message}`);
    }
  };
}

/** The [MS-OWEMXML] schemas, where a checkout keeps them (beside the repository, in shared/). */
export function defaultManifestSchemas(): string | undefined {
  const dir = fileURLToPath(new URL('../../../shared/owemxml/', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}
