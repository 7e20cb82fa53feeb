// fs's promise calls without node:fs/promises: that module is not part of Node's start-up
// snapshot and costs a one-file scan a few ms to load (issue 11); fs's callback calls are there.
import { readFile as readFileCallback, stat as statCallback } from 'node:fs';
import { promisify } from 'node:util';

export const readFile = promisify(readFileCallback);
export const stat = promisify(statCallback);
