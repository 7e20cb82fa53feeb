// What the rules keep of the last long text they read: a draft is checked again whenever anything
// else about the message changes, and reading a long body again for the same answer was most of
// such a check.

/** Shorter texts (a subject, the sender lines) are read again: cheap, and they would push the body out. */
export const SHORTEST_KEPT = 4096;
/** A text past a long draft's size is not held after its turn. */
export const LONGEST_KEPT = 16_000_000;
