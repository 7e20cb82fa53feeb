// Official webmail (issue 12): what official.js evaluates only when the first compose, read view
// or stopped file needs it (issue 11): the sessions, the core's rules and the banner.
export { mountBanner } from '../../ui/banner';
export { stoppedNotice } from '../stopped-notice';
export { OfficialComposeSession } from './official-session';
export { ReadSession } from './read-session';
