// Strength from zxcvbn-ts with its common-password and word lists, shipped in the change-password
// bundle only (never in the scripts every page loads, never fetched at run time). The user's own
// words go in as zxcvbn's user inputs, so a password built on them scores as weak as it is.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { GuessReason } from './guessable';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  score: StrengthScore;
  /** zxcvbn found a well-known password inside (its list ranks the 30 000 most used). */
  common: boolean;
}

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return factory;
}

// A listed password shorter than this is a fragment of many strong passwords ("love", "2000").
const COMMON_MIN_TOKEN = 5;

export function passwordStrength(password: string, userWords: readonly string[]): Strength {
  if (password.length === 0) return { score: 0, common: false };
  const result = estimator().check(password, [...userWords]);
  const common = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'passwords-common' && m.token.length >= COMMON_MIN_TOKEN);
  return { score: result.score as StrengthScore, common };
}

/** The checklist's extra reasons from the strength estimate. */
export function strengthReasons(s: Strength): GuessReason[] {
  return s.common ? ['common'] : [];
}
