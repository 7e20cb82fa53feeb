// The entry of naa.js: hands the NAA token function to the spam report that loaded this file.
import { NAA_GLOBAL } from './naa';
import { acquireGraphToken } from './naa-token';

(globalThis as Record<string, unknown>)[NAA_GLOBAL] = { acquireGraphToken };
