// Quy chế kèm QĐ 3712/QĐ-UBND (Đà Nẵng, 2017), Art. 9.2: the official mailbox is never used
// to sign up to e-commerce, forums, social networks or games. Also CT 07/CT-CTUBND (Bình Định,
// 2012) item 1c and CV 4504/UBND-CBTH (Quảng Ngãi, 2018) item 1.
//
// Not a message rule: the extension's all-sites script reads a few facts about the form an
// address is typed into and asks `signupNudge` whether to speak. Sign-up forms are told from
// sign-in forms the way browsers and password managers tell them: the autocomplete tokens
// of the form's password fields (`new-password` against `current-password`), a confirmation
// field, the words on the form and its button, and the page's path.
import type { Rule } from './rule';
import { fold } from '../text/fold';
import { cite, DOCS } from './sources';

/** What the all-sites script reads about the form an address was typed into. */
export interface SignupFormFacts {
  /** The value typed, as it stands in the field. */
  value: string;
  /** The page's host name, and its path with the query. */
  host: string;
  path: string;
  /** Autocomplete tokens of the form's password fields, one entry per field ('' when none). */
  passwordAutocomplete: string[];
  /** The form's own words: its id, name, class, action, legend, headings and submit buttons' labels. */
  formText: string;
}

export interface SignupContext {
  officialDomains: readonly string[];
  /** Hosts where the official account belongs (the official webmail, the authority's sign-on). */
  accountHosts: readonly string[];
}

const EMAIL = /^[^\s@]{1,64}@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})\.?$/i;

const within = (host: string, root: string) => host === root || host.endsWith(`.${root}`);

/** Words and paths of sign-up, registration and subscription forms, folded (no diacritics). */
const SIGNUP_WORDS = /(?:^|[^a-z])(?:sign[\s_-]?up|register|registration|create[\s_-]?(?:an?[\s_-]?)?account|join[\s_-]?(?:now|us|free)|subscribe|subscription|newsletter|dang[\s_-]?k[yi]|tao[\s_-]?tai[\s_-]?khoan|nhan[\s_-]?ban[\s_-]?tin|thanh[\s_-]?vien[\s_-]?moi)/;
const SIGNIN_WORDS = /(?:^|[^a-z])(?:log[\s_-]?in|sign[\s_-]?in|signin|login|logon|dang[\s_-]?nhap)(?:[^a-z]|$)/;
// Path and query: phpBB registers at ucp.php?mode=register, Discourse at /signup, XenForo at /register/.
const SIGNUP_PATH = /(?:^|[/_.?&=-])(?:register|registration|signup|sign-up|join|create-account|subscribe|newsletter|dang-?k[yi])(?:[/_.?&=-]|$)/;

export type FormKind = 'signup' | 'signin' | 'unknown';

/** Sign-up, sign-in or neither, from the password fields first, then the words. */
export function formKind(facts: Omit<SignupFormFacts, 'value' | 'host'>): FormKind {
  const tokens = facts.passwordAutocomplete.map((t) => t.toLowerCase());
  if (tokens.some((t) => t.includes('new-password'))) return 'signup';
  if (tokens.some((t) => t.includes('current-password'))) return 'signin';
  // A password and its confirmation: the shape of every registration form.
  if (tokens.length >= 2) return 'signup';
  const words = fold(facts.formText);
  const path = facts.path.toLowerCase();
  const signupWords = SIGNUP_WORDS.test(words) || SIGNUP_PATH.test(path);
  if (tokens.length === 1) return signupWords && !SIGNIN_WORDS.test(words) ? 'signup' : 'signin';
  if (SIGNIN_WORDS.test(words) && !SIGNUP_WORDS.test(words)) return 'signin';
  return signupWords ? 'signup' : 'unknown';
}

/** The official address to speak about, or undefined when the form and the site are fine. */
export function signupNudge(facts: SignupFormFacts, ctx: SignupContext): string | undefined {
  const m = EMAIL.exec(facts.value.trim());
  if (!m) return undefined;
  const domain = m[1]!.toLowerCase();
  if (!ctx.officialDomains.some((d) => within(domain, d))) return undefined;
  const host = facts.host.toLowerCase().replace(/\.$/, '');
  // Government sites take the official address by design (Đà Nẵng's sign-on, Art. 2.3).
  if (within(host, 'gov.vn') || ctx.accountHosts.some((h) => within(host, h))) return undefined;
  return formKind(facts) === 'signup' ? facts.value.trim() : undefined;
}

export const officialAddressSignupRule: Rule = {
  id: 'official-address-signup',
  // Applied in web forms by the extension, never to a message.
  appliesTo: [],
  // A getter: the all-sites script takes signupNudge from this file, and bundling leaves the
  // citation texts out only when nothing is built from them as the file loads.
  get sources() {
    return {
      default: { vi: 'Quy định về sử dụng hộp thư điện tử công vụ', en: 'The rules on using the official mailbox' },
      danang: cite({ vi: 'Khoản 2 Điều 9', en: 'Art. 9.2' }, DOCS.qc3712Danang),
      quangngai: cite({ vi: 'Mục 1', en: 'Item 1' }, DOCS.cv4504Quangngai),
      binhdinh: cite({ vi: 'Mục 1c', en: 'Item 1c' }, DOCS.ct07Binhdinh),
    };
  },
  check: () => [],
};
