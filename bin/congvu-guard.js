#!/usr/bin/env node
// The command resolves to the built CLI; `npm run build` makes it. CommonJS (bin/package.json):
// started as an ES module, the command would pay for Node's ES loader on every run (issue 11).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose (see above) */

const entry = require('node:path').join(__dirname, '../dist/cli/main.cjs');
if (!require('node:fs').existsSync(entry)) {
  process.stderr.write('congvu-guard: not built yet. Run `npm run build` in the package folder first.\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
