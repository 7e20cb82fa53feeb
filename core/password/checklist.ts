// The live checklist of the change-password pages (rule password-policy): the four kinds of
// character and the length of Art. 8.1b, and the guessable things of Art. 8.1c. Pure; the
// strength estimate (strength.ts) is added by the page bundle, which alone loads zxcvbn.
import { MIN_PASSWORD_LENGTH } from '../rules/password-policy';
import { contextWords, guessableReasons, type GuessReason, type PasswordContext } from './guessable';

export { contextWords };

export type { GuessReason, PasswordContext };

export interface PasswordChecklist {
  length: number;
  minLength: number;
  /** Each requirement of Art. 8.1b, in the order the checklist shows them. */
  longEnough: boolean;
  upper: boolean;
  lower: boolean;
  digit: boolean;
  special: boolean;
  /** Art. 8.1c: why it could be guessed; empty when nothing was found. */
  guessable: GuessReason[];
  /** Every requirement met. */
  met: boolean;
}

export function passwordChecklist(password: string, context: PasswordContext, extraReasons: readonly GuessReason[] = []): PasswordChecklist {
  // Characters as the user sees them: an emoji or a letter with its accent is one.
  const length = [...password.normalize('NFC')].length;
  const upper = /\p{Lu}/u.test(password);
  const lower = /\p{Ll}/u.test(password);
  const digit = /\p{Nd}/u.test(password);
  const special = /[^\p{L}\p{Nd}]/u.test(password);
  const guessable = [...new Set([...guessableReasons(password, context), ...extraReasons])];
  const longEnough = length >= MIN_PASSWORD_LENGTH;
  return { length, minLength: MIN_PASSWORD_LENGTH, longEnough, upper, lower, digit, special, guessable, met: longEnough && upper && lower && digit && special && guessable.length === 0 };
}
