import { launchChromium } from './harness';
import { defineReaderSuite } from './reader-suite';

// Writes no policy file: runs without the global lock.
defineReaderSuite(launchChromium);
