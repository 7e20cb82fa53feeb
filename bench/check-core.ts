// The part of the core the check() comparison loads from each build: bundled on its own, so that
// another build's copy (CVG_CHECK_COMPARE) can be loaded beside this one in one process.
export { check, emptyMessage } from '../core/check';
export { compactDirectory, loadDirectory } from '../core/directory';
export { PRESETS } from '../core/policy/presets';
