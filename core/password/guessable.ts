// What makes a password guessable for Art. 8.1c of QĐ 3712 (Đà Nẵng): the owner's name and
// address, dates, phone numbers, the authority's name, keyboard runs, well-known passwords.
// Pure text checks on what the page already shows (the account's address and name) and on the
// policy (the official domains); nothing is fetched and nothing leaves the page.
import { fold } from '../text/fold';
import { COMMON_VI_PASSWORDS } from './common-vi';

export type GuessReason = 'name' | 'authority' | 'date' | 'phone' | 'keyboard' | 'common';

/** What a page knows about the account whose password is being changed. */
export interface PasswordContext {
  /** The account's address and display name, as the page shows them (may be empty). */
  account: readonly string[];
  /** The authority's official domains (the policy's), whose names are easy guesses. */
  officialDomains: readonly string[];
}

// Look-alike substitutions people use to pass complexity rules ("P@ssw0rd").
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

function unleet(text: string): string {
  return [...text].map((c) => LEET[c] ?? c).join('');
}

/** The forms of the password that words are looked for in: folded, and folded with look-alikes undone, letters only. */
function letterForms(password: string): string[] {
  const folded = fold(password);
  return [...new Set([folded.replace(/[^a-z]/g, ''), unleet(folded).replace(/[^a-z]/g, '')])];
}

// Labels of a domain that name no one: "mail.danang.gov.vn" → "danang".
const GENERIC_LABELS = new Set(['gov', 'vn', 'com', 'net', 'org', 'edu', 'mail', 'www', 'webmail', 'email']);

function nameTokens(context: PasswordContext): string[] {
  const tokens = new Set<string>();
  for (const raw of context.account) {
    const text = fold(raw);
    const [local, domain = ''] = text.split('@');
    const localParts = (local ?? '').split(/[^a-z]+/).filter(Boolean);
    // "nguyenvana" and "nguyen", "van" from "Nguyễn Văn A" or "nguyen.van.a".
    tokens.add(localParts.join(''));
    for (const p of localParts) tokens.add(p);
    for (const label of domain.split('.')) if (!GENERIC_LABELS.has(label)) tokens.add(label);
  }
  // Short parts ("a", "le") are in too many strong passwords to mean anything.
  return [...tokens].filter((t) => t.length >= 3);
}

function authorityTokens(context: PasswordContext): string[] {
  const tokens = new Set(['ubnd', 'hdnd', 'ubndtp', 'sotttt', 'stttt']);
  for (const d of context.officialDomains) for (const label of fold(d).split('.')) if (!GENERIC_LABELS.has(label) && label.length >= 3) tokens.add(label);
  return [...tokens];
}

function containsAny(forms: readonly string[], words: readonly string[]): boolean {
  return words.some((w) => forms.some((f) => f.includes(w)));
}

function validDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function looksLikeDate(digits: string): boolean {
  const n = (s: string) => Number(s);
  if (digits.length === 4) return n(digits) >= 1940 && n(digits) <= 2035;
  if (digits.length === 6) return validDayMonth(n(digits.slice(0, 2)), n(digits.slice(2, 4)));
  if (digits.length === 8) {
    return (validDayMonth(n(digits.slice(0, 2)), n(digits.slice(2, 4))) && /^(19|20)/.test(digits.slice(4))) || (/^(19|20)/.test(digits) && validDayMonth(n(digits.slice(6, 8)), n(digits.slice(4, 6))));
  }
  return false;
}

/** Digit runs, with the separators of a written date taken out ("12/05/1985" → "12051985"). */
function digitRuns(password: string): string[] {
  return (password.replace(/(\d)[./-](?=\d)/g, '$1').match(/\d+/g) ?? []) as string[];
}

function hasDate(password: string): boolean {
  return digitRuns(password).some((run) => {
    for (const len of [8, 6, 4]) for (let i = 0; i + len <= run.length; i++) if (looksLikeDate(run.slice(i, i + len))) return true;
    return false;
  });
}

// Vietnamese phone numbers: mobiles 0[35789]x xxx xxxx, landlines 02xx xxx xxxx, with 84 for 0.
function hasPhone(password: string): boolean {
  return digitRuns(password).some((run) => /0[2-9]\d{7,}|84[2-9]\d{8}/.test(run));
}

const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];
const RUN = 4;

function hasKeyboardRun(password: string): boolean {
  const text = password.toLowerCase();
  for (let i = 0; i + RUN <= text.length; i++) {
    const piece = text.slice(i, i + RUN);
    if (new Set(piece).size === 1) return true;
    const reversed = [...piece].reverse().join('');
    if (KEY_ROWS.some((row) => row.includes(piece) || row.includes(reversed))) return true;
  }
  return false;
}

function isCommon(password: string): boolean {
  return containsAny(letterForms(password), COMMON_VI_PASSWORDS.filter((w) => /^[a-z]+$/.test(w))) || COMMON_VI_PASSWORDS.includes(password.toLowerCase());
}

/** The words of the account and the authority, for the strength estimator's own dictionary of user inputs. */
export function contextWords(context: PasswordContext): string[] {
  return [...new Set([...nameTokens(context), ...authorityTokens(context)])];
}

/** Why the password could be guessed, in a fixed order; empty when nothing was found. */
export function guessableReasons(password: string, context: PasswordContext): GuessReason[] {
  if (password.length === 0) return [];
  const forms = letterForms(password);
  const reasons: GuessReason[] = [];
  if (containsAny(forms, nameTokens(context))) reasons.push('name');
  if (containsAny(forms, authorityTokens(context))) reasons.push('authority');
  if (hasPhone(password)) reasons.push('phone');
  else if (hasDate(password)) reasons.push('date');
  if (hasKeyboardRun(password)) reasons.push('keyboard');
  if (isCommon(password)) reasons.push('common');
  return reasons;
}
