#!/usr/bin/env node
// The command resolves to the built CLI; `npm run build` makes it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('congvu-guard: not built yet. Run `npm run build` in the package folder first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
