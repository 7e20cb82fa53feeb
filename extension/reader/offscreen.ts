// Chrome's offscreen document: hosts the Worker that reads attached files, for the service
// worker, which cannot start one itself. It has no UI and is closed if it stops answering.
import { browser } from '../host/browser-api';
import { READER_PORT } from '../host/messages';
import { serveExtractPort } from '../background/extract';
import { WorkerReader } from './worker-reader';

const reader = new WorkerReader(() => new Worker(browser.runtime.getURL('reader-worker.js')));

browser.runtime.onConnect.addListener((port) => {
  if (port.name === READER_PORT) serveExtractPort(port, (name, bytes, roots) => reader.read(name, bytes, roots));
});
