// official-checks.js (issue 11): the official webmail's sessions, the core's rules and the
// banner, added to the frame's isolated world by the background on the first compose, read view
// or stopped file (background/page-checks.ts). It announces itself to official.js through their
// shared world (content/checks-share.ts).
import { sharedByLoader } from '../checks-share';
import * as checks from './checks';

sharedByLoader<typeof checks>().arrived(checks);
