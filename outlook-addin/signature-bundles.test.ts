// unsigned-document (issue 14): the signature verifiers (pkijs, xmldsigjs) load only where
// signatures are verified: the compose pane. launchevent.js and the read pane carry a stub.
// Reads the built files: run `npm run build` (or `npm run build:addin`) first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(process.cwd(), 'dist', 'outlook-addin');
const has = (file: string, marker: string) => readFileSync(join(dist, file), 'utf8').includes(marker);

describe.runIf(existsSync(join(dist, 'launchevent.js')))('signature verifiers in the add-in’s bundles', () => {
  it('are in the compose pane', () => {
    expect(has('compose.js', 'CertificateChainValidationEngine')).toBe(true);
  });
  it('are not in launchevent.js nor the read pane', () => {
    for (const file of ['launchevent.js', 'read.js']) {
      expect(has(file, 'CertificateChainValidationEngine')).toBe(false);
      expect(has(file, 'XmlDsigC14NTransform')).toBe(false);
    }
  });
});
