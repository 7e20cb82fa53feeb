// OBM adapter (official webmail, issue 12): OBM's webmail is Roundcube 1.1 (larry skin), so the
// Roundcube download rule holds; its markup is in ./selectors.ts.
import { makeOfficialAdapter } from '../official-adapter.js';
import { roundcubeDownload } from '../roundcube/adapter.js';
import { OBM } from './selectors.js';

export const obmAdapter = makeOfficialAdapter('obm', OBM, { downloadUrl: roundcubeDownload });
