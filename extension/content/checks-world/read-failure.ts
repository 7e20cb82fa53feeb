// In content-checks.js, stands in for content/read-failure.ts (extension/build.ts): the loader's
// class, which its file reads throw, so `instanceof` still tells a read failure from a bug.
import { sharedByLoader } from '../checks-share';

export const ReadFailure = sharedByLoader().ReadFailure;
