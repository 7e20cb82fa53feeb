// content-checks.js (issue 11): the compose checks, added to a webmail tab's isolated world by
// the background on the first compose (background/page-checks.ts). It announces itself to the
// page script that asked for it, through their shared world (checks-share.ts).
import { sharedByLoader } from './checks-share';
import { ComposeSession } from './compose-session';

sharedByLoader().arrived({ ComposeSession });
