import type { PolicyError } from '../core/policy';

/** A kit that cannot be built: a bad override (named) or a generated file that fails its check. */
export class KitError extends Error {
  constructor(
    message: string,
    readonly errors: PolicyError[] = [],
  ) {
    super(message);
  }
}
