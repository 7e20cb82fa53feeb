// The add-in manifest shipped with the package, rewritten for where IT hosts the add-in.
import { readFile } from 'node:fs/promises';
import { KitError } from '../deploy/errors';

export async function addinManifestRewriter(): Promise<(baseUrl: string) => string> {
  const xml = await readFile(new URL('../../manifest.xml', import.meta.url), 'utf8');
  const placeholder = 'https://congvu-guard.invalid/outlook/';
  return (baseUrl: string) => {
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    if (!/^https:\/\/[^\s/]+/.test(base)) throw new KitError('--addin-url must be an https:// address');
    return xml.split(placeholder).join(base);
  };
}
