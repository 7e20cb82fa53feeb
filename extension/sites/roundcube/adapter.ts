// Roundcube adapter (official webmail, issue 12). All markup knowledge is in ./selectors.ts.
import { makeOfficialAdapter, type OfficialHooks } from '../official-adapter.js';
import { ROUNDCUBE } from './selectors.js';

/** Roundcube's "get" action shows some types in a frame page; `_download=1` returns the bytes themselves. */
export const roundcubeDownload: OfficialHooks['downloadUrl'] = (link) => {
  const url = new URL(link.href);
  url.searchParams.set('_download', '1');
  return url;
};

export const roundcubeAdapter = makeOfficialAdapter('roundcube', ROUNDCUBE, { downloadUrl: roundcubeDownload });
