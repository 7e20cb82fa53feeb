import { launchFirefox } from './harness';
import { defineReaderSuite } from './reader-suite';

// Writes Firefox's policies.json: run under the global lock.
defineReaderSuite(launchFirefox);
