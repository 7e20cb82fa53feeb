// What the background precomputes for the all-sites script (extension/allsites/index.ts) and
// keeps in storage.local: the script reads it once, on the first address or password typed,
// instead of resolving the policy or loading the message catalogs in every page.
import type { Severity } from '../../core/types';
import type { OfficialProduct } from '../sites/official-detect';

export const ALLSITES_KEY = 'allSitesConfig';

export interface ToastWords {
  product: string;
  severity: string;
  citation: string;
  close: string;
}

export interface AllSitesConfig {
  /** Absent when the policy turns official-address-signup off. */
  signup?: {
    mode: Severity;
    officialDomains: string[];
    /** The official webmail's hosts and IT's sign-on hosts: the official address belongs there. */
    accountHosts: string[];
    /** The nudge, with `{address}` left for the script to fill. */
    text: string;
    words: ToastWords;
  };
  /** Present when password-policy is on: passwords typed are then sent to the background to compare. */
  reuse?: true;
}

/** What a page tells the background about a password field (the value goes no further than the background). */
export interface PasswordTyped {
  type: 'password-typed';
  value: string;
  /** The form's kind by its password fields (a sign-in form has one, asking for the current password). */
  form: 'signup' | 'signin' | 'unknown';
  /** For a sign-in form: the webmail product it belongs to, for the change-password link. */
  product?: OfficialProduct;
}

/** The background's answer when the password is the official one, typed on another site. */
export interface ReuseAlert {
  text: string;
  words: ToastWords;
  /** Where the change-password button goes; absent when the policy names no official webmail. */
  changeUrl?: string;
  changeLabel?: string;
}

/** What the official webmail's own pages report (official-session.ts). */
export interface OfficialPage {
  type: 'official-page';
  state: 'signed-in' | 'signed-out';
}
