// The core's public surface: hosts import from here only.
export * from './types';
export * from './policy';
export * from './address';
export { check, emptyMessage, citationFor, receivedMail } from './check';
export { RULES } from './rules';
export { t, renderFinding, renderPolicyError, type MessageKey, type RenderedFinding } from './messages';
